package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.packages.UpgradeEntry;
import org.twinlab.runtime.packages.UpgradeLog;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.Observed;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.engine.VirtualRun;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.model.Setup;

/** Upgrading a simulated station's twin application to another package version, rolling it back, and its upgrade log. */
class SimulatedUpgradeTest {
  private final VirtualTime time = new VirtualTime(VirtualRun.EPOCH);
  private final Map<String, Observed> reported = new HashMap<>();

  private SimulatedStation tank(String twin) throws StationException {
    SimulatedStation s = new SimulatedStation(ModelLibrary.loadBuiltIn("tank-process"), time);
    s.follow((signal, at, value) -> reported.put(signal, value));
    s.prepare(new Setup(Map.of("pid.setpoint", 300), false, 5, twin, List.of()));
    return s;
  }

  private void run(SimulatedStation s, Duration d) {
    for (long ms = 0; ms < d.toMillis(); ms += 100) {
      time.advance(Duration.ofMillis(100));
      s.advance(Duration.ofMillis(100));
    }
  }

  private double level(String of, SimulatedStation s) {
    Observed o = of.equals("rig") ? s.observe().get("rig.tank.level") : reported.get("twin.tank.level");
    return ((Number) o.value()).doubleValue();
  }

  @Test
  void anUpgradeInstallsTheReleaseKeepsItRunningAndIsLoggedWithWhoAndWhen() throws Exception {
    SimulatedStation s = tank("running");
    run(s, Duration.ofSeconds(10));
    time.advance(Duration.ofSeconds(5));
    ActionOutcome o = s.perform("cand", "upgrade", Map.of("version", 2));
    assertThat(o.accepted()).as(o.detail()).isTrue();
    assertThat(o.result()).containsEntry("from", "1").containsEntry("to", "2");
    assertThat(s.packageVersion()).isEqualTo("2");
    run(s, Duration.ofSeconds(20));
    assertThat(reported.get("twin.lifecycle").value()).isEqualTo("running");
    assertThat(level("twin", s)).isCloseTo(level("rig", s), offset(1.0));
    assertThat(s.upgradeLog()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(UpgradeEntry.UPGRADE);
      assertThat(e.from() + ">" + e.to()).isEqualTo("1>2");
      assertThat(e.who()).isEqualTo("cand");
      assertThat(e.at()).isEqualTo(VirtualRun.EPOCH.plusSeconds(15));
      assertThat(e.outcome()).isEqualTo("done");
    });
  }

  @Test
  void theDefectOfRelease3ShowsInATrialRunAndARollbackPutsTheTwinRight() throws Exception {
    SimulatedStation s = tank("running");
    assertThat(s.perform("cand", "upgrade", Map.of("version", "3")).accepted()).isTrue();
    run(s, Duration.ofSeconds(20));
    // the twin shows a tenth of the tank's level: what a trial run reveals
    assertThat(level("twin", s)).isCloseTo(level("rig", s) / 10, offset(1.0));
    ActionOutcome back = s.perform("cand", "rollback", Map.of());
    assertThat(back.accepted()).as(back.detail()).isTrue();
    assertThat(back.result()).containsEntry("from", "3").containsEntry("to", "1");
    run(s, Duration.ofSeconds(20));
    assertThat(level("twin", s)).isCloseTo(level("rig", s), offset(1.0));
    assertThat(s.upgradeLog()).extracting(e -> e.kind() + " " + e.from() + ">" + e.to() + " " + e.outcome())
        .containsExactly("upgrade 1>3 done", "rollback 3>1 done");
  }

  @Test
  void aRollbackWithNothingBeforeAndAnUpgradeToTheRunningVersionAreRefusedAndLogged() throws Exception {
    SimulatedStation s = tank("running");
    ActionOutcome back = s.perform("cand", "rollback", Map.of());
    assertThat(back.accepted()).isFalse();
    assertThat(back.detail()).contains("no version before 1");
    ActionOutcome same = s.perform("cand", "upgrade", Map.of("version", 1));
    assertThat(same.accepted()).isFalse();
    assertThat(same.detail()).startsWith("version:");
    assertThat(s.upgradeLog()).extracting(UpgradeEntry::outcome).allSatisfy(o -> assertThat(o).startsWith("refused: "));
    assertThat(s.upgradeLog()).hasSize(2);
    // a rollback is taken once: after it, there is nothing before to return to
    assertThat(s.perform("cand", "upgrade", Map.of("version", 2)).accepted()).isTrue();
    assertThat(s.perform("cand", "rollback", Map.of()).accepted()).isTrue();
    assertThat(s.perform("cand", "rollback", Map.of()).accepted()).isFalse();
    assertThat(s.packageVersion()).isEqualTo("1");
  }

  @Test
  void aReleaseTheRuntimeDoesNotShipOrAMalformedVersionIsRefusedNamingTheVersion() throws Exception {
    SimulatedStation s = tank("running");
    ActionOutcome none = s.perform("cand", "upgrade", Map.of("version", 9));
    assertThat(none.accepted()).isFalse();
    assertThat(none.detail()).isEqualTo("version: no release 9 of the tank-process twin application");
    ActionOutcome bad = s.perform("cand", "upgrade", Map.of("version", "../tank-process"));
    assertThat(bad.accepted()).isFalse();
    assertThat(bad.detail()).startsWith("version: a package version");
    assertThat(s.perform("cand", "upgrade", Map.of()).detail()).startsWith("version:");
    assertThat(s.packageVersion()).isEqualTo("1");
  }

  @Test
  void aStoppedApplicationIsUpgradedLoadedAndNeedsStarting() throws Exception {
    SimulatedStation s = tank("stopped");
    assertThat(s.perform("cand", "upgrade", Map.of("version", 2)).accepted()).isTrue();
    assertThat(reported.get("twin.lifecycle").value()).isEqualTo("loaded");
    assertThat(s.perform("cand", "start", Map.of()).accepted()).isTrue();
    assertThat(reported.get("twin.lifecycle").value()).isEqualTo("running");
  }

  @Test
  void anUpgradeNeedsADeployedApplication() throws Exception {
    SimulatedStation s = tank("absent");
    ActionOutcome o = s.perform("cand", "upgrade", Map.of("version", 2));
    assertThat(o.accepted()).isFalse();
    assertThat(o.detail()).startsWith("twin: no twin application is deployed");
  }

  @Test
  void aBackupTellsWhetherItHoldsTheUpgradeLogAndHowManyEntries() throws Exception {
    SimulatedStation s = tank("running");
    assertThat(s.perform("cand", "backup", Map.of()).result()).containsExactly(Map.entry("upgrade_log_entries", "0"));
    s.perform("cand", "upgrade", Map.of("version", 2));
    assertThat(s.perform("cand", "backup", Map.of()).result())
        .containsEntry("upgrade_log", UpgradeLog.entryName("tank-1")).containsEntry("upgrade_log_entries", "1");
  }

  @Test
  void theLogsLinesReadBackAsTheyWereWritten() {
    var e = UpgradeEntry.refused(UpgradeEntry.ROLLBACK, "tank-1", "tank-process", "1", "1", "cand", VirtualRun.EPOCH, "version: none");
    assertThat(UpgradeLog.parse(UpgradeLog.lines(List.of(e, e)))).containsExactly(e, e);
    assertThat(new String(UpgradeLog.lines(List.of(e)), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
        "{\"kind\":\"rollback\",\"twin\":\"tank-1\",\"model\":\"tank-process\",\"from\":\"1\",\"to\":\"1\",\"who\":\"cand\","
            + "\"at\":\"" + VirtualRun.EPOCH + "\",\"outcome\":\"refused: version: none\"}\n");
  }
}
