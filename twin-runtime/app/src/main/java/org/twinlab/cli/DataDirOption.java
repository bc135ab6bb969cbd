package org.twinlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data}: the data directory a command works on, declared once for every command that has one. */
final class DataDirOption {
  @Option(names = "--data", paramLabel = "<data>", defaultValue = "twinlab-data",
      description = "data directory: history, binding versions, accounts, sessions and evidence (default: ${DEFAULT-VALUE})")
  Path dir;
}
