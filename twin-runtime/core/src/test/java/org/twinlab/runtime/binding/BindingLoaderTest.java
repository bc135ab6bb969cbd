package org.twinlab.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;

/** A candidate's broken binding must say where and what, never fail somewhere else later. */
class BindingLoaderTest {
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  private static final Map<String, String> CONNECTIONS = Map.of("plc-1", "opcua", "broker", "mqtt");

  private static String set(String bindings) {
    return "twin: tank-1\nmodel: tank-process\nbindings:\n" + bindings;
  }

  private static Problem onlyProblem(String yaml) {
    try {
      BindingLoader.load("tank-1.yaml", yaml, TANK, CONNECTIONS);
    } catch (InvalidInputException e) {
      assertThat(e.problems()).as(e.getMessage()).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aRawLevelBindingWithWriteBackLoads() throws Exception {
    BindingSet s = BindingLoader.load("tank-1.yaml", set("""
          - property: tank.level
            connection: plc-1
            address: 'nsu=urn:twinlab:plc;s="DB_Process"."Tank"."LevelRaw"'
            transform: {range: {raw: [0, 27648], value: [0, 500]}, deadband: 0.5}
          - {property: pid.setpoint, connection: plc-1, address: 'ns=3;s="DB_Process"."PID"."Setpoint"', write: true}
        """), TANK, CONNECTIONS);
    Binding level = s.forProperty("tank.level").orElseThrow();
    assertThat((Double) level.transform().apply(27648L).value()).isEqualTo(500.0);
    assertThat(level.writeTo()).isEmpty();
    assertThat(s.forProperty("pid.setpoint").orElseThrow().writeTo()).isPresent();
  }

  @Test
  void jsonBindingsLoadToo() throws Exception {
    BindingSet s = BindingLoader.load("tank-1.json", """
        {"twin": "tank-1", "model": "tank-process", "bindings": [
          {"property": "tank.temperature", "connection": "broker", "address": "lab/tank/state#/temp", "transform": {"unit": {"from": "°F"}}}
        ]}""", TANK, CONNECTIONS);
    assertThat((Double) s.bindings().get(0).transform().apply(212.0).value()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aSamplingIntervalOfZeroIsRefusedAtItsPlace() {
    Problem p = onlyProblem(set("""
          - {property: tank.level, connection: plc-1, address: 'ns=3;i=5', sampling_ms: 0}
        """));
    assertThat(p.location().line()).isEqualTo(4);
    assertThat(p.field()).endsWith("sampling_ms");
    assertThat(p.message()).contains("above 0");
  }

  @Test
  void anUnknownPropertyIsNamedAtItsLine() {
    Problem p = onlyProblem(set("""
          - {property: tank.levle, connection: plc-1, address: 'ns=3;i=5'}
        """));
    assertThat(p.location().line()).isEqualTo(4);
    assertThat(p.field()).isEqualTo("bindings[0].property");
    assertThat(p.message()).contains("no property 'tank.levle'");
  }

  @Test
  void aMalformedAddressIsRefusedForItsProtocol() {
    Problem p = onlyProblem(set("""
          - {property: tank.level, connection: broker, address: 'lab/+x/level'}
        """));
    assertThat(p.field()).isEqualTo("bindings[0].address");
    Problem q = onlyProblem(set("""
          - {property: tank.level, connection: plc-1, address: 'DB_Process.Tank.Level'}
        """));
    assertThat(q.message()).contains("not an OPC UA node id");
  }

  @Test
  void writeBackToAReadOnlyPropertyIsRefused() {
    Problem p = onlyProblem(set("""
          - {property: tank.level, connection: plc-1, address: 'ns=3;i=5', write: true}
        """));
    assertThat(p.field()).isEqualTo("bindings[0].write");
    assertThat(p.message()).contains("not writable");
  }

  @Test
  void unitsMustBeOfTheSameQuantity() {
    Problem p = onlyProblem(set("""
          - {property: tank.level, connection: plc-1, address: 'ns=3;i=5', transform: {unit: {from: °C}}}
        """));
    assertThat(p.field()).isEqualTo("bindings[0].transform.unit");
    assertThat(p.message()).contains("'°C' (temperature) does not convert to 'mm' (length)");
  }

  @Test
  void anUnknownConnectionAndAMisspeltTransformAreBothReported() {
    try {
      BindingLoader.load("x.yaml", set("""
            - {property: tank.level, connection: plc-9, address: 'ns=3;i=5', transform: {scael: 2}}
          """), TANK, CONNECTIONS);
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("bindings[0].connection", "bindings[0].transform.scael");
    }
  }
}
