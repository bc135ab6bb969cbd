package org.twinlab.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.tls.Pem;
import org.twinlab.testing.MosquittoProcess;
import org.twinlab.testing.RecordingListener;
import org.twinlab.testing.TestPki;

/**
 * MQTT over TLS against Debian's mosquitto with certificates made by the test: values flow over
 * mutual TLS with a password, and each thing a secured broker must refuse is refused with its
 * reason in the connection's state (a missing client certificate, a wrong password, a broker
 * signed by another CA, a broker certificate for another host) — never silently accepted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttTlsIT {
  private static final String USER = "lab";
  private static final String PASSWORD = "rig-" + Long.toHexString(System.nanoTime());
  private static Path dir;
  private static Path passwords;
  private static TestPki lab;
  private static MqttTls trustLab;
  private static MqttTls.Identity client;
  /** Mutual TLS and a password. */
  private static MosquittoProcess secured;
  /** A certificate signed by a CA the client does not trust. */
  private static MosquittoProcess rogue;
  /** Signed by the lab CA, for broker.lab.invalid rather than 127.0.0.1. */
  private static MosquittoProcess misnamed;

  @BeforeAll
  static void startBrokers() throws Exception {
    MosquittoProcess.requireInstalled();
    dir = Files.createTempDirectory("twinlab-mqtt-tls-");
    lab = TestPki.create(dir, "lab");
    TestPki other = TestPki.create(dir, "other");
    TestPki.Issued broker = lab.server("broker", List.of("127.0.0.1"));
    TestPki.Issued clientFiles = lab.client("client", "twin-runtime", TestPki.KeyForm.PKCS8, null);
    trustLab = MqttTls.trusting(Pem.certificates(lab.caFile()));
    client = new MqttTls.Identity(Pem.certificates(clientFiles.cert()), Pem.privateKey(clientFiles.key(), Optional.empty()));

    passwords = MosquittoProcess.passwordFile(USER, PASSWORD);
    secured = MosquittoProcess.startTls(List.of("allow_anonymous false", "password_file " + passwords),
        List.of("cafile " + lab.caFile(), "certfile " + broker.cert(), "keyfile " + broker.key(), "require_certificate true"));
    TestPki.Issued rogueCert = other.server("rogue", List.of("127.0.0.1"));
    rogue = MosquittoProcess.startTls(List.of("allow_anonymous true"),
        List.of("certfile " + rogueCert.cert(), "keyfile " + rogueCert.key()));
    TestPki.Issued misnamedCert = lab.server("misnamed", List.of("broker.lab.invalid"));
    misnamed = MosquittoProcess.startTls(List.of("allow_anonymous true"),
        List.of("certfile " + misnamedCert.cert(), "keyfile " + misnamedCert.key()));
  }

  @AfterAll
  static void stopBrokers() throws Exception {
    for (MosquittoProcess m : new MosquittoProcess[] {secured, rogue, misnamed}) if (m != null) m.close();
    if (passwords != null) Files.deleteIfExists(passwords);
    if (dir != null) try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static MqttConnectorConfig config(MosquittoProcess broker, String id, MqttVersion version, MqttTls tls) {
    return MqttConnectorConfig.of(id, broker.uri()).withVersion(version).withTls(tls);
  }

  /** The first state that carries an error, once the connector has tried long enough to report one. */
  private static ConnectionEvent firstFailure(RecordingListener events) {
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> events.events().stream().filter(e -> e.lastError().isPresent()).findFirst(), Optional::isPresent).get();
  }

  @ParameterizedTest
  @EnumSource(MqttVersion.class)
  void overMutualTlsWithAPasswordAPublishedValueReachesTheTwin(MqttVersion version) throws Exception {
    MqttTls tls = trustLab.withIdentity(client.chain(), client.key());
    String topic = "lab/tls-" + version + "/" + System.nanoTime() + "/temp";
    RecordingListener events = new RecordingListener();
    try (MqttConnector c = new MqttConnector(config(secured, "tls-sub", version, tls).withCredentials(USER, PASSWORD), events,
        java.time.Clock.systemUTC())) {
      c.start();
      c.subscribe(List.of(SignalRequest.of("temp", topic)));
      await().atMost(Duration.ofSeconds(20)).until(() -> events.states().contains(ConnectionState.CONNECTED));
      try (MqttLink publisher = MqttLink.open(config(secured, "tls-pub", version, tls).withCredentials(USER, PASSWORD),
          new MqttLink.Events() {
            @Override
            public void message(String t, byte[] payload) {}

            @Override
            public void lost(Throwable cause) {}
          })) {
        publisher.connect().get(10, TimeUnit.SECONDS);
        // published until it arrives: the subscription may still be on its way to the broker
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
          publisher.publish(topic, "21.5".getBytes(StandardCharsets.UTF_8), 1, false);
          Sample s = events.latest("temp");
          return s != null && !s.quality().isBad();
        });
      }
      assertThat(events.latest("temp").value()).isEqualTo(21.5);
    }
  }

  @ParameterizedTest
  @EnumSource(MqttVersion.class)
  void aBrokerThatWantsAClientCertificateRefusesAClientWithoutOne(MqttVersion version) throws Exception {
    RecordingListener events = new RecordingListener();
    try (MqttConnector c = new MqttConnector(config(secured, "no-cert", version, trustLab).withCredentials(USER, PASSWORD), events,
        java.time.Clock.systemUTC())) {
      c.start();
      ConnectionEvent failure = firstFailure(events);
      assertThat(failure.state()).isEqualTo(ConnectionState.RECONNECTING);
      assertThat(failure.lastError().orElseThrow()).contains("wants a client certificate").contains("certificate_required");
      assertThat(events.states()).doesNotContain(ConnectionState.CONNECTED);
    }
  }

  @ParameterizedTest
  @EnumSource(MqttVersion.class)
  void aWrongPasswordIsRefusedEvenWithTheRightCertificate(MqttVersion version) throws Exception {
    MqttTls tls = trustLab.withIdentity(client.chain(), client.key());
    RecordingListener events = new RecordingListener();
    try (MqttConnector c = new MqttConnector(config(secured, "wrong-pw", version, tls).withCredentials(USER, "not-" + PASSWORD),
        events, java.time.Clock.systemUTC())) {
      c.start();
      ConnectionEvent failure = firstFailure(events);
      assertThat(failure.lastError().orElseThrow()).containsIgnoringCase("not authorized");
      assertThat(events.states()).doesNotContain(ConnectionState.CONNECTED);
    }
  }

  @ParameterizedTest
  @EnumSource(MqttVersion.class)
  void aBrokerSignedByAnotherCaIsRefusedWithTheReason(MqttVersion version) throws Exception {
    RecordingListener events = new RecordingListener();
    try (MqttConnector c = new MqttConnector(config(rogue, "rogue", version, trustLab), events, java.time.Clock.systemUTC())) {
      c.start();
      ConnectionEvent failure = firstFailure(events);
      assertThat(failure.lastError().orElseThrow()).contains("not signed by a CA this connection trusts")
          .contains("certification path");
      assertThat(events.states()).doesNotContain(ConnectionState.CONNECTED);
    }
  }

  @Test
  void aBrokerCertificateForAnotherHostIsRefusedUnlessHostNamesAreNotChecked() throws Exception {
    RecordingListener events = new RecordingListener();
    try (MqttConnector c = new MqttConnector(config(misnamed, "misnamed", MqttVersion.V5, trustLab), events, java.time.Clock.systemUTC())) {
      c.start();
      ConnectionEvent failure = firstFailure(events);
      assertThat(failure.lastError().orElseThrow()).contains("not issued for the host").contains("127.0.0.1");
      assertThat(events.states()).doesNotContain(ConnectionState.CONNECTED);
    }
    // the same broker and CA connect once the host check is off: the name was the only refusal
    RecordingListener unchecked = new RecordingListener();
    try (MqttConnector c = new MqttConnector(config(misnamed, "unchecked", MqttVersion.V5, trustLab.withHostnameVerification(false)),
        unchecked, java.time.Clock.systemUTC())) {
      c.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> unchecked.states().contains(ConnectionState.CONNECTED));
    }
  }
}
