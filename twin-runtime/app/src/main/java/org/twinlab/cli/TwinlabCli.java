package org.twinlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code twinlab} command. */
@Command(
    name = "twinlab",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Digital-twin platform runtime for practical skill-assessment labs.",
    subcommands = {DemoCommand.class, ServeCommand.class, ExportCommand.class, BackupCommand.class, RestoreCommand.class,
        ScenarioCommand.class, ExamCommand.class, SessionCommand.class, EvidenceCommand.class, KeysCommand.class, CertsCommand.class, UsersCommand.class,
        SimCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class TwinlabCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new TwinlabCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
