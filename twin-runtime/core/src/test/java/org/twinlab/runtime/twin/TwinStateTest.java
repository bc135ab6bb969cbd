package org.twinlab.runtime.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twinlab.runtime.ManualClock;
import org.twinlab.connectors.Quality;
import org.twinlab.models.ModelLibrary;

class TwinStateTest {
  private final ManualClock clock = new ManualClock();
  private TwinState tank;

  @BeforeEach
  void start() {
    tank = new TwinState("tank-1", ModelLibrary.loadBuiltIn("tank-process"), clock, 3);
    tank.setLifecycle(Lifecycle.RUNNING);
  }

  @Test
  void aSampleBecomesThePropertysValueWithUnitAndTimestamps() {
    Instant measured = clock.instant().minusMillis(40);
    tank.apply("tank.level", 123.4, measured, Quality.GOOD);
    PropertyState s = tank.property("tank.level").orElseThrow();
    assertThat(s.value()).isEqualTo(123.4);
    assertThat(s.unit()).isEqualTo("mm");
    assertThat(s.sourceTime()).isEqualTo(measured);
    assertThat(s.receivedTime()).isEqualTo(clock.instant());
  }

  @Test
  void aDeadLinkShowsAsStaleInsteadOfFreezingTheLastValue() {
    tank.apply("tank.level", 100.0, clock.instant(), Quality.GOOD);
    clock.advance(Duration.ofMillis(500)); // period 200 ms × 3 = 600 ms
    assertThat(tank.checkStale()).noneMatch(c -> c instanceof Change.PropertyChanged p && p.state().property().equals("tank.level"));
    clock.advance(Duration.ofMillis(200));
    assertThat(tank.checkStale()).anyMatch(c -> c instanceof Change.PropertyChanged p && p.state().property().equals("tank.level"));
    assertThat(tank.property("tank.level").orElseThrow().isStale()).isTrue();
    tank.apply("tank.level", 101.0, clock.instant(), Quality.GOOD);
    assertThat(tank.property("tank.level").orElseThrow().quality()).isEqualTo(Quality.GOOD);
  }

  @Test
  void alarmsRiseClearAndLeaveTheListOnceAcknowledged() {
    tank.apply("tank.level", 470.0, clock.instant(), Quality.GOOD);
    AlarmState high = tank.alarms().stream().filter(a -> a.alarm().id().equals("level_high")).findFirst().orElseThrow();
    assertThat(high.active()).isTrue();
    tank.apply("tank.level", 300.0, clock.instant(), Quality.GOOD);
    assertThat(tank.alarms()).singleElement().satisfies(a -> assertThat(a.active()).isFalse());
    assertThat(tank.acknowledge("level_high", "examiner-1")).isPresent();
    assertThat(tank.alarms()).isEmpty();
    assertThat(tank.acknowledge("level_high", "examiner-1")).isEmpty();
  }

  @Test
  void anUntrustedValueNeitherRaisesNorClearsAnAlarm() {
    tank.apply("tank.temperature", 85.0, clock.instant(), Quality.GOOD);
    tank.apply("tank.temperature", null, clock.instant(), Quality.bad("connection lost"));
    assertThat(tank.alarms()).singleElement().satisfies(a -> assertThat(a.active()).isTrue());
  }

  // alarms are judged by the properties they read: a sample of any other property moves none of them
  @Test
  void aSampleMovesOnlyTheAlarmsThatReadItsProperty() {
    tank.apply("tank.temperature", 85.0, clock.instant(), Quality.GOOD);
    tank.apply("pump.running", true, clock.instant(), Quality.GOOD);
    assertThat(tank.alarms()).extracting(a -> a.alarm().id()).containsExactly("overtemperature");

    // an unrelated property changing leaves the raised alarm as it is, and reports no alarm change
    assertThat(tank.apply("pid.setpoint", 200.0, clock.instant(), Quality.GOOD)).singleElement()
        .isInstanceOf(Change.PropertyChanged.class);
    assertThat(tank.alarms()).singleElement().satisfies(a -> assertThat(a.active()).isTrue());

    // an alarm reading two properties is judged when either of them changes
    assertThat(tank.apply("tank.level", 20.0, clock.instant(), Quality.GOOD))
        .anyMatch(c -> c instanceof Change.AlarmChanged a && a.state().alarm().id().equals("level_low") && a.state().active());
    assertThat(tank.apply("pump.running", false, clock.instant(), Quality.GOOD))
        .anyMatch(c -> c instanceof Change.AlarmChanged a && a.state().alarm().id().equals("level_low") && !a.state().active());
    assertThat(tank.apply("tank.temperature", 60.0, clock.instant(), Quality.GOOD))
        .anyMatch(c -> c instanceof Change.AlarmChanged a && a.state().alarm().id().equals("overtemperature") && !a.state().active())
        .noneMatch(c -> c instanceof Change.AlarmChanged a && a.state().alarm().id().equals("level_low"));
  }

  @Test
  void aPausedTwinAppliesNothing() {
    tank.setLifecycle(Lifecycle.PAUSED);
    assertThat(tank.apply("tank.level", 100.0, clock.instant(), Quality.GOOD)).isEmpty();
    assertThat(tank.property("tank.level").orElseThrow().value()).isNull();
    clock.advance(Duration.ofMinutes(5));
    assertThat(tank.checkStale()).isEmpty();
  }

  @Test
  void valuesThatDoNotFitTheModelAreMarked() {
    tank.apply("pid.mode", "cascade", clock.instant(), Quality.GOOD);
    assertThat(tank.property("pid.mode").orElseThrow().quality().isBad()).isTrue();
    tank.apply("tank.level", 620.0, clock.instant(), Quality.GOOD);
    assertThat(tank.property("tank.level").orElseThrow().quality().reason()).contains("outside the range");
    tank.apply("tank.level_raw", 27648.0, clock.instant(), Quality.GOOD);
    assertThat(tank.property("tank.level_raw").orElseThrow().value()).isEqualTo(27648L);
  }

  @Test
  void onlyWatchedPropertiesTurnStaleAndAHeldBackSampleKeepsOneFresh() {
    tank.watchForSilence(java.util.Set.of("tank.level"));
    tank.apply("tank.level", 100.0, clock.instant(), Quality.GOOD);
    tank.apply("pump.running", true, clock.instant(), Quality.GOOD);
    clock.advance(Duration.ofMillis(500));
    tank.touch("tank.level", clock.instant()); // the deadband held a sample back: still current
    clock.advance(Duration.ofMillis(400));
    assertThat(tank.checkStale()).isEmpty();
    clock.advance(Duration.ofSeconds(5));
    assertThat(tank.checkStale()).hasSize(1);
    assertThat(tank.property("tank.level").orElseThrow().isStale()).isTrue();
    assertThat(tank.property("pump.running").orElseThrow().isStale()).as("reported on change only: not watched").isFalse();
    assertThat(tank.touch("tank.level", clock.instant())).as("a sample after the silence is news").hasSize(1);
    assertThat(tank.property("tank.level").orElseThrow().quality().isGood()).isTrue();
  }

  @Test
  void aPropertySentOnlyOnChangeNeverTurnsStaleBySilence() throws Exception {
    var model = org.twinlab.models.ModelLoader.load("node.yaml", """
        model: sensor-node
        version: 1
        name: {en: Sensor node, zh: 传感节点}
        kind: sensor-node
        components:
          - id: node
            name: {en: Node, zh: 节点}
            properties:
              - {id: status, type: enum, values: [Online, Offline], period_ms: event, description: {en: Last will, zh: 遗嘱}}
              - {id: rssi, type: int, period_ms: 1000, description: {en: Signal, zh: 信号}}
        """);
    TwinState node = new TwinState("node-1", model, clock, 3);
    node.setLifecycle(Lifecycle.RUNNING);
    node.watchForSilence(java.util.Set.of("node.status", "node.rssi"));
    node.apply("node.status", "Online", clock.instant(), Quality.GOOD);
    node.apply("node.rssi", -60L, clock.instant(), Quality.GOOD);
    clock.advance(Duration.ofHours(1));
    node.checkStale();
    assertThat(node.property("node.rssi").orElseThrow().isStale()).isTrue();
    assertThat(node.property("node.status").orElseThrow().isStale()).as("a retained status an hour old is still the status").isFalse();
    assertThat(node.property("node.status").orElseThrow().quality().isGood()).isTrue();
  }
}
