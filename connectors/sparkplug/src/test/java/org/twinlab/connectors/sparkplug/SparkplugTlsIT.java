package org.twinlab.connectors.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttLink;
import org.twinlab.connectors.mqtt.MqttTls;
import org.twinlab.connectors.sparkplug.SparkplugPayloads.Metric;
import org.twinlab.connectors.tls.Pem;
import org.twinlab.testing.MosquittoProcess;
import org.twinlab.testing.RecordingListener;
import org.twinlab.testing.TestPki;

/** The Sparkplug connector reaches a secured broker with the MQTT settings any broker connection has: mutual TLS and a password. */
class SparkplugTlsIT {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final String PASSWORD = "sp-" + Long.toHexString(System.nanoTime());
  private static Path pkiDir;
  private static Path passwords;
  private static TestPki pki;
  private static TestPki.Issued client;
  private static MosquittoProcess broker;

  @BeforeAll
  static void startBroker() throws Exception {
    MosquittoProcess.requireInstalled();
    pkiDir = Files.createTempDirectory("twinlab-sparkplug-tls-"); // mosquitto reads it as its own user
    pki = TestPki.create(pkiDir, "lab");
    TestPki.Issued server = pki.server("broker", List.of("127.0.0.1"));
    client = pki.client("client", "twin-runtime", TestPki.KeyForm.PKCS8, null);
    passwords = MosquittoProcess.passwordFile("twinlab", PASSWORD);
    broker = MosquittoProcess.startTls(List.of("allow_anonymous false", "password_file " + passwords),
        List.of("cafile " + pki.caFile(), "certfile " + server.cert(), "keyfile " + server.key(), "require_certificate true"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) broker.close();
    if (passwords != null) Files.deleteIfExists(passwords);
    if (pkiDir != null) try (var files = Files.walk(pkiDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static MqttConnectorConfig secured(String id, Path ca) throws Exception {
    MqttTls tls = MqttTls.trusting(Pem.certificates(ca))
        .withIdentity(Pem.certificates(client.cert()), Pem.privateKey(client.key(), Optional.empty()));
    return MqttConnectorConfig.of(id, broker.uri()).withTls(tls).withCredentials("twinlab", PASSWORD);
  }

  @Test
  void aBirthArrivesOverMutualTlsWithAPassword() throws Exception {
    RecordingListener seen = new RecordingListener();
    try (SparkplugConnector host = new SparkplugConnector(SparkplugConnectorConfig.of(secured("sp-tls", pki.caFile()), "lab1"), seen,
        Clock.systemUTC());
        MqttLink node = MqttLink.open(secured("sp-tls-node", pki.caFile()), new MqttLink.Events() {
          @Override
          public void message(String topic, byte[] payload) {}

          @Override
          public void lost(Throwable cause) {}
        })) {
      host.subscribe(List.of(SignalRequest.of("t", "lab1/secure-1#Temperature"))).get(10, TimeUnit.SECONDS);
      host.start();
      await().atMost(BOUND).until(() -> host.state() == ConnectionState.CONNECTED);
      node.connect().get(10, TimeUnit.SECONDS);
      byte[] birth = SparkplugPayloads.encode(Instant.now(), OptionalLong.of(0), List.of(Metric.named("Temperature", MetricType.DOUBLE, 19.5),
          Metric.named("bdSeq", MetricType.UINT64, 0L)));
      node.publish("spBv1.0/lab1/NBIRTH/secure-1", birth, 1, false).get(10, TimeUnit.SECONDS);
      await().atMost(BOUND).untilAsserted(() -> {
        assertThat(seen.latest("t")).isNotNull();
        assertThat(seen.latest("t").quality()).isEqualTo(Quality.GOOD);
        assertThat(seen.latest("t").value()).isEqualTo(19.5);
      });
    }
  }

  @Test
  void aBrokerSignedByAnotherCaIsRefusedWithTheReason() throws Exception {
    TestPki other = TestPki.create(pkiDir.resolve("other"), "other");
    RecordingListener seen = new RecordingListener();
    try (SparkplugConnector host = new SparkplugConnector(SparkplugConnectorConfig.of(secured("sp-rogue", other.caFile()), "lab1"), seen,
        Clock.systemUTC())) {
      host.start();
      await().atMost(BOUND).until(() -> seen.events().stream().map(ConnectionEvent::lastError).flatMap(Optional::stream)
          .anyMatch(e -> e.contains("not signed by a CA this connection trusts")));
      assertThat(host.state()).isEqualTo(ConnectionState.RECONNECTING);
    }
  }
}
