package org.twinlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinlab.runtime.backup.BackupException;
import org.twinlab.runtime.backup.BackupManifest;
import org.twinlab.runtime.backup.DataBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A backup back into a data directory, after every file in it has been checked. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Check a backup file and restore it into an empty or new data directory. A damaged backup is refused "
        + "and nothing is written.")
final class RestoreCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BACKUP", description = "the backup file")
  Path backup;

  @Mixin
  DataDirOption data;

  @Option(names = "--check", description = "only check the backup, restore nothing")
  boolean check;

  @Override
  public Integer call() {
    try {
      BackupManifest m = check ? DataBackup.verify(backup) : DataBackup.restore(backup, data.dir);
      spec.commandLine().getOut().printf("%s: OK, %d files, %d bytes, taken %s from %s%s%n", backup, m.files().size(),
          m.totalBytes(), m.created(), m.source(), check ? "" : "; restored into " + data.dir);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (BackupException e) {
      spec.commandLine().getErr().println("twinlab restore: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }
}
