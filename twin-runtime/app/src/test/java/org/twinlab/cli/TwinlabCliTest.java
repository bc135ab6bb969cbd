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
    String[] r = run("serve", "--check", "--config", "../../examples/lab/twinlab.yaml");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("2 connections, 2 twins");
  }

  @Test
  void serveNamesTheProblemsOfABadConfiguration() {
    String[] r = run("serve", "--check", "--config", "does-not-exist.yaml");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("does-not-exist.yaml");
  }

  @Test
  void scenarioValidateAcceptsTheLibraryAndNamesTheLineOfABrokenCopy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path good = java.nio.file.Path.of("..", "..", "lab-scenarios", "src", "main", "resources", "scenarios", "level-4",
        "l4-operate-tank-overflow-estop.yaml");
    String[] ok = run("scenario", "validate", good.toString());
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    assertThat(ok[1]).contains("OK (l4-operate-tank-overflow-estop");

    java.nio.file.Path broken = dir.resolve("broken.yaml");
    java.nio.file.Files.writeString(broken, java.nio.file.Files.readString(good)
        .replace("and first rig.tank.level >= 490", "and first rig.tank.levl >= 490"));
    String[] bad = run("scenario", "validate", broken.toString());
    assertThat(bad[0]).isEqualTo("1");
    int line = java.nio.file.Files.readAllLines(broken).stream().map(String::strip).toList()
        .indexOf(java.nio.file.Files.readAllLines(broken).stream().map(String::strip)
            .filter(l -> l.contains("rig.tank.levl")).findFirst().orElseThrow()) + 1;
    assertThat(bad[2]).contains(broken + ":" + line + ":").contains("no property 'tank.levl'");
  }

  @Test
  void scenarioListAndCoverageShowTheLibrary() {
    String[] list = run("scenario", "list");
    assertThat(list[0]).isEqualTo("0");
    assertThat(list[1]).contains("l4-operate-tank-overflow-estop").contains("L4").contains("operate");
    String[] coverage = run("scenario", "coverage");
    assertThat(coverage[0]).isEqualTo("0");
    assertThat(coverage[1]).contains("Level 5").contains("3.1.2").contains("not assessed yet").contains("clauses assessed by");
  }

  @Test
  void scenarioDryRunScoresTheReferenceAndFailsAScenarioItCannotSolve(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path good = java.nio.file.Path.of("..", "..", "lab-scenarios", "src", "main", "resources", "scenarios", "level-4",
        "l4-debug-tank-level-scale.yaml");
    String[] ok = run("scenario", "dry-run", good.toString(), "--sheets", dir.toString());
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    assertThat(ok[1]).contains("total 100.0 of 100, pass mark 60: PASSED").contains("-- idle candidate:").contains("OK   l4-debug-tank-level-scale");
    assertThat(java.nio.file.Files.readAllLines(dir.resolve("l4-debug-tank-level-scale.csv"))).hasSize(6)
        .anySatisfy(l -> assertThat(l).startsWith("\"\",,,,l4-debug-tank-level-scale,2,L4,fix-the-binding,")
            .contains(",4-04-05-10 L4 1.1.1,twin-matches-rig,measurement,"))
        .first().isEqualTo("\uFEFF" + String.join(",", org.twinlab.scenarios.score.ScoreSheetCsv.COLUMNS));

    java.nio.file.Path unsolved = dir.resolve("unsolved.yaml");
    java.nio.file.Files.writeString(unsolved, java.nio.file.Files.readString(good).replace("  - at: 2m\n    do: binding_edit", "  - at: 19m59s\n    do: binding_edit"));
    String[] bad = run("scenario", "dry-run", "-q", unsolved.toString());
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[1]).contains("FAIL l4-debug-tank-level-scale");
    assertThat(bad[2]).contains("the reference solution scores");

    String[] byId = run("scenario", "dry-run", "-q", "l2-monitor-predict-tank-level");
    assertThat(byId[0]).as(byId[2]).isEqualTo("0");
    assertThat(run("scenario", "dry-run", "no-such-scenario")[2]).contains("no such file, and no library scenario");
  }
}
