package org.twinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TwinlabCliTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void anUnknownRigIsAUsageErrorNamingTheChoices() {
    String[] r = run("sim", "--rig", "robot-arm");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("unknown rig 'robot-arm'").contains("conveyor-sorting, tank-process, motor-vibration");
  }

  @Test
  void theSensorNodeNeedsABroker() {
    String[] r = run("sim", "--rig", "motor-vibration");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--mqtt");
  }

  @Test
  void helpListsTheCommands() {
    String[] r = run("--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("sim");
  }

  @Test
  void serveChecksAConfigurationWithoutStarting() {
    String[] r = run("serve", "--check", "--config", "../examples/lab/twinlab.yaml");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("2 connections, 2 twins");
  }

  @Test
  void serveNamesTheProblemsOfABadConfiguration() {
    String[] r = run("serve", "--check", "--config", "does-not-exist.yaml");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("does-not-exist.yaml");
  }
}
