package org.twinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of every command, with its names, type, arity, whether it is required and its
 * default, as users and scripts rely on them: options declared once and shared must keep them.
 * A new option is added to {@code cli-options.txt} beside this class (one line, in the order the
 * failure shows).
 */
class CliOptionsTest {

  @Test
  void everyCommandKeepsItsOptionsNamesAndDefaults() throws IOException {
    List<String> lines = new ArrayList<>();
    list(TwinlabCli.commandLine().getCommandSpec(), lines);
    assertThat(lines).containsExactlyElementsOf(expected());
  }

  @Test
  void sharedOptionsKeepTheirDefaultsInEachCommand() {
    assertThat(option("--data", "backup")).hasToString("twinlab-data");
    assertThat(option("--data", "users", "list")).hasToString("twinlab-data");
    assertThat(option("--seconds", "bench", "connector", "--protocol", "opcua")).isEqualTo(20);
    assertThat(option("--warmup", "bench", "connector", "--protocol", "opcua")).isEqualTo(8);
    assertThat(option("--seconds", "bench", "ingest")).isEqualTo(30);
    assertThat(option("--warmup", "bench", "ingest")).isEqualTo(10);
    assertThat(option("--seconds", "bench", "ingest", "--seconds", "5")).isEqualTo(5);
    assertThat(option("--data", "export", "--twin", "t", "--data", "elsewhere")).hasToString("elsewhere");
  }

  @Test
  void helpShowsEachBenchsOwnDefaults() {
    assertThat(help("bench", "connector")).contains("measured time (default: 20)").contains("seconds before measuring (default: 8)");
    assertThat(help("bench", "ingest")).contains("measured time (default: 30)").contains("seconds before measuring (default: 10)")
        .contains("updates per second of each signal (default: 10)");
    assertThat(help("users", "add")).contains("(default: twinlab-data)");
  }

  @Test
  void aBenchOverMqttWithoutABrokerIsAUsageErrorNamingTheOption() {
    for (String bench : List.of("connector", "ingest")) {
      CommandLine cli = TwinlabCli.commandLine();
      java.io.StringWriter err = new java.io.StringWriter();
      cli.setErr(new java.io.PrintWriter(err));
      int code = cli.execute("bench", bench, "--protocol", "mqtt");
      assertThat(code).as(bench).isEqualTo(2);
      assertThat(err.toString()).as(bench).contains("--protocol mqtt needs --mqtt tcp://HOST:PORT");
    }
  }

  private static String help(String... command) {
    CommandLine cli = TwinlabCli.commandLine();
    for (String name : command) cli = cli.getSubcommands().get(name);
    return cli.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " "); // as read, not as wrapped
  }

  /** The value an option of the last command named holds after parsing these arguments. */
  private static Object option(String name, String... args) {
    CommandLine.ParseResult r = TwinlabCli.commandLine().parseArgs(args);
    while (r.hasSubcommand()) r = r.subcommand();
    return r.commandSpec().findOption(name).getValue();
  }

  private static void list(CommandSpec spec, List<String> out) {
    List<String> own = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp()) continue;
      own.add(spec.qualifiedName() + " " + String.join("|", o.names()) + " " + o.paramLabel() + " type=" + o.type().getSimpleName() + " arity=" + o.arity()
          + " required=" + o.required() + " default=" + o.defaultValueString(false));
    }
    own.sort(null);
    out.addAll(own);
    spec.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct().forEach(s -> list(s, out));
  }

  private static List<String> expected() throws IOException {
    try (InputStream in = CliOptionsTest.class.getResourceAsStream("cli-options.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
