package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
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
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttLink;
import org.twinlab.connectors.mqtt.MqttTls;
import org.twinlab.connectors.tls.Pem;
import org.twinlab.models.yaml.Problem;
import org.twinlab.runtime.config.LabCheck;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.testing.MosquittoProcess;
import org.twinlab.testing.TestPki;

/**
 * A lab file whose broker connection has a {@code tls:} section and a password file drives a twin
 * over mutual TLS on mosquitto; the health check shows the link connected and none of its secrets,
 * and a lab that trusts another CA shows why it cannot connect.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MqttTlsLabIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PASSWORD = "lab-" + Long.toHexString(System.nanoTime());
  @TempDir
  static Path dir;
  static Path pkiDir;
  static Path passwords;
  static TestPki pki;
  static TestPki.Issued client;
  static MosquittoProcess broker;
  static Vertx vertx;

  @BeforeAll
  static void startBroker() throws Exception {
    MosquittoProcess.requireInstalled();
    pkiDir = Files.createTempDirectory("twinlab-lab-tls-"); // outside the test's private temp dir: mosquitto reads it as its own user
    pki = TestPki.create(pkiDir, "lab");
    TestPki.Issued server = pki.server("broker", List.of("127.0.0.1"));
    client = pki.client("client", "twin-runtime", TestPki.KeyForm.PKCS8_ENCRYPTED, "key-pass".toCharArray());
    passwords = MosquittoProcess.passwordFile("twinlab", PASSWORD);
    broker = MosquittoProcess.startTls(List.of("allow_anonymous false", "password_file " + passwords),
        List.of("cafile " + pki.caFile(), "certfile " + server.cert(), "keyfile " + server.key(), "require_certificate true"));
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) broker.close();
    if (vertx != null) get(vertx.close());
    if (passwords != null) Files.deleteIfExists(passwords);
    if (pkiDir != null) try (var files = Files.walk(pkiDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aTwinFollowsItsSensorOverMutualTlsAndHealthShowsNoSecret() throws Exception {
    Path lab = lab("secured", pki.caFile());
    TwinRuntime runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(lab)));
    try (MqttLink sensor = sensor()) {
      sensor.connect().get(10, TimeUnit.SECONDS);
      // published until the twin has it: its subscription may still be on the way to the broker
      await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
        sensor.publish("lab/motor-1/telemetry", "{\"motor\":{\"current\":4.25}}".getBytes(StandardCharsets.UTF_8), 1, false);
        return current(runtime).filter(p -> p.quality().equals(Quality.GOOD) && Double.valueOf(4.25).equals(p.value())).isPresent();
      });
      String health = get(WebClient.create(vertx).get(runtime.port(), "127.0.0.1", "/api/v1/health").send()).bodyAsString();
      JsonArray connections = new JsonObject(health).getJsonArray("connections");
      assertThat(connections).hasSize(1);
      assertThat(connections.getJsonObject(0).getString("state")).isEqualTo("CONNECTED");
      assertThat(health).doesNotContain(PASSWORD).doesNotContain("key-pass");
    } finally {
      get(runtime.stop());
    }
  }

  @Test
  void theOnlineCheckReadsTheBindingsOverTheSameTlsSettings() throws Exception {
    Path lab = lab("checked", pki.caFile());
    var publishing = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try (MqttLink sensor = sensor()) {
      sensor.connect().get(10, TimeUnit.SECONDS);
      publishing.scheduleAtFixedRate(() -> sensor.publish("lab/motor-1/telemetry",
          "{\"motor\":{\"current\":4.25}}".getBytes(StandardCharsets.UTF_8), 0, false), 0, 200, TimeUnit.MILLISECONDS);
      LabCheck.Report report = LabCheck.online(lab, Duration.ofSeconds(15));
      assertThat(report.all()).isEmpty();
      assertThat(report.bindings()).isEqualTo(1);
    } finally {
      publishing.shutdownNow();
    }
    // the same check against a lab that trusts another CA says why it could not look
    TestPki other = TestPki.create(pkiDir.resolve("other-check"), "other");
    LabCheck.Report refused = LabCheck.online(lab("checked-rogue", other.caFile()), Duration.ofSeconds(15));
    assertThat(refused.all()).map(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("cannot reach " + broker.uri()).contains("not signed by a CA this connection trusts"));
  }

  @Test
  void aLabThatTrustsAnotherCaShowsWhyItCannotConnect() throws Exception {
    TestPki other = TestPki.create(pkiDir.resolve("other"), "other");
    Path lab = lab("rogue-ca", other.caFile());
    TwinRuntime runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(lab)));
    try {
      WebClient web = WebClient.create(vertx);
      JsonObject connection = await().atMost(WAIT).until(() -> new JsonObject(
          get(web.get(runtime.port(), "127.0.0.1", "/api/v1/health").send()).bodyAsString()).getJsonArray("connections").getJsonObject(0),
          c -> c.getString("last_error") != null);
      assertThat(connection.getString("state")).isEqualTo("RECONNECTING");
      assertThat(connection.encode()).contains("not signed by a CA this connection trusts");
    } finally {
      get(runtime.stop());
    }
  }

  private static Optional<PropertyState> current(TwinRuntime runtime) throws Exception {
    return get(runtime.twins().require("motor-1").snapshot()).properties().stream()
        .filter(p -> p.property().equals("motor.current")).findFirst();
  }

  /** The sensor node: its own client certificate would do as well; it uses the runtime's. */
  private static MqttLink sensor() throws Exception {
    MqttTls tls = MqttTls.trusting(Pem.certificates(pki.caFile()))
        .withIdentity(Pem.certificates(client.cert()), Pem.privateKey(client.key(), Optional.of("key-pass".toCharArray())));
    return MqttLink.open(MqttConnectorConfig.of("sensor", broker.uri()).withTls(tls).withCredentials("twinlab", PASSWORD),
        new MqttLink.Events() {
          @Override
          public void message(String topic, byte[] payload) {}

          @Override
          public void lost(Throwable cause) {}
        });
  }

  private static Path lab(String name, Path ca) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("mqtt-password"), PASSWORD + "\n");
    Files.writeString(d.resolve("key-password"), "key-pass\n");
    Files.writeString(d.resolve("motor-1.yaml"), String.join("\n",
        "twin: motor-1",
        "model: motor-vibration",
        "bindings:",
        "  - {property: motor.current, connection: broker, address: 'lab/motor-1/telemetry#/motor/current'}",
        ""));
    return Files.writeString(d.resolve("twinlab.yaml"), String.join("\n",
        "http: {bind: 127.0.0.1, port: 0}",
        "data: data",
        "connections:",
        "  - id: broker",
        "    mqtt: " + broker.uri(),
        "    username: twinlab",
        "    password_file: mqtt-password",
        "    tls:",
        "      ca: " + ca,
        "      cert: " + client.cert(),
        "      key: " + client.key(),
        "      key_password_file: key-password",
        "twins:",
        "  - {id: motor-1, model: motor-vibration, bindings: motor-1.yaml}",
        ""));
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
