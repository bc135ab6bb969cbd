package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.opcua.OpcUaPki;
import org.twinlab.runtime.auth.Role;
import org.twinlab.models.yaml.Problem;
import org.twinlab.runtime.config.LabCheck;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.sim.TankProcessSim;
import org.twinlab.sim.opcua.RigOpcUaServer;
import org.twinlab.sim.opcua.SimSecurity;
import org.twinlab.testing.Ports;
import org.twinlab.testing.SimulatedPlc;

/**
 * A lab whose PLC serves only Basic256Sha256 SignAndEncrypt with a username login: the runtime
 * refuses the PLC's unknown certificate and says so in health, an administrator finds it in the
 * API and trusts it, and the twin follows the PLC from the next reconnect, without a restart.
 * Trainers and candidates may neither see nor change the trust list.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpcUaCertificateTrustIT {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final String PASSWORD = "plc-" + Long.toHexString(System.nanoTime());
  @TempDir
  Path dir;
  private SimulatedPlc plc;
  private Vertx vertx;
  private TwinRuntime runtime;
  private Path labFile;

  @BeforeEach
  void start() throws Exception {
    plc = new SimulatedPlc(new TankProcessSim(3),
        RigOpcUaServer.Options.loopback(Ports.free()).withSecurity(SimSecurity.users(Map.of("trainee", PASSWORD))));
    vertx = Vertx.vertx();
    labFile = lab();
    runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(labFile)));
  }

  @AfterEach
  void stop() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (vertx != null) get(vertx.close());
    if (plc != null) plc.close();
  }

  @Test
  void anAdministratorTrustsTheRefusedPlcAndTheTwinFollowsItWithoutARestart() throws Exception {
    String thumbprint = OpcUaPki.thumbprint(plc.server.certificate().orElseThrow());
    WebClient web = WebClient.create(vertx);
    JsonObject refused = await().atMost(WAIT).until(() -> connection(web), c -> c.getString("last_error") != null);
    assertThat(refused.getString("state")).isEqualTo("RECONNECTING");
    assertThat(refused.getString("last_error")).contains("the server's certificate " + thumbprint + " is not trusted")
        .contains("twinlab certs trust " + thumbprint);

    ApiUsers users = new ApiUsers(vertx, runtime);
    WebClient admin = users.client("boss", Role.ADMIN);
    HttpResponse<Buffer> listed = get(admin.get("/api/v1/opcua/certificates").send());
    assertThat(listed.statusCode()).isEqualTo(200);
    JsonArray certs = listed.bodyAsJsonArray();
    assertThat(certs).hasSize(1);
    assertThat(certs.getJsonObject(0).getString("thumbprint")).isEqualTo(thumbprint);
    assertThat(certs.getJsonObject(0).getString("status")).isEqualTo("rejected");
    assertThat(certs.getJsonObject(0).getString("application_uri")).startsWith("urn:twinlab:sim:");

    for (Role role : new Role[] {Role.TRAINER, Role.CANDIDATE}) {
      WebClient other = users.client(role.name().toLowerCase() + "-1", role);
      assertThat(get(other.get("/api/v1/opcua/certificates").send()).statusCode()).as(role.name()).isEqualTo(403);
      assertThat(get(other.post("/api/v1/opcua/certificates/" + thumbprint + "/trust").send()).statusCode()).as(role.name()).isEqualTo(403);
      assertThat(get(other.delete("/api/v1/opcua/certificates/" + thumbprint).send()).statusCode()).as(role.name()).isEqualTo(403);
    }
    assertThat(connection(web).getString("state")).as("nobody but an administrator trusted it").isNotEqualTo("CONNECTED");
    assertThat(get(admin.post("/api/v1/opcua/certificates/00112233445566778899aabbccddeeff00112233/trust").send()).statusCode())
        .isEqualTo(404);

    HttpResponse<Buffer> trusted = get(admin.post("/api/v1/opcua/certificates/" + thumbprint + "/trust").send());
    assertThat(trusted.statusCode()).isEqualTo(200);
    assertThat(trusted.bodyAsJsonObject().getString("status")).isEqualTo("trusted");

    await().atMost(WAIT).until(() -> "CONNECTED".equals(connection(web).getString("state")));
    await().atMost(WAIT).until(() -> get(runtime.twins().require("tank-1").snapshot()).properties().stream()
        .anyMatch(p -> p.property().equals("tank.level") && p.quality().equals(Quality.GOOD)));
    String health = get(web.get(runtime.port(), "127.0.0.1", "/api/v1/health").send()).bodyAsString();
    assertThat(health).doesNotContain(PASSWORD);
    assertThat(get(admin.get("/api/v1/audit").send()).bodyAsString()).as("the trust is audited").contains(thumbprint);

    // taken back: the certificate leaves the list, and the next session is refused again
    assertThat(get(admin.delete("/api/v1/opcua/certificates/" + thumbprint).send()).statusCode()).isEqualTo(204);
    assertThat(get(admin.get("/api/v1/opcua/certificates").send()).bodyAsJsonArray()).isEmpty();
    assertThat(get(admin.delete("/api/v1/opcua/certificates/" + thumbprint).send()).statusCode()).isEqualTo(404);
  }

  @Test
  void theOnlineCheckIsRefusedAndThenLetThroughByTheSameTrustList() throws Exception {
    String thumbprint = OpcUaPki.thumbprint(plc.server.certificate().orElseThrow());
    LabCheck.Report before = LabCheck.online(labFile, Duration.ofSeconds(15));
    assertThat(before.all()).map(Problem::toString)
        .anySatisfy(p -> assertThat(p).contains("the server's certificate " + thumbprint + " is not trusted"));
    assertThat(OpcUaPki.at(dir.resolve("data").resolve("pki")).trust(thumbprint)).isTrue();
    LabCheck.Report after = LabCheck.online(labFile, Duration.ofSeconds(15));
    assertThat(after.all()).isEmpty();
    assertThat(after.bindings()).isEqualTo(1);
  }

  private JsonObject connection(WebClient web) throws Exception {
    return new JsonObject(get(web.get(runtime.port(), "127.0.0.1", "/api/v1/health").send()).bodyAsString())
        .getJsonArray("connections").getJsonObject(0);
  }

  private Path lab() throws Exception {
    Files.writeString(dir.resolve("plc-password"), PASSWORD + "\n");
    Files.writeString(dir.resolve("tank-1.yaml"), String.join("\n",
        "twin: tank-1",
        "model: tank-process",
        "bindings:",
        "  - {property: tank.level, connection: plc, address: '" + plc.address("tank.level") + "'}",
        ""));
    return Files.writeString(dir.resolve("twinlab.yaml"), String.join("\n",
        "http: {bind: 127.0.0.1, port: 0}",
        "data: data",
        "connections:",
        "  - id: plc",
        "    opcua: " + plc.server.endpointUrl(),
        "    security: {policy: Basic256Sha256, mode: SignAndEncrypt}",
        "    identity: {kind: username, username: trainee, password_file: plc-password}",
        "twins:",
        "  - {id: tank-1, model: tank-process, bindings: tank-1.yaml}",
        ""));
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
