package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.opcua.OpcUaPki;
import org.twinlab.connectors.tls.Pem;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.sim.TankProcessSim;
import org.twinlab.sim.opcua.RigOpcUaServer;
import org.twinlab.sim.opcua.SimSecurity;
import org.twinlab.testing.Ports;
import org.twinlab.testing.SimulatedPlc;
import org.twinlab.testing.TestPki;

/**
 * A lab that logs in to its PLC with an X.509 user certificate from PEM files, over Aes256_Sha256_RsaPss
 * SignAndEncrypt, the PLC's certificate trusted beforehand: the twin follows the PLC, and the key
 * shows up nowhere the runtime answers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpcUaX509LabIT {
  @TempDir
  Path dir;

  @Test
  void aTwinFollowsAPlcItLogsInToWithAUserCertificate() throws Exception {
    TestPki users = TestPki.create(dir.resolve("users"), "lab users");
    TestPki.Issued examiner = users.client("examiner", "examiner-7", TestPki.KeyForm.PKCS1, null); // RSA, as the RSA policies sign
    SimSecurity security = SimSecurity.users(Map.of()).withX509User(Pem.certificates(examiner.cert()).get(0));
    try (SimulatedPlc plc = new SimulatedPlc(new TankProcessSim(9), RigOpcUaServer.Options.loopback(Ports.free()).withSecurity(security))) {
      OpcUaPki.at(dir.resolve("data").resolve("pki")).trust(plc.server.certificate().orElseThrow());
      Files.writeString(dir.resolve("tank-1.yaml"), String.join("\n",
          "twin: tank-1",
          "model: tank-process",
          "bindings:",
          "  - {property: tank.level, connection: plc, address: '" + plc.address("tank.level") + "'}",
          ""));
      Path lab = Files.writeString(dir.resolve("twinlab.yaml"), String.join("\n",
          "http: {bind: 127.0.0.1, port: 0}",
          "data: data",
          "connections:",
          "  - id: plc",
          "    opcua: " + plc.server.endpointUrl(),
          "    security: {policy: Aes256_Sha256_RsaPss, mode: SignAndEncrypt}",
          "    identity: {kind: x509, certificate: " + examiner.cert() + ", private_key: " + examiner.key() + "}",
          "twins:",
          "  - {id: tank-1, model: tank-process, bindings: tank-1.yaml}",
          ""));
      Vertx vertx = Vertx.vertx();
      TwinRuntime runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(lab)));
      try {
        await().atMost(Duration.ofSeconds(40)).until(() -> level(runtime).filter(q -> q == Quality.GOOD).isPresent());
        String health = get(WebClient.create(vertx).get(runtime.port(), "127.0.0.1", "/api/v1/health").send()).bodyAsString();
        assertThat(new JsonObject(health).getJsonArray("connections").getJsonObject(0).getString("state")).isEqualTo("CONNECTED");
        String key = Files.readString(examiner.key()).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(health).doesNotContain(key);
      } finally {
        get(runtime.stop());
        get(vertx.close());
      }
    }
  }

  private static Optional<Quality> level(TwinRuntime runtime) throws Exception {
    return get(runtime.twins().require("tank-1").snapshot()).properties().stream()
        .filter(p -> p.property().equals("tank.level")).map(p -> p.quality()).findFirst();
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
