package org.twinlab.connectors.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.WriteResult;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttLink;
import org.twinlab.testing.EdgeNodePeer;
import org.twinlab.testing.MosquittoProcess;
import org.twinlab.testing.RecordingListener;

/**
 * Our Sparkplug host side against sparkplug-client, an edge node of another implementation, on a
 * real mosquitto: what its births, data, deaths and rebirths mean to a twin's signals.
 */
class SparkplugEdgeNodeIT {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final String GROUP = "lab1";
  private static final AtomicInteger NODES = new AtomicInteger();
  private static MosquittoProcess broker;

  @BeforeAll
  static void startBroker() throws Exception {
    MosquittoProcess.requireInstalled();
    EdgeNodePeer.requireInstalled();
    broker = MosquittoProcess.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) broker.close();
  }

  private record Rig(String node, EdgeNodePeer peer, SparkplugConnector host, RecordingListener seen) implements AutoCloseable {
    String temperature() {
      return GROUP + "/" + node + "#Temperature";
    }

    String level() {
      return GROUP + "/" + node + "/tank#Level";
    }

    String pump() {
      return GROUP + "/" + node + "/tank#Pump";
    }

    String setpoint() {
      return GROUP + "/" + node + "/tank#Setpoint";
    }

    Sample latest(String signal) {
      return seen.latest(signal);
    }

    @Override
    public void close() throws Exception {
      host.close();
      if (peer != null) peer.close();
    }
  }

  private static SparkplugConnector host(RecordingListener seen) {
    var mqtt = MqttConnectorConfig.of("sparkplug-" + NODES.get(), broker.uri());
    return new SparkplugConnector(SparkplugConnectorConfig.of(mqtt, GROUP), seen, Clock.systemUTC());
  }

  /** The host subscribed and connected first, then the edge node born. */
  private static Rig rig() throws Exception {
    String node = "rig-" + NODES.incrementAndGet();
    RecordingListener seen = new RecordingListener();
    SparkplugConnector host = host(seen);
    String base = GROUP + "/" + node;
    host.subscribe(List.of(SignalRequest.of("t", base + "#Temperature"), SignalRequest.of("level", base + "/tank#Level"),
        SignalRequest.of("pump", base + "/tank#Pump"), SignalRequest.of("setpoint", base + "/tank#Setpoint"))).get(10, TimeUnit.SECONDS);
    host.start();
    await().atMost(BOUND).until(() -> host.state() == ConnectionState.CONNECTED);
    return new Rig(node, EdgeNodePeer.start(broker.uri(), GROUP, node, "tank"), host, seen);
  }

  private static void awaitValue(Rig rig, String signal, Object value) {
    await().atMost(BOUND).untilAsserted(() -> {
      Sample s = rig.latest(signal);
      assertThat(s).isNotNull();
      assertThat(s.quality()).isEqualTo(Quality.GOOD);
      assertThat(s.value()).isEqualTo(value);
    });
  }

  @Test
  void birthsGiveGoodValuesAndDataByNameOrAliasUpdatesThem() throws Exception {
    try (Rig rig = rig()) {
      awaitValue(rig, "t", 21.5);
      awaitValue(rig, "level", 40L);
      awaitValue(rig, "pump", false);
      assertThat(rig.latest("level").address()).isEqualTo(rig.level());
      rig.peer().send("{\"op\":\"ndata\",\"metrics\":[{\"name\":\"Temperature\",\"type\":\"Float\",\"value\":23.25}]}");
      awaitValue(rig, "t", 23.25);
      // alias only, as nodes send data to save bytes: the birth's alias table gives the metric
      rig.peer().send("{\"op\":\"ddata\",\"metrics\":[{\"alias\":10,\"type\":\"Int16\",\"value\":-7}]}");
      awaitValue(rig, "level", -7L);
      rig.peer().send("{\"op\":\"ddata\",\"metrics\":[{\"alias\":11,\"type\":\"Boolean\",\"value\":true}]}");
      awaitValue(rig, "pump", true);
    }
  }

  @Test
  void theNodesDeathTurnsItsMetricsAndItsDevicesBad() throws Exception {
    try (Rig rig = rig()) {
      awaitValue(rig, "level", 40L);
      rig.peer().kill(); // a crash: the broker publishes the node's will, its NDEATH
      await().atMost(BOUND).untilAsserted(() -> {
        for (String s : List.of("t", "level", "pump", "setpoint")) {
          assertThat(rig.latest(s).quality().isBad()).as(s).isTrue();
          assertThat(rig.latest(s).quality().reason()).contains("Bad_NoCommunication").contains("died (NDEATH)");
        }
      });
    }
  }

  @Test
  void aBrokerRestartShowsBadThenTheNodesValuesAgain() throws Exception {
    // a broker of its own: stopping the shared one would disturb the other tests
    try (MosquittoProcess own = MosquittoProcess.start()) {
      String node = "rig-" + NODES.incrementAndGet();
      RecordingListener seen = new RecordingListener();
      var mqtt = MqttConnectorConfig.of("sparkplug-restart", own.uri());
      try (SparkplugConnector host = new SparkplugConnector(SparkplugConnectorConfig.of(mqtt, GROUP), seen, Clock.systemUTC());
          EdgeNodePeer peer = EdgeNodePeer.start(own.uri(), GROUP, node, "tank")) {
        Rig rig = new Rig(node, peer, host, seen);
        host.subscribe(List.of(SignalRequest.of("level", rig.level()))).get(10, TimeUnit.SECONDS);
        host.start();
        awaitValue(rig, "level", 40L);
        own.stop();
        await().atMost(BOUND).untilAsserted(() -> assertThat(rig.latest("level").quality().reason()).startsWith("not connected"));
        own.startProcess();
        // deaths may have been missed while the link was down: the value is believed again only after a birth
        awaitValue(rig, "level", 40L);
        assertThat(peer.births()).isGreaterThanOrEqualTo(2);
      }
    }
  }

  @Test
  void aHostWithAnIdAnnouncesItsStateRetainedAndItsWillSaysOffline() throws Exception {
    List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
    MqttLink.Events recording = new MqttLink.Events() {
      @Override
      public void message(String topic, byte[] payload) {
        states.add(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
      }

      @Override
      public void lost(Throwable cause) {}
    };
    var mqtt = MqttConnectorConfig.of("sparkplug-host", broker.uri());
    try (SparkplugConnector host = new SparkplugConnector(SparkplugConnectorConfig.of(mqtt, GROUP).withHostId("twinlab-it"),
        new RecordingListener(), Clock.systemUTC())) {
      host.start();
      await().atMost(BOUND).until(() -> host.state() == ConnectionState.CONNECTED);
      // retained: a watcher that comes later still learns the host is online
      try (MqttLink watcher = MqttLink.open(MqttConnectorConfig.of("state-watcher", broker.uri()), recording)) {
        watcher.connect().get(10, TimeUnit.SECONDS);
        watcher.subscribe("spBv1.0/STATE/twinlab-it", 1).get(10, TimeUnit.SECONDS);
        await().atMost(BOUND).until(() -> states.stream().anyMatch(p -> p.startsWith("{\"online\":true,\"timestamp\":")));
        String online = states.get(states.size() - 1);
        // another client taking over the host's client id ends its link without a disconnect: the broker sends its will
        try (MqttLink usurper = MqttLink.open(MqttConnectorConfig.of("usurper", broker.uri()).withClientId(mqtt.clientId()), recording)) {
          usurper.connect().get(10, TimeUnit.SECONDS);
          await().atMost(BOUND).until(() -> states.contains(online.replace("true", "false")));
        }
      }
    }
  }

  @Test
  void aHostWithAnIdSaysOfflineWhenItStops() throws Exception {
    List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
    var mqtt = MqttConnectorConfig.of("sparkplug-host-2", broker.uri());
    SparkplugConnector host = new SparkplugConnector(SparkplugConnectorConfig.of(mqtt, GROUP).withHostId("twinlab-it-2"),
        new RecordingListener(), Clock.systemUTC());
    host.start();
    await().atMost(BOUND).until(() -> host.state() == ConnectionState.CONNECTED);
    host.close();
    try (MqttLink watcher = MqttLink.open(MqttConnectorConfig.of("state-watcher-2", broker.uri()), new MqttLink.Events() {
      @Override
      public void message(String topic, byte[] payload) {
        states.add(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
      }

      @Override
      public void lost(Throwable cause) {}
    })) {
      watcher.connect().get(10, TimeUnit.SECONDS);
      watcher.subscribe("spBv1.0/STATE/twinlab-it-2", 1).get(10, TimeUnit.SECONDS);
      await().atMost(BOUND).until(() -> states.stream().anyMatch(p -> p.startsWith("{\"online\":false,")));
    }
  }

  @Test
  void aSignalOfAnotherGroupIsBadWhileTheOthersFlow() throws Exception {
    try (Rig rig = rig()) {
      rig.host().subscribe(List.of(SignalRequest.of("elsewhere", "lab2/" + rig.node() + "/tank#Level"))).get(10, TimeUnit.SECONDS);
      await().atMost(BOUND).untilAsserted(() -> assertThat(rig.latest("elsewhere").quality().reason())
          .isEqualTo("Bad_NodeIdUnknown: 'lab2/" + rig.node() + "/tank#Level' is in the group 'lab2'; this connection is for the group 'lab1'"));
      awaitValue(rig, "level", 40L);
    }
  }

  @Test
  void aDeviceDeathTurnsOnlyThatDeviceBad() throws Exception {
    try (Rig rig = rig()) {
      awaitValue(rig, "level", 40L);
      rig.peer().send("{\"op\":\"ddeath\"}");
      await().atMost(BOUND).untilAsserted(() -> {
        assertThat(rig.latest("level").quality().reason()).contains("tank died (DDEATH)");
        assertThat(rig.latest("pump").quality().isBad()).isTrue();
      });
      assertThat(rig.latest("t").quality()).isEqualTo(Quality.GOOD);
    }
  }

  @Test
  void aSequenceGapMakesTheHostAskForARebirthAndTheNodeIsBornAgain() throws Exception {
    try (Rig rig = rig()) {
      awaitValue(rig, "t", 21.5);
      rig.peer().send("{\"op\":\"skip\"}");
      rig.peer().send("{\"op\":\"ndata\",\"metrics\":[{\"name\":\"Temperature\",\"type\":\"Float\",\"value\":99.5}]}");
      await().atMost(BOUND).until(() -> rig.peer().births() >= 2);
      assertThat(rig.peer().lines()).anySatisfy(l -> assertThat(l).startsWith("NCMD").contains("Node Control/Rebirth").contains("true"));
      // the value after the gap was not believed; the rebirth's is
      awaitValue(rig, "t", 21.5);
      assertThat(rig.seen().badSamples()).isEmpty();
      rig.peer().send("{\"op\":\"ndata\",\"metrics\":[{\"name\":\"Temperature\",\"type\":\"Float\",\"value\":22.5}]}");
      awaitValue(rig, "t", 22.5);
    }
  }

  @Test
  void aHostThatConnectsAfterTheBirthAsksForOneAndGetsTheValues() throws Exception {
    String node = "rig-" + NODES.incrementAndGet();
    try (EdgeNodePeer peer = EdgeNodePeer.start(broker.uri(), GROUP, node, "tank")) {
      RecordingListener seen = new RecordingListener();
      try (Rig rig = new Rig(node, null, host(seen), seen)) {
        rig.host().subscribe(List.of(SignalRequest.of("level", rig.level()))).get(10, TimeUnit.SECONDS);
        rig.host().start();
        awaitValue(rig, "level", 40L);
        assertThat(peer.births()).isGreaterThanOrEqualTo(2);
      }
    }
  }

  @Test
  void writesAreCommandsTypedAsTheBirthSaysAndRefusedWhenTheyCannotFit() throws Exception {
    try (Rig rig = rig()) {
      awaitValue(rig, "setpoint", 50.0);
      // a whole number typed in a form is the Float the birth declares
      assertThat(rig.host().write(rig.setpoint(), 65L).get(10, TimeUnit.SECONDS)).isEqualTo(WriteResult.OK);
      await().atMost(BOUND).untilAsserted(() -> assertThat(rig.peer().lines())
          .anySatisfy(l -> assertThat(l).startsWith("DCMD").contains("\"name\":\"Setpoint\",\"type\":\"Float\",\"value\":65")));
      awaitValue(rig, "setpoint", 65.0);
      WriteResult wrongType = rig.host().write(rig.setpoint(), true).get(10, TimeUnit.SECONDS);
      assertThat(wrongType.refusal()).isEqualTo(WriteResult.Refusal.TYPE_MISMATCH);
      assertThat(wrongType.detail()).contains("the metric is a Float, the value a Boolean");
      WriteResult unknown = rig.host().write(GROUP + "/" + rig.node() + "/tank#Nope", 1).get(10, TimeUnit.SECONDS);
      assertThat(unknown.ok()).isFalse();
      assertThat(unknown.detail()).contains("has no metric 'Nope'");
      WriteResult otherGroup = rig.host().write("lab2/" + rig.node() + "/tank#Setpoint", 1).get(10, TimeUnit.SECONDS);
      assertThat(otherGroup.detail()).contains("this connection is for the group 'lab1'");
    }
  }

  @Test
  void discoveryListsTheMetricsOfTheBirthsWithTypeAndValue() throws Exception {
    try (Rig rig = rig()) {
      awaitValue(rig, "level", 40L);
      List<DiscoveredSignal> found = rig.host().discover(GROUP + "/" + rig.node()).get(10, TimeUnit.SECONDS);
      assertThat(found).extracting(DiscoveredSignal::address).contains(rig.temperature(), rig.level(), rig.pump(), rig.setpoint());
      DiscoveredSignal level = found.stream().filter(d -> d.address().equals(rig.level())).findFirst().orElseThrow();
      assertThat(level.dataType()).isEqualTo("Int16");
      assertThat(level.value()).isEqualTo(40L);
      assertThat(level.status()).isEqualTo("Good");
      assertThat(level.access()).isEqualTo("read-write");
    }
  }
}
