package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.expr.Knowledge;
import org.twinlab.scenarios.engine.Observed;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.engine.VirtualRun;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Setup;

class SimulatedStationTest {
  private static final String LEVEL = "nsu=urn:twinlab:plc;s=\"DB_Process\".\"Tank\".\"LevelRaw\"";
  private final VirtualTime time = new VirtualTime(VirtualRun.EPOCH);
  /** The newest value of each twin signal the station reported. */
  private final Map<String, Observed> reported = new java.util.HashMap<>();

  private SimulatedStation station(String model, String twin, List<Map<String, Object>> bindings) throws StationException {
    SimulatedStation s = new SimulatedStation(ModelLibrary.loadBuiltIn(model), time);
    s.follow((signal, at, value) -> reported.put(signal, value));
    s.prepare(new Setup(Map.of(), false, 3, twin, bindings));
    return s;
  }

  /** What a run knows of the station now: the twin's signals as reported, the rig's as read. */
  private Map<String, Observed> observed(SimulatedStation s) {
    Map<String, Observed> out = new java.util.HashMap<>(reported);
    out.putAll(s.observe());
    return out;
  }

  private void run(SimulatedStation s, Duration d) {
    for (long ms = 0; ms < d.toMillis(); ms += 100) {
      time.advance(Duration.ofMillis(100));
      s.advance(Duration.ofMillis(100));
    }
  }

  private static double number(Observed o) {
    return ((Number) o.value()).doubleValue();
  }

  @Test
  void theStationGradesATestSetUpAndAPerformanceScriptAndRefusesMalformedOnesNamingTheField() throws Exception {
    SimulatedStation s = station("tank-process", "running", List.of());
    // ${plc} is the station's own PLC connection, as in a binding
    var setup = s.perform("cand", "test_setup", Map.of("probes", List.of(Map.of("property", "tank.level", "connection", "${plc}", "address", LEVEL,
        "transform", Map.of("range", Map.of("raw", List.of(0, 27648), "value", List.of(0, 500)))))));
    assertThat(setup.accepted()).as(setup.detail()).isTrue();
    assertThat(setup.result()).containsEntry("mirrors.tank.level", "true");
    var script = s.perform("cand", "perf_script", Map.of("property", "pid.setpoint", "values", List.of(300, 320), "rate", 1, "seconds", 20,
        "metric", "max", "threshold_ms", 1000));
    assertThat(script.accepted()).as(script.detail()).isTrue();
    assertThat(script.result()).containsEntry("false_failures", "0").containsEntry("detects.added_latency", "true");
    var noProbes = s.perform("cand", "test_setup", Map.of("probes", List.of()));
    assertThat(noProbes.accepted()).isFalse();
    assertThat(noProbes.detail()).startsWith("probes: ");
    var slowRate = s.perform("cand", "perf_script", Map.of("property", "pid.setpoint", "values", List.of(300, 320), "rate", 0, "seconds", 20,
        "metric", "max", "threshold_ms", 1000));
    assertThat(slowRate.accepted()).isFalse();
    assertThat(slowRate.detail()).startsWith("rate: ");
  }

  @Test
  void onItsStandardBindingsTheTwinShowsTheRig() throws Exception {
    SimulatedStation s = station("tank-process", "running", List.of());
    run(s, Duration.ofSeconds(30));
    Map<String, Observed> now = observed(s);
    assertThat(now.get("twin.lifecycle").value()).isEqualTo("running");
    assertThat(number(now.get("twin.tank.level"))).isCloseTo(number(now.get("rig.tank.level")), org.assertj.core.data.Offset.offset(2.0));
    assertThat(now.get("alarm.level_high")).isEqualTo(Observed.known(false));
  }

  @Test
  void aNodeIdTheServerDoesNotHaveLeavesThePropertyMissingUntilFixed() throws Exception {
    SimulatedStation s = station("tank-process", "running", List.of(Map.of("property", "tank.level", "connection", "${plc}",
        "address", LEVEL.replace("LevelRaw", "LevelRow"), "transform", Map.of("range", Map.of("raw", List.of(0, 27648), "value", List.of(0, 500))))));
    run(s, Duration.ofSeconds(5));
    assertThat(observed(s).get("twin.tank.level").knowledge()).isEqualTo(Knowledge.MISSING);
    var fixed = s.perform("cand", "binding_edit", Map.of("property", "tank.level", "connection", "${plc}", "address", LEVEL,
        "transform", Map.of("range", Map.of("raw", List.of(0, 27648), "value", List.of(0, 500)))));
    assertThat(fixed.accepted()).as(fixed.detail()).isTrue();
    run(s, Duration.ofSeconds(2));
    assertThat(observed(s).get("twin.tank.level").knowledge()).isEqualTo(Knowledge.KNOWN);
  }

  @Test
  void aMisspeltTopicDeliversNothing() throws Exception {
    SimulatedStation s = station("motor-vibration", "running", List.of(Map.of("property", "vibration.rms_x", "connection", "${broker}",
        "address", "twinlab/${node}/telemetery#/vibration/x")));
    run(s, Duration.ofSeconds(5));
    assertThat(observed(s).get("twin.vibration.rms_x").knowledge()).isEqualTo(Knowledge.MISSING);
    assertThat(observed(s).get("twin.vibration.rms_y").knowledge()).isEqualTo(Knowledge.KNOWN);
  }

  @Test
  void aWatchOrAProgramThatDoesNotReadIsRefusedNamingTheField() throws Exception {
    SimulatedStation s = station("tank-process", "running", List.of());
    assertThat(s.perform("cand", "watch", Map.of("name", "w", "condition", "twin.tank.level > 180", "delay", "10s")).accepted()).isTrue();
    assertThat(s.perform("cand", "watch", Map.of("name", "w", "condition", "rig.tank.level > 180")).detail()).startsWith("condition:");
    assertThat(s.perform("cand", "watch", Map.of("name", "w", "condition", "twin.tank.level > 180", "delay", "soon")).detail())
        .startsWith("delay:");
    assertThat(s.perform("cand", "joint_program", Map.of("steps", List.of(Map.of("then", "twin.vibration.rms_x > 1")))).detail())
        .startsWith("steps[0].then:");
  }

  @Test
  void writesGoThroughTheBindingAndObeyTheTwinsRules() throws Exception {
    SimulatedStation s = station("tank-process", "running", List.of());
    assertThat(s.perform("cand", "write", Map.of("property", "pid.setpoint", "value", 320)).accepted()).isTrue();
    assertThat(observed(s).get("rig.pid.setpoint").value()).isEqualTo(320.0);
    assertThat(s.perform("cand", "write", Map.of("property", "tank.level", "value", 3)).detail()).contains("read-only");
    assertThat(s.perform("cand", "write", Map.of("property", "pid.setpoint", "value", 900)).detail()).contains("outside");
    assertThat(s.perform("cand", "pause", Map.of()).accepted()).isTrue();
    assertThat(s.perform("cand", "write", Map.of("property", "pid.setpoint", "value", 300)).detail()).contains("RUNNING");
  }

  @Test
  void anApplicationIsStoppedBeforeItIsRemovedAndDeployedOnlyOnce() throws Exception {
    SimulatedStation s = station("conveyor-sorting", "absent", List.of());
    assertThat(observed(s).get("twin.lifecycle").value()).isEqualTo("absent");
    assertThat(observed(s).get("twin.belt.speed").knowledge()).isEqualTo(Knowledge.MISSING);
    assertThat(s.perform("cand", "start", Map.of()).detail()).contains("no twin application");
    assertThat(s.perform("cand", "deploy", Map.of("model", "tank-process")).detail()).contains("the rig is conveyor-sorting");
    assertThat(s.perform("cand", "deploy", Map.of("model", "conveyor-sorting")).accepted()).isTrue();
    assertThat(s.perform("cand", "deploy", Map.of()).detail()).contains("deployed already");
    assertThat(s.perform("cand", "start", Map.of()).accepted()).isTrue();
    assertThat(s.perform("cand", "remove", Map.of()).detail()).contains("stop the twin application");
    assertThat(s.perform("cand", "stop", Map.of()).accepted()).isTrue();
    assertThat(s.perform("cand", "remove", Map.of()).accepted()).isTrue();
    assertThat(observed(s).get("twin.lifecycle").value()).isEqualTo("absent");
  }

  @Test
  void aCommunicationLossBlanksTheTwinUntilTheLinkReturns() throws Exception {
    SimulatedStation s = station("tank-process", "running", List.of());
    run(s, Duration.ofSeconds(2));
    String handle = s.inject(new FaultDef("down", "communication_loss", "*", Map.of(), java.util.Optional.empty(),
        java.util.Optional.empty(), "", java.util.Optional.empty(), true));
    run(s, Duration.ofSeconds(2));
    assertThat(observed(s).get("twin.tank.level").knowledge()).isEqualTo(Knowledge.MISSING);
    assertThat(s.perform("cand", "write", Map.of("property", "pid.setpoint", "value", 300)).detail()).contains("cannot be reached");
    s.clear(handle);
    run(s, Duration.ofSeconds(2));
    assertThat(observed(s).get("twin.tank.level").knowledge()).isEqualTo(Knowledge.KNOWN);
  }

  @Test
  void everyChangeOfTheTwinIsReportedAtItsOwnTimeNotOnlyItsStateAtEachStep() throws Exception {
    List<String> lifecycle = new java.util.ArrayList<>();
    SimulatedStation s = new SimulatedStation(ModelLibrary.loadBuiltIn("tank-process"), time);
    s.follow((signal, at, value) -> {
      if (signal.equals("twin.lifecycle")) lifecycle.add(value.value() + "@" + java.time.Duration.between(VirtualRun.EPOCH, at).toMillis());
    });
    s.prepare(new Setup(Map.of(), false, 3, "running", List.of()));
    run(s, Duration.ofMillis(300));
    time.advance(Duration.ofMillis(40)); // between two steps
    assertThat(s.perform("cand", "pause", Map.of()).accepted()).isTrue();
    assertThat(s.perform("cand", "start", Map.of()).accepted()).isTrue();
    // a pause a step's sampling would never have seen, at the moment it was taken
    assertThat(lifecycle).containsExactly("loaded@0", "running@0", "paused@340", "running@340");
  }

  @Test
  void reportsAreCheckedAndAStationWithoutAnEmergencyStopSaysSo() throws Exception {
    SimulatedStation s = station("motor-vibration", "running", List.of());
    assertThat(s.perform("cand", "emergency_stop", Map.of()).detail()).contains("no emergency stop");
    assertThat(s.perform("cand", "report", Map.of()).detail()).contains("empty report");
    assertThat(s.perform("cand", "report", Map.of("alarm_code", "level_high")).detail()).contains("no alarm 'level_high'");
    assertThat(s.perform("cand", "report", Map.of("severity", "x")).detail()).startsWith("severity");
    assertThat(s.perform("cand", "report", Map.of("alarm_code", "vibration_alert", "cause", "bearing")).accepted()).isTrue();
    assertThat(s.perform("cand", "report", Map.of("cause_category", "bearing")).detail()).startsWith("cause_category").contains("sensor, actuator");
    assertThat(s.perform("cand", "report", Map.of("property", "vibration.rms")).detail()).contains("no property 'vibration.rms'");
    assertThat(s.perform("cand", "report", Map.of("value", "high")).detail()).startsWith("value").contains("number");
    assertThat(s.perform("cand", "report", Map.of("cause_category", "actuator", "property", "vibration.rms_x", "value", 4.5)).accepted()).isTrue();
  }
}
