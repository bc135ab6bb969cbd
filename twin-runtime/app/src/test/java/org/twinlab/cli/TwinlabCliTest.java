package org.twinlab.cli;

import static org.twinlab.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwinlabCliTest {


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
  void aSecuredSimulatorTakesItsPasswordFromTheEnvironmentOnly() {
    String[] none = run("sim", "--rig", "tank-process", "--security");
    assertThat(none[0]).isEqualTo("2");
    assertThat(none[2]).contains("--security needs --password-env VAR");
    String[] unset = run("sim", "--rig", "tank-process", "--security", "--password-env", "TWINLAB_NO_SUCH_VARIABLE_SET");
    assertThat(unset[0]).isEqualTo("2");
    assertThat(unset[2]).contains("TWINLAB_NO_SUCH_VARIABLE_SET").contains("is not set");
    assertThat(run("sim", "--rig", "motor-vibration", "--security", "--password-env", "HOME")[2]).contains("OPC UA rigs");
  }

  @Test
  void helpListsTheCommands() {
    String[] r = run("--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("sim").contains("certs");
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
    assertThat(coverage[1]).contains("Level 5").contains("3.1.2").contains("not assessed yet").contains("clauses assessed")
        .containsPattern("(?m)^  L5: \\d+ of 15 assessed \\(\\d+ %\\), \\d+ of 15 idle-proof \\(\\d+ %\\)$")
        .containsPattern("(?m)^      l4-operate-tank-overflow-estop +\\d+ pts +\\d+\\.\\d of 100  idle-proof  in l4-exam-tank \\(\\d+ pts\\)$")
        .containsPattern("(?m)^      l4-operate-tank-overtemperature-estop +\\d+ pts +\\d+\\.\\d of 100  idle-proof$")
        .containsPattern("(?m)^  ✓ 1\\.2\\.2 +Keep and back up upgrade logs +\\d+ scenarios?$")
        .containsPattern("(?m)^      l4-install-upgrade-tank +\\d+ pts +\\d+\\.\\d of 100  idle-proof$");
  }

  @Test
  void scenarioCoverageAsCsvHasARowPerLevelClauseAndScenario() throws Exception {
    String[] csv = run("scenario", "coverage", "--csv");
    assertThat(csv[0]).as(csv[2]).isEqualTo("0");
    assertThat(csv[1]).startsWith("\uFEFFlevel,clause,title,title_zh,scenario,points,share,idle_proof,exams\r\n");
    java.util.List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get()
        .parse(new java.io.StringReader(csv[1].substring(1))).getRecords();
    // one row per scenario of an assessed clause, one with the scenario empty for a clause not assessed
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.get("level")).isEqualTo("L4");
      assertThat(r.get("scenario")).isEqualTo("l4-operate-tank-overflow-estop");
      assertThat(Double.parseDouble(r.get("points"))).isPositive();
      assertThat(Double.parseDouble(r.get("share"))).isBetween(0.0, 100.0);
      assertThat(r.get("idle_proof")).isEqualTo("true");
    });
    assertThat(rows).anySatisfy(r -> assertThat(java.util.List.of(r.get("level"), r.get("clause"), r.get("scenario"), r.get("idle_proof")))
        .containsExactly("L5", "2.2.1", "l5-test-collect-data-tank", "true"));
    assertThat(rows).filteredOn(r -> r.get("clause").equals("2.2.2") && r.get("level").equals("L4")).extracting(r -> r.get("scenario"))
        .contains("l4-test-data-tank");
    assertThat(rows).filteredOn(r -> r.get("level").equals("L1")).hasSize(27);
    assertThat(rows).filteredOn(r -> r.get("level").equals("L1") && r.get("scenario").isEmpty()).hasSize(16)
        .allSatisfy(r -> assertThat(r.get("scenario") + r.get("points") + r.get("share") + r.get("idle_proof")).isEmpty());
    assertThat(rows).allSatisfy(r -> assertThat(r.get("idle_proof")).isIn("", "true", "false"));
  }

  @Test
  void scenarioDryRunPrintsEachCandidatesRowAndTheRulesVerdict(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path fair = java.nio.file.Path.of("..", "exam", "src", "test", "resources", "scenarios", "fair-tank-setpoint.yaml");
    String[] ok = run("scenario", "dry-run", fair.toString(), "--random", "3", "--sheets", dir.toString());
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    assertThat(ok[1]).contains("total 100.0 of 100, pass mark 60: PASSED").contains("-- 8 candidates")
        .containsPattern("(?m)^candidate +score +checks that earned points \\(why\\)$")
        .containsPattern("(?m)^reference +100\\.0  PASS  all 4 of 4 checks$")
        .containsPattern("(?m)^idle +0\\.0  FAIL  -$")
        .containsPattern("(?m)^motions +0\\.0  FAIL  -$")
        .containsPattern("(?m)^random-3 +\\d+\\.\\d  FAIL  ")
        .containsPattern("(?m)^task:set-level +75\\.0  PASS  setpoint-written \\(true at \\+60\\.0 s\\); level-held \\(.+\\) \\[share 75\\.0\\]$")
        .containsPattern("(?m)^task:file-report +25\\.0  FAIL  report-filed \\(.+\\); report-explains \\(marked 3 of 3\\) \\[share 25\\.0\\]$")
        .contains("rules: all met").contains("  ok    motions-fails: going through the motions fails")
        .contains("OK   fair-tank-setpoint: reference 100.0, idle 0.0, 0 rules broken (8 candidates");
    assertThat(java.nio.file.Files.readAllLines(dir.resolve("fair-tank-setpoint.csv"))).hasSize(5)
        .first().isEqualTo("\uFEFF" + String.join(",", org.twinlab.scenarios.score.ScoreSheetCsv.COLUMNS));

    String[] json = run("scenario", "dry-run", fair.toString(), "--random", "2", "--json");
    assertThat(json[0]).as(json[2]).isEqualTo("0");
    io.vertx.core.json.JsonObject doc = new io.vertx.core.json.JsonObject(json[1]);
    assertThat(doc.getBoolean("ok")).isTrue();
    io.vertx.core.json.JsonObject only = doc.getJsonArray("scenarios").getJsonObject(0);
    assertThat(only.getString("scenario")).isEqualTo("fair-tank-setpoint");
    assertThat(only.getJsonArray("candidates").stream().map(c -> ((io.vertx.core.json.JsonObject) c).getString("kind")).toList())
        .containsExactly("reference", "idle", "motions", "random", "random", "task-alone", "task-alone");
    io.vertx.core.json.JsonObject alone = only.getJsonArray("candidates").getJsonObject(5);
    assertThat(alone.getString("task")).isEqualTo("set-level");
    assertThat(alone.getDouble("total")).isEqualTo(75.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(alone.getJsonArray("checks").getJsonObject(0).getMap()).containsEntry("check", "setpoint-written")
        .containsEntry("status", "passed").containsKey("because");
    assertThat(only.getJsonObject("shares").getDouble("set-level")).isEqualTo(75.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(only.getJsonArray("rules").stream().map(r -> ((io.vertx.core.json.JsonObject) r).getString("rule")).toList())
        .contains("reference-scores-100", "idle-scores-0", "motions-fails", "random-fails", "task-alone-earns-its-share");
    assertThat(only.getJsonArray("rules").stream().allMatch(r -> ((io.vertx.core.json.JsonObject) r).getBoolean("ok"))).isTrue();

    // a scenario that credits doing nothing breaks a rule, says which and where the points came from, and exits 1
    java.nio.file.Path lax = dir.resolve("lax.yaml");
    java.nio.file.Files.writeString(lax, java.nio.file.Files.readString(fair).replace("        points: 4\n  - id: file-report",
        "        points: 4\n      - id: no-overflow\n        measure: \"never rig.tank.level > 480\"\n        points: 2\n  - id: file-report"));
    String[] unfair = run("scenario", "dry-run", lax.toString(), "--random", "1");
    assertThat(unfair[0]).isEqualTo("1");
    assertThat(unfair[1]).contains("BROKE idle-scores-0: idle scores 18.8 for no-overflow")
        .containsPattern("(?m)^idle +18\\.8  FAIL  no-overflow \\(never true from \\+0\\.0 s to \\+720\\.0 s\\)$")
        .contains("FAIL fair-tank-setpoint");
    assertThat(unfair[2]).contains("lax.yaml: idle scores 18.8 for no-overflow [idle-scores-0]");

    java.nio.file.Path unsolved = dir.resolve("unsolved.yaml");
    java.nio.file.Files.writeString(unsolved, java.nio.file.Files.readString(fair).replace("{at: 1m, do: write", "{at: 11m59s, do: write"));
    String[] bad = run("scenario", "dry-run", "-q", "--random", "0", unsolved.toString());
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[1]).contains("FAIL fair-tank-setpoint");
    assertThat(bad[2]).contains("the reference solution scores");

    String[] byId = run("scenario", "dry-run", "-q", "--random", "0", "l2-monitor-predict-tank-level");
    assertThat(byId[1]).as(byId[2]).contains("l2-monitor-predict-tank-level: reference 100.0");
    assertThat(run("scenario", "dry-run", "no-such-scenario")[2]).contains("no such file, and no library scenario");
  }
}
