package org.twinlab.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.scenario.StandardBindings;
import org.twinlab.runtime.scenario.StationNames;

/** A candidate reads the API docs: a binding is the easiest way onto another station's rig, so the scope must hold. */
class StationScopeTest {
  private static final TwinModel CONVEYOR = ModelLibrary.loadBuiltIn("conveyor-sorting");
  private static final TwinModel MOTOR = ModelLibrary.loadBuiltIn("motor-vibration");
  private static final Map<String, String> LAB = Map.of("plc-conveyor-1", "opcua", "plc-conveyor-2", "opcua", "broker", "mqtt",
      "plc-shared", "opcua");
  private static final String SETPOINT = "nsu=urn:twinlab:plc;s=\"DB_Sorting\".\"Belt\".\"FrequencySetpoint\"";

  private static BindingSet standard(TwinModel model, String twin) throws Exception {
    return StandardBindings.load(model, StationNames.of(twin));
  }

  private static StationScope conveyor1() throws Exception {
    return StationScope.of(standard(CONVEYOR, "conveyor-1"),
        List.of(standard(CONVEYOR, "conveyor-2"), standard(MOTOR, "motor-1"), standard(MOTOR, "motor-2")), LAB);
  }

  private static StationScope motor1() throws Exception {
    // conveyor-1 stands at the same station as motor-1, so it is not among the others
    return StationScope.of(standard(MOTOR, "motor-1"), List.of(standard(CONVEYOR, "conveyor-2"), standard(MOTOR, "motor-2")), LAB);
  }

  private static Binding bind(String property, String connection, String address, Optional<SignalRef> write) {
    return new Binding(property, new SignalRef(connection, address, 100), Transform.IDENTITY, write);
  }

  private static Binding bind(String property, String connection, String address) {
    return bind(property, connection, address, Optional.empty());
  }

  @Test
  void aNodeIdFixOnTheStationsOwnPlcIsInScope() throws Exception {
    assertThat(conveyor1().check(bind("belt.frequency_setpoint", "plc-conveyor-1", SETPOINT,
        Optional.of(new SignalRef("plc-conveyor-1", SETPOINT, 100))))).isEmpty();
    // a node the configuration never bound, on the station's own PLC, is still the station's
    assertThat(conveyor1().check(bind("belt.speed", "plc-conveyor-1", "ns=3;s=\"DB_Sorting\".\"Belt\".\"SpeedRaw\""))).isEmpty();
  }

  @Test
  void anotherStationsPlcIsRefusedNamingTheConnection() throws Exception {
    var refusal = conveyor1().check(bind("belt.frequency_setpoint", "plc-conveyor-2", SETPOINT)).orElseThrow();
    assertThat(refusal.field()).isEqualTo("connection");
    assertThat(refusal.reason()).contains("plc-conveyor-1").contains("plc-conveyor-2");
  }

  @Test
  void aWriteBackToAnotherStationsPlcIsRefusedNamingTheWriteTarget() throws Exception {
    var refusal = conveyor1().check(bind("belt.frequency_setpoint", "plc-conveyor-1", SETPOINT,
        Optional.of(new SignalRef("plc-conveyor-2", SETPOINT, 100)))).orElseThrow();
    assertThat(refusal.field()).isEqualTo("write.connection");
  }

  @Test
  void aConnectionTheTwinsConfigurationDoesNotUseIsRefused() throws Exception {
    var refusal = conveyor1().check(bind("belt.speed", "broker", "twinlab/conveyor-1/speed")).orElseThrow();
    assertThat(refusal.field()).isEqualTo("connection");
  }

  @Test
  void topicFixesUnderTheStationsPrefixAreInScope() throws Exception {
    assertThat(motor1().check(bind("vibration.rms_x", "broker", "twinlab/motor-1/telemetry#/vibration/x"))).isEmpty();
    // swapped axes put right
    assertThat(motor1().check(bind("vibration.rms_y", "broker", "twinlab/motor-1/telemetry#/vibration/x"))).isEmpty();
    assertThat(motor1().check(bind("node.interval_ms", "broker", "twinlab/motor-1/telemetry#/node/interval_ms",
        Optional.of(new SignalRef("broker", "twinlab/motor-1/config#/node/interval_ms", 100))))).isEmpty();
  }

  @Test
  void anotherStationsTopicIsRefusedNamingTheAddress() throws Exception {
    var refusal = motor1().check(bind("vibration.rms_x", "broker", "twinlab/motor-2/telemetry#/vibration/x")).orElseThrow();
    assertThat(refusal.field()).isEqualTo("address");
    assertThat(refusal.reason()).contains("twinlab/motor-1");
  }

  @Test
  void wildcardsThatReachOtherStationsAreRefused() throws Exception {
    for (String topic : List.of("twinlab/+/telemetry#/vibration/x", "twinlab/#", "#", "+/motor-2/telemetry")) {
      assertThat(motor1().check(bind("vibration.rms_x", "broker", topic))).as(topic).isPresent();
    }
    assertThat(motor1().check(bind("vibration.rms_x", "broker", "twinlab/motor-1/#"))).isEmpty();
  }

  @Test
  void aWriteBackToAnotherStationsConfigTopicIsRefused() throws Exception {
    var refusal = motor1().check(bind("node.interval_ms", "broker", "twinlab/motor-1/telemetry#/node/interval_ms",
        Optional.of(new SignalRef("broker", "twinlab/motor-2/config#/node/interval_ms", 100)))).orElseThrow();
    assertThat(refusal.field()).isEqualTo("write.address");
  }

  @Test
  void onASharedPlcAnotherStationsNodesAreRefusedAndTheStationsOwnAreNot() throws Exception {
    BindingSet mine = new BindingSet("conveyor-1", CONVEYOR.id(), List.of(bind("belt.frequency", "plc-shared", "ns=3;s=\"S1\".\"F\"")));
    BindingSet theirs = new BindingSet("conveyor-2", CONVEYOR.id(), List.of(bind("belt.frequency", "plc-shared", "ns=3;s=\"S2\".\"F\"")));
    StationScope scope = StationScope.of(mine, List.of(theirs), LAB);
    assertThat(scope.check(bind("belt.frequency", "plc-shared", "ns=3;s=\"S1\".\"Freq\""))).isEmpty();
    var refusal = scope.check(bind("belt.frequency", "plc-shared", " ns=3;s=\"S2\".\"F\" ")).orElseThrow();
    assertThat(refusal.field()).isEqualTo("address");
    assertThat(refusal.reason()).contains("conveyor-2");
    // the same node by its namespace URI, as discovery offers it
    assertThat(scope.check(bind("belt.frequency", "plc-shared", "nsu=urn:twinlab:plc;s=\"S2\".\"F\""))).get()
        .extracting(StationScope.Refusal::reason).asString().contains("conveyor-2");
    // a node of the other station that its configuration happens not to bind
    assertThat(scope.check(bind("belt.frequency", "plc-shared", "ns=3;s=\"S2\".\"Start\""))).get()
        .extracting(StationScope.Refusal::reason).asString().contains("outside conveyor-1's part");
    assertThat(scope.check(bind("belt.frequency", "plc-shared", "nsu=urn:twinlab:plc;s=\"S1\".\"Speed\""))).as("its own part, either form").isEmpty();
    assertThat(scope.check(bind("belt.frequency", "plc-shared", "ns=3;i=2258"))).as("not a string id of its own part").isPresent();
  }

  @Test
  void aSharedTopicPrefixStillKeepsEachStationsTopics() throws Exception {
    // both nodes publish right under lab/: the prefix is shared, the other's topics are still not in scope
    BindingSet mine = new BindingSet("motor-1", MOTOR.id(), List.of(bind("motor.current", "broker", "lab/m1-current")));
    BindingSet theirs = new BindingSet("motor-2", MOTOR.id(), List.of(bind("motor.current", "broker", "lab/m2-current")));
    StationScope scope = StationScope.of(mine, List.of(theirs), LAB);
    assertThat(scope.check(bind("motor.current", "broker", "lab/m1-current-fixed"))).isEmpty();
    assertThat(scope.check(bind("motor.current", "broker", "lab/m2-current"))).isPresent();
    assertThat(scope.check(bind("motor.current", "broker", "lab/+"))).isPresent();
  }

  @Test
  void aTwinWithoutConfiguredBindingsReachesNothing() throws Exception {
    StationScope scope = StationScope.of(new BindingSet("conveyor-1", CONVEYOR.id(), List.of()), List.of(), LAB);
    assertThat(scope.check(bind("belt.frequency", "plc-conveyor-1", SETPOINT))).get()
        .extracting(StationScope.Refusal::field).isEqualTo("connection");
  }

  @Test
  void theSharedPrefixStopsAtWildcardsAndLeavesEachTopicsLastLevelOut() {
    assertThat(StationScope.commonPrefix(List.of("twinlab/motor-1/telemetry", "twinlab/motor-1/config"))).containsExactly("twinlab", "motor-1");
    assertThat(StationScope.commonPrefix(List.of("twinlab/+/telemetry"))).containsExactly("twinlab");
    assertThat(StationScope.commonPrefix(List.of("a/b", "c/d"))).isEmpty();
  }
}
