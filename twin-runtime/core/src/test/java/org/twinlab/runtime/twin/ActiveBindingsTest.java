package org.twinlab.runtime.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;

/** From sample to property value, and what a binding change asks of the connectors. */
class ActiveBindingsTest {
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  private static final Map<String, String> CONNECTIONS = Map.of("plc-1", "opcua", "plc-2", "opcua");
  private static final Instant T = Instant.parse("2026-11-21T08:00:00Z");

  private static BindingSet set(String bindings) throws Exception {
    return BindingLoader.load("t.yaml", "twin: tank-1\nmodel: tank-process\nbindings:\n" + bindings, TANK, CONNECTIONS);
  }

  private static final String LEVEL = "  - {property: tank.level, connection: plc-1, address: 'ns=3;i=1', "
      + "transform: {range: {raw: [0, 27648], value: [0, 500]}, deadband: 1}}\n";
  private static final String TEMP = "  - {property: tank.temperature, connection: plc-1, address: 'ns=3;i=2'}\n";

  @Test
  void samplesBecomeValuesThroughTheTransformAndTheDeadband() throws Exception {
    ActiveBindings a = new ActiveBindings("tank-1", set(LEVEL));
    SignalRequest level = a.replace(set(LEVEL)).subscribe().get("plc-1").get(0);
    assertThat(level.signal()).startsWith("tank-1/");

    var first = a.accept(new Sample(level.signal(), "ns=3;i=1", 13824L, T, Quality.GOOD)).orElseThrow();
    assertThat(first.value()).isEqualTo(250.0);
    assertThat(first.heldBack()).isFalse();
    var small = a.accept(new Sample(level.signal(), "ns=3;i=1", 13840L, T, Quality.GOOD)).orElseThrow();
    assertThat(small.heldBack()).as("0.3 mm is inside the 1 mm deadband").isTrue();
    var bad = a.accept(new Sample(level.signal(), "ns=3;i=1", "n/a", T, Quality.GOOD)).orElseThrow();
    assertThat(bad.quality().isBad()).isFalse(); // a string through a numeric transform passes as is: the twin judges its type
    var lost = a.accept(new Sample(level.signal(), "ns=3;i=1", null, T, Quality.bad("not connected"))).orElseThrow();
    assertThat(lost.value()).isNull();
    assertThat(lost.quality().reason()).isEqualTo("not connected");
    assertThat(a.accept(new Sample("tank-1/unknown#9", "x", 1.0, T, Quality.GOOD))).isEmpty();
  }

  @Test
  void aChangedBindingIsResubscribedUnderANewIdAndUnchangedOnesStay() throws Exception {
    ActiveBindings a = new ActiveBindings("tank-1", set(LEVEL + TEMP));
    var initial = a.replace(set(LEVEL + TEMP));
    assertThat(initial.subscribe().get("plc-1")).hasSize(2);
    String oldLevel = initial.subscribe().get("plc-1").get(0).signal();

    var moved = a.replace(set(LEVEL.replace("plc-1", "plc-2") + TEMP));
    assertThat(moved.unsubscribe()).containsOnlyKeys("plc-1");
    assertThat(moved.unsubscribe().get("plc-1")).containsExactly(oldLevel);
    assertThat(moved.subscribe()).containsOnlyKeys("plc-2");
    String newLevel = moved.subscribe().get("plc-2").get(0).signal();
    assertThat(newLevel).isNotEqualTo(oldLevel);
    assertThat(a.accept(new Sample(oldLevel, "ns=3;i=1", 100L, T, Quality.GOOD))).as("a late sample of the old binding").isEmpty();
    assertThat(a.accept(new Sample(newLevel, "ns=3;i=1", 27648L, T, Quality.GOOD)).orElseThrow().value()).isEqualTo(500.0);

    var dropped = a.replace(set(TEMP));
    assertThat(dropped.unsubscribe().get("plc-2")).containsExactly(newLevel);
    assertThat(dropped.subscribe()).isEmpty();
    assertThat(a.all().subscribe().get("plc-1")).hasSize(1);
  }
}
