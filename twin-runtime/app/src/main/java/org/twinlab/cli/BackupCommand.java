package org.twinlab.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.twinlab.runtime.backup.BackupException;
import org.twinlab.runtime.backup.BackupManifest;
import org.twinlab.runtime.backup.DataBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A consistent backup of a data directory, taken while the runtime runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Back up a data directory (history, binding versions, spooled points, accounts, sessions) into one checked zip "
        + "file readable by its owner only; safe while a runtime is writing it. The platform's private signing key is left out "
        + "unless --include-keys is given.")
final class BackupCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  DataDirOption data;

  @Option(names = {"-o", "--out"}, description = "backup file (default: twinlab-backup-<UTC time>.zip)")
  Path out;

  @Option(names = "--include-keys", description = "also back up the platform's private signing key (whoever holds it can sign evidence)")
  boolean includeKeys;

  @Override
  public Integer call() {
    Instant now = Instant.now(); // the command's one reading of the clock: the file's name and its manifest agree
    Path target = out != null ? out : Path.of("twinlab-backup-" + STAMP.format(now) + ".zip");
    try {
      BackupManifest m = DataBackup.create(data.dir, target, includeKeys, now);
      spec.commandLine().getOut().printf("backed up %s to %s: %d files, %d bytes, each with its SHA-256; %s%n", data.dir, target,
          m.files().size(), m.totalBytes(), includeKeys ? "the private signing key included" : "the private signing key left out");
      spec.commandLine().getOut().flush();
      return 0;
    } catch (BackupException e) {
      spec.commandLine().getErr().println("twinlab backup: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }
}
