package org.twinlab.connectors.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.sparkplug.EdgeNodes.Outcome;
import org.twinlab.connectors.sparkplug.EdgeNodes.Update;
import org.twinlab.connectors.sparkplug.SparkplugPayloads.Metric;
import org.twinlab.connectors.sparkplug.SparkplugPayloads.Payload;

class EdgeNodesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
  private static final EdgeId NODE = EdgeId.ofNode("lab1", "rig-1");
  private static final EdgeId TANK = new EdgeId("lab1", "rig-1", Optional.of("tank"));

  private final MutableClock clock = new MutableClock();
  private final EdgeNodes nodes = new EdgeNodes(clock, Duration.ofSeconds(2));

  private static final class MutableClock extends Clock {
    Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Metric aliased(String name, long alias, MetricType type, Object v) {
    return new Metric(Optional.of(name), OptionalLong.of(alias), type.code(), Optional.empty(), false, v);
  }

  private static Metric byAlias(long alias, Object v) {
    return new Metric(Optional.empty(), OptionalLong.of(alias), 0, Optional.empty(), false, v);
  }

  private Outcome send(String type, EdgeId edge, long seq, Metric... metrics) {
    SparkplugTopic topic = SparkplugTopic.parse("spBv1.0/" + edge.group() + "/" + type + "/" + edge.node()
        + edge.device().map(d -> "/" + d).orElse("")).orElseThrow();
    return nodes.onMessage(topic, new Payload(Optional.of(type.equals("NDEATH") ? T0 : clock.now), seq < 0 ? OptionalLong.empty() : OptionalLong.of(seq), List.of(metrics)));
  }

  private void birth() {
    send("NBIRTH", NODE, 0, aliased("Temperature", 1, MetricType.FLOAT, 21.5f), aliased("bdSeq", 2, MetricType.UINT64, 3L));
    send("DBIRTH", TANK, 1, aliased("Level", 10, MetricType.INT16, 40), aliased("Pump", 11, MetricType.BOOLEAN, false));
  }

  @Test
  void birthsMakeEveryMetricGoodWithItsValue() {
    Outcome o = send("NBIRTH", NODE, 0, aliased("Temperature", 1, MetricType.FLOAT, 21.5f), aliased("bdSeq", 2, MetricType.UINT64, 3L));
    assertThat(o.updates()).containsExactly(new Update(NODE.metric("Temperature"), 21.5, T0, Quality.GOOD),
        new Update(NODE.metric("bdSeq"), 3L, T0, Quality.GOOD));
    assertThat(o.born()).containsExactly(NODE);
    Outcome d = send("DBIRTH", TANK, 1, aliased("Level", 10, MetricType.INT16, 40));
    assertThat(d.updates()).containsExactly(new Update(TANK.metric("Level"), 40L, T0, Quality.GOOD));
    assertThat(nodes.metric(TANK.metric("Level")).orElseThrow().type()).isEqualTo(MetricType.INT16);
    assertThat(nodes.alive(TANK)).isTrue();
  }

  @Test
  void dataUpdatesByNameAndByAliasTypedAsTheBirthSaid() {
    birth();
    Outcome o = send("DDATA", TANK, 2, byAlias(10, 0xFFFF)); // an Int16 of -1 as the uint32 the wire carries
    assertThat(o.updates()).containsExactly(new Update(TANK.metric("Level"), -1L, T0, Quality.GOOD));
    Outcome n = send("NDATA", NODE, 3, new Metric(Optional.of("Temperature"), OptionalLong.empty(), 0, Optional.empty(), false, 22.0f));
    assertThat(n.updates()).containsExactly(new Update(NODE.metric("Temperature"), 22.0, T0, Quality.GOOD));
    assertThat(n.rebirths()).isEmpty();
  }

  @Test
  void aSequenceGapAsksForARebirthAndHoldsValuesUncertainUntilItComes() {
    birth();
    Outcome gap = send("NDATA", NODE, 5, aliased("Temperature", 1, MetricType.FLOAT, 30f));
    assertThat(gap.rebirths()).containsExactly(NODE);
    assertThat(gap.updates()).extracting(u -> u.quality().level()).containsOnly(Quality.Level.UNCERTAIN);
    assertThat(gap.updates()).filteredOn(u -> u.address().equals(NODE.metric("Temperature"))).singleElement()
        .satisfies(u -> {
          assertThat(u.value()).isEqualTo(21.5); // the last value believed, not the one after the gap
          assertThat(u.quality().reason()).contains("sequence gap from lab1/rig-1 (expected 2, got 5)");
        });
    // until the birth, data is ignored and rebirth requests are not repeated faster than the interval
    assertThat(send("NDATA", NODE, 6, byAlias(1, 31f))).satisfies(o -> {
      assertThat(o.updates()).isEmpty();
      assertThat(o.rebirths()).isEmpty();
    });
    clock.now = T0.plusSeconds(3);
    assertThat(send("NDATA", NODE, 7, byAlias(1, 31f)).rebirths()).containsExactly(NODE);
    send("NBIRTH", NODE, 0, aliased("Temperature", 1, MetricType.FLOAT, 32f));
    assertThat(send("NDATA", NODE, 1, byAlias(1, 33f)).updates()).extracting(Update::value, u -> u.quality())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(33.0, Quality.GOOD));
  }

  @Test
  void sequenceNumbersWrapAfter255() {
    send("NBIRTH", NODE, 255, aliased("Temperature", 1, MetricType.FLOAT, 1f));
    assertThat(send("NDATA", NODE, 0, byAlias(1, 2f)).rebirths()).isEmpty();
  }

  @Test
  void dataFromANodeOrAliasNotBornAsksForARebirth() {
    assertThat(send("NDATA", NODE, 4, byAlias(1, 2f))).satisfies(o -> {
      assertThat(o.updates()).isEmpty();
      assertThat(o.rebirths()).containsExactly(NODE);
    });
    clock.now = T0.plusSeconds(10);
    birth();
    Outcome unknown = send("DDATA", TANK, 2, byAlias(99, 1));
    assertThat(unknown.rebirths()).containsExactly(NODE);
    assertThat(unknown.updates()).extracting(u -> u.quality().reason()).allMatch(r -> r.contains("alias 99, which its birth does not have"));
    // the node's own alias is not the device's
    clock.now = T0.plusSeconds(20);
    birth();
    assertThat(send("DDATA", TANK, 2, byAlias(1, 1)).rebirths()).containsExactly(NODE);
  }

  @Test
  void aNodeDeathWithItsBdSeqTurnsTheNodeAndItsDevicesBad() {
    birth();
    clock.now = T0.plusSeconds(30);
    // the will of an older session carries another bdSeq: the node that is alive did not die
    assertThat(send("NDEATH", NODE, -1, aliased("bdSeq", 0, MetricType.UINT64, 2L)).updates()).isEmpty();
    Outcome death = send("NDEATH", NODE, -1, new Metric(Optional.of("bdSeq"), OptionalLong.empty(), 8, Optional.empty(), false, 3L));
    assertThat(death.updates()).extracting(Update::address)
        .containsExactlyInAnyOrder(NODE.metric("Temperature"), NODE.metric("bdSeq"), TANK.metric("Level"), TANK.metric("Pump"));
    assertThat(death.updates()).allSatisfy(u -> {
      assertThat(u.quality().isBad()).isTrue();
      assertThat(u.at()).isEqualTo(T0.plusSeconds(30)); // when it came, not the will's registration time
      assertThat(u.value()).isNull();
      assertThat(u.quality().reason()).isEqualTo("Bad_NoCommunication: the edge node lab1/rig-1 died (NDEATH)");
    });
    assertThat(nodes.alive(TANK)).isFalse();
    assertThat(send("NDATA", NODE, 4, byAlias(1, 2f)).rebirths()).containsExactly(NODE);
  }

  @Test
  void aDeviceDeathTurnsOnlyThatDeviceBad() {
    birth();
    Outcome o = send("DDEATH", TANK, 2);
    assertThat(o.updates()).extracting(Update::address).containsExactlyInAnyOrder(TANK.metric("Level"), TANK.metric("Pump"));
    assertThat(o.updates()).allSatisfy(u -> assertThat(u.quality().reason()).contains("the device lab1/rig-1/tank died (DDEATH)"));
    assertThat(nodes.alive(NODE)).isTrue();
    assertThat(send("NDATA", NODE, 3, byAlias(1, 2f)).updates()).singleElement().satisfies(u -> assertThat(u.quality().isGood()).isTrue());
  }

  @Test
  void aNodeThatIsKnownAndAliveIsNotAskedAgain() {
    assertThat(nodes.rebirthIfUnknown(NODE)).contains(NODE);
    assertThat(nodes.rebirthIfUnknown(NODE)).isEmpty(); // asked a moment ago
    birth();
    clock.now = T0.plusSeconds(60);
    assertThat(nodes.rebirthIfUnknown(NODE)).isEmpty();
    assertThat(nodes.forgetAll()).containsExactly(NODE);
    assertThat(nodes.rebirthIfUnknown(NODE)).contains(NODE);
  }
}
