package org.twinlab.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.twinlab.connectors.Backoff;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.WriteResult;
import org.twinlab.sim.MotorVibrationSim;
import org.twinlab.sim.SimRunner;
import org.twinlab.sim.mqtt.SensorNodePublisher;
import org.twinlab.testing.RecordingListener;

/**
 * What our MQTT connector must do against any real broker: a simulated sensor node publishes
 * JSON, the connector subscribes with wildcards and JSON Pointers, writes go back as publishes,
 * and a broker restart costs only the gap. Subclasses supply the broker.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class MqttConnectorContract {
  private static final Duration WAIT = Duration.ofSeconds(20);

  protected abstract String brokerUri();

  /** Aborts (skips) each test with a reason when this suite's broker cannot run here. */
  protected void assumeBrokerAvailable() {}

  /** Stops the broker, waits, and starts it again on the same address. */
  protected abstract void restartBroker(Duration down) throws Exception;

  private MotorVibrationSim sim;
  private SimRunner runner;
  private SensorNodePublisher node;
  private MqttConnector connector;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void startNode() throws Exception {
    assumeBrokerAvailable();
    sim = new MotorVibrationSim(3);
    sim.write("node.interval_ms", 200L);
    node = new SensorNodePublisher(sim, brokerUri(), "twinlab", "motor-1");
    runner = new SimRunner(sim, 50, node::afterStep);
    runner.start();
  }

  @AfterEach
  void stopAll() {
    if (connector != null) connector.close();
    if (runner != null) runner.close();
    if (node != null) node.close();
  }

  private MqttConnector connect(MqttConnectorConfig config, List<SignalRequest> signals) throws Exception {
    connector = new MqttConnector(config.withBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1))), listener, java.time.Clock.systemUTC());
    connector.start();
    connector.subscribe(signals).get(10, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> connector.state() == ConnectionState.CONNECTED);
    return connector;
  }

  private static List<SignalRequest> vibration() {
    return List.of(
        SignalRequest.of("x", "twinlab/+/telemetry#/vibration/x"),
        SignalRequest.of("temp", "twinlab/motor-1/telemetry#/motor/winding_temperature"),
        SignalRequest.of("rssi", "twinlab/motor-1/telemetry#/node/rssi"));
  }

  @Test
  void mqtt5WildcardSubscriptionDecodesJsonFieldsWithTheirSourceTime() throws Exception {
    connect(MqttConnectorConfig.of("m5", brokerUri()), vibration());
    await().atMost(WAIT).until(() -> listener.count("x") >= 3 && listener.count("rssi") >= 3);
    assertThat(listener.latest("x").value()).isInstanceOf(Double.class);
    assertThat(listener.latest("x").address()).isEqualTo("twinlab/motor-1/telemetry");
    assertThat(listener.latest("rssi").value()).isInstanceOf(Long.class);
    assertThat(listener.latest("temp").quality().isGood()).isTrue();
    assertThat(listener.latest("x").sourceTime()).isBetween(Instant.now().minusSeconds(5), Instant.now());
  }

  @Test
  void mqtt311BrokersWorkToo() throws Exception {
    connect(MqttConnectorConfig.of("m3", brokerUri()).withVersion(MqttVersion.V3_1_1), vibration());
    await().atMost(WAIT).until(() -> listener.count("x") >= 3);
    assertThat(listener.latest("x").quality().isGood()).isTrue();
  }

  @Test
  void signalsRequestedWhileConnectingAreAllSubscribed() throws Exception {
    // retained values on topics of their own: whichever filter reaches the broker gets its value
    String run = "late-" + System.nanoTime();
    int late = 200;
    MqttLink publisher = MqttLink.open(MqttConnectorConfig.of("retainer", brokerUri()), new MqttLink.Events() {
      @Override
      public void message(String topic, byte[] payload) {}

      @Override
      public void lost(Throwable cause) {}
    });
    try {
      publisher.connect().get(10, TimeUnit.SECONDS);
      for (int i = 0; i < late; i++) publisher.publish(run + "/" + i, "{\"v\":1}".getBytes(StandardCharsets.UTF_8), 1, true)
          .get(10, TimeUnit.SECONDS);
    } finally {
      publisher.close();
    }
    connector = new MqttConnector(MqttConnectorConfig.of("many", brokerUri()), listener, java.time.Clock.systemUTC());
    // many filters asked for before the start make subscribing on connect take a while
    List<SignalRequest> early = new ArrayList<>();
    for (int i = 0; i < 3000; i++) early.add(SignalRequest.of("early" + i, run + "/early/" + i + "#/v"));
    connector.subscribe(early).get(10, TimeUnit.SECONDS);
    connector.start();
    // as twins do: each asks for its signals from its own thread while the link comes up
    for (int i = 0; i < late; i++) {
      String id = "late" + i;
      String address = run + "/" + i + "#/v";
      CompletableFuture.runAsync(() -> connector.subscribe(List.of(SignalRequest.of(id, address))));
      Thread.sleep(1);
    }
    await().atMost(WAIT).until(() -> connector.state() == ConnectionState.CONNECTED);
    await().atMost(WAIT).untilAsserted(() -> assertThat(IntStream.range(0, late)
        .filter(i -> listener.count("late" + i) == 0).boxed().toList()).as("signals that never got their value").isEmpty());
  }

  @Test
  void qos0SubscriptionsDeliverToo() throws Exception {
    connect(MqttConnectorConfig.of("q0", brokerUri()).withQos(0), vibration());
    await().atMost(WAIT).until(() -> listener.count("temp") >= 3);
  }

  @Test
  void aFieldMissingFromThePayloadIsBadWithItsReason() throws Exception {
    connect(MqttConnectorConfig.of("miss", brokerUri()), List.of(SignalRequest.of("w", "twinlab/motor-1/telemetry#/vibration/w")));
    await().atMost(WAIT).until(() -> listener.latest("w") != null);
    assertThat(listener.latest("w").quality().reason()).isEqualTo("no field /vibration/w in the payload");
  }

  @Test
  void aWriteIsPublishedAndChangesTheNode() throws Exception {
    connect(MqttConnectorConfig.of("w", brokerUri()), vibration());
    await().atMost(WAIT).until(() -> listener.count("x") >= 1);
    WriteResult r = connector.write("twinlab/motor-1/config#/node/interval_ms", 500).get(10, TimeUnit.SECONDS);
    assertThat(r).isEqualTo(WriteResult.OK);
    await().atMost(WAIT).until(() -> sim.intervalMs() == 500);
    assertThat(connector.write("twinlab/+/config", 1).get(5, TimeUnit.SECONDS).detail()).contains("wildcard");
  }

  @Test
  void topicsSeenAreOfferedForDiscovery() throws Exception {
    connect(MqttConnectorConfig.of("d", brokerUri()), vibration());
    await().atMost(WAIT).until(() -> listener.count("x") >= 1);
    assertThat(connector.discover("twinlab/").get(5, TimeUnit.SECONDS))
        .anySatisfy(d -> {
          assertThat(d.address()).isEqualTo("twinlab/motor-1/telemetry");
          assertThat(d.dataType()).isEqualTo("json");
          assertThat((String) d.value()).as("a recent payload to bind by").contains("\"vibration\"");
          assertThat(d.fields()).extracting(DiscoveredSignal.Field::pointer).as("what topic#pointer can name")
              .contains("/vibration/x", "/motor/winding_temperature", "/ts");
          assertThat(d.fields()).as("each with the value the last payload held").allSatisfy(f -> assertThat(f.value()).isNotNull())
              .filteredOn(f -> f.pointer().equals("/vibration/x")).singleElement().satisfies(f -> assertThat(f.value()).isInstanceOf(Double.class));
          assertThat(d.access()).isEqualTo("read");
        });
  }

  @Test
  void afterABrokerRestartSamplesResumeAndTheGapIsBad() throws Exception {
    connect(MqttConnectorConfig.of("r", brokerUri()), vibration());
    await().atMost(WAIT).until(() -> listener.count("x") >= 2);
    // down long enough for a doubling backoff to have grown past what a lab can wait
    restartBroker(Duration.ofSeconds(3));
    long listening = System.nanoTime();
    await().atMost(WAIT).until(() -> !listener.badSamples().isEmpty());
    assertThat(listener.badSamples()).anySatisfy(s -> assertThat(s.quality().reason()).containsAnyOf("connection lost", "not connected"));
    await().atMost(Duration.ofSeconds(30)).until(() -> connector.state() == ConnectionState.CONNECTED
        && listener.latest("x").quality().isGood());
    double recovered = (System.nanoTime() - listening) / 1e9;
    System.out.printf("MQTT values Good again %.2f s after the broker listened%n", recovered);
    // aimed at 2 s; the bound leaves room for a loaded machine
    assertThat(recovered).isLessThan(12.0);
    long after = listener.count("x");
    await().atMost(WAIT).until(() -> listener.count("x") > after + 2);
    assertThat(listener.states()).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
  }

  @Test
  void aCutLinkOnTheNodeShowsAsSilenceNotAsFrozenValues() throws Exception {
    connect(MqttConnectorConfig.of("cut", brokerUri()), vibration());
    await().atMost(WAIT).until(() -> listener.count("x") >= 2);
    long fault = sim.inject(new org.twinlab.sim.Fault.CommunicationLoss());
    // what was in flight has arrived once a whole second (five of the node's intervals) brings nothing
    long[] last = {-1};
    await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
      long now = listener.count("x");
      boolean quiet = now == last[0];
      last[0] = now;
      return quiet;
    });
    long during = listener.count("x");
    Thread.sleep(1000); // and nothing comes while the link stays cut
    assertThat(listener.count("x")).isEqualTo(during);
    sim.clearFault(fault);
    await().atMost(WAIT).until(() -> listener.count("x") > during + 2);
  }
}
