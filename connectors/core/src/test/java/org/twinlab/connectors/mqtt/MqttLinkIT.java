package org.twinlab.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.twinlab.testing.MosquittoProcess;

/**
 * The one link over both Paho clients against a mosquitto that wants a password: credentials reach
 * the broker (a wrong password fails the connect), retained QoS 1 publishes arrive, and a broker
 * that goes away is reported as lost. How refusals are read is {@link PahoLinkTest}'s (mosquitto
 * 2.0 grants even subscriptions its ACL denies).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttLinkIT {
  private static final String USER = "lab";
  private static final String PASSWORD = "rig-" + Long.toHexString(System.nanoTime());
  private static MosquittoProcess broker;
  private static Path passwords;

  @BeforeAll
  static void startBroker() throws Exception {
    MosquittoProcess.requireInstalled();
    passwords = MosquittoProcess.passwordFile(USER, PASSWORD);
    broker = MosquittoProcess.start(List.of("allow_anonymous false", "password_file " + passwords));
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) broker.close();
    if (passwords != null) Files.deleteIfExists(passwords);
  }

  /** Messages by topic, and the last loss, as a link reports them. */
  private static final class Recorder implements MqttLink.Events {
    final Map<String, String> messages = new ConcurrentHashMap<>();
    final AtomicReference<Throwable> lost = new AtomicReference<>();

    @Override
    public void message(String topic, byte[] payload) {
      messages.put(topic, new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public void lost(Throwable cause) {
      lost.set(cause);
    }
  }

  private static MqttConnectorConfig config(MqttVersion version, String id) {
    return MqttConnectorConfig.of(id, broker.uri()).withVersion(version);
  }

  @ParameterizedTest
  @EnumSource(MqttVersion.class)
  void theRightPasswordConnectsAndARetainedQos1PublishReachesALaterSubscriber(MqttVersion version) throws Exception {
    String topic = "twinlab/link-" + version + "/" + System.nanoTime();
    try (MqttLink publisher = MqttLink.open(config(version, "pub").withCredentials(USER, PASSWORD), new Recorder())) {
      publisher.connect().get(10, TimeUnit.SECONDS);
      publisher.publish(topic, "{\"v\":1}".getBytes(StandardCharsets.UTF_8), 1, true).get(10, TimeUnit.SECONDS);
    }
    Recorder events = new Recorder();
    try (MqttLink subscriber = MqttLink.open(config(version, "sub").withCredentials(USER, PASSWORD), events)) {
      subscriber.connect().get(10, TimeUnit.SECONDS);
      subscriber.subscribe(topic, 1).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(20)).until(() -> "{\"v\":1}".equals(events.messages.get(topic)));
    }
  }

  @ParameterizedTest
  @EnumSource(MqttVersion.class)
  void aWrongPasswordFailsTheConnect(MqttVersion version) {
    try (MqttLink link = MqttLink.open(config(version, "wrong").withCredentials(USER, "not-" + PASSWORD), new Recorder())) {
      assertThatThrownBy(() -> link.connect().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @EnumSource(MqttVersion.class)
  void aBrokerThatStopsIsReportedLost(MqttVersion version) throws Exception {
    MosquittoProcess own = MosquittoProcess.start();
    Recorder events = new Recorder();
    try (own; MqttLink link = MqttLink.open(MqttConnectorConfig.of("lost", own.uri()).withVersion(version), events)) {
      link.connect().get(10, TimeUnit.SECONDS);
      own.stop();
      await().atMost(Duration.ofSeconds(30)).until(() -> events.lost.get() != null);
      assertThat(link.publish("twinlab/after", new byte[] {1}, 1, false)).failsWithin(Duration.ofSeconds(10));
    }
  }
}
