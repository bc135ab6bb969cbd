package org.twinlab.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A candidate's binding on a Sparkplug connection reaches their own edge node and never another station's metrics. */
class SparkplugStationScopeTest {
  private static final Map<String, String> LAB = Map.of("edge", "sparkplug", "plc", "opcua");

  private static Binding bind(String property, String address) {
    return new Binding(property, new SignalRef("edge", address, 100), Transform.IDENTITY, Optional.empty());
  }

  private static BindingSet twin(String id, String... addresses) {
    List<Binding> bs = new java.util.ArrayList<>();
    for (int i = 0; i < addresses.length; i++) bs.add(bind("p" + i, addresses[i]));
    return new BindingSet(id, "motor-vibration", bs);
  }

  @Test
  void metricsOfTheStationsOwnEdgeNodeAreInScope() {
    StationScope s = StationScope.of(twin("motor-1", "lab1/rig-1#Temperature"), List.of(twin("motor-2", "lab1/rig-2#Temperature")), LAB);
    assertThat(s.check(bind("motor.current", "lab1/rig-1#Current"))).isEmpty();
    assertThat(s.check(bind("motor.current", "lab1/rig-1/drive#Current"))).isEmpty();
  }

  @Test
  void anotherStationsEdgeNodeIsRefusedNamingTheAddress() {
    StationScope s = StationScope.of(twin("motor-1", "lab1/rig-1#Temperature"), List.of(twin("motor-2", "lab1/rig-2#Temperature")), LAB);
    var refusal = s.check(bind("motor.current", "lab1/rig-2#Temperature")).orElseThrow();
    assertThat(refusal.field()).isEqualTo("address");
    assertThat(refusal.reason()).contains("edge node lab1/rig-2, not one of motor-1's on edge (lab1/rig-1)");
    // the same node in another group is another node; unbound nodes are out too: deny by default
    assertThat(s.check(bind("motor.current", "lab2/rig-1#Temperature"))).isPresent();
    assertThat(s.check(bind("motor.current", "lab1/rig-9#Temperature"))).isPresent();
  }

  @Test
  void onANodeStationsShareOnlyTheStationsOwnDevicesAreInScope() {
    StationScope s = StationScope.of(twin("tank-1", "lab1/gateway/tank-1#Level"), List.of(twin("tank-2", "lab1/gateway/tank-2#Level")), LAB);
    assertThat(s.check(bind("tank.level", "lab1/gateway/tank-1#Pump"))).isEmpty();
    assertThat(s.check(bind("tank.level", "lab1/gateway/tank-2#Level")).orElseThrow().reason()).contains("is tank-2's, a twin of another station");
    assertThat(s.check(bind("tank.level", "lab1/gateway/tank-2#Pump")).orElseThrow().reason())
        .contains("outside tank-1's part of the edge node lab1/gateway");
    assertThat(s.check(bind("tank.level", "lab1/gateway#Temperature"))).isPresent();
  }

  @Test
  void aMalformedAddressIsRefusedAsNotSparkplug() {
    StationScope s = StationScope.of(twin("motor-1", "lab1/rig-1#Temperature"), List.of(), LAB);
    assertThat(s.check(bind("motor.current", "lab1/rig-1")).orElseThrow().reason()).contains("is not a Sparkplug address");
  }
}
