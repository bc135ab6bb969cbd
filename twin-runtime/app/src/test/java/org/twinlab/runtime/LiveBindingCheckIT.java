package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.sim.TankProcessSim;
import org.twinlab.testing.SimulatedPlc;

/**
 * The online binding check inside a running runtime, against a simulated tank PLC on OPC UA: a
 * binding of the lab's files that does not fit its node degrades the health check (with the reason
 * for those logged in, only the connection for anyone else) until it is replaced by one that fits;
 * a binding created or replaced through the API is recorded as every edit is, then checked, and
 * what does not fit is named in the answer and in health until a binding that fits replaces it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveBindingCheckIT {
  @TempDir
  Path dir;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** The answer's first check problem as field: message. */
  private static String problem(HttpResponse<Buffer> answer) {
    JsonArray problems = answer.bodyAsJsonObject().getJsonObject("check").getJsonArray("problems");
    assertThat(problems).as(answer.bodyAsString()).hasSize(1);
    return problems.getJsonObject(0).getString("field") + ": " + problems.getJsonObject(0).getString("message");
  }

  /** The entries health lists as not fitting their rig. */
  private static java.util.List<String> entries(WebClient staff) throws Exception {
    JsonArray bindings = get(staff.get("/api/v1/health").send()).bodyAsJsonObject().getJsonArray("bindings");
    return bindings.stream().map(b -> ((JsonObject) b).getString("entry")).toList();
  }

  @Test
  void bindingsThatDoNotFitTheirNodesDegradeHealthUntilReplacedAndAreNamedWhenEditedThroughTheApi(Vertx vertx) throws Exception {
    try (SimulatedPlc plc = SimulatedPlc.onFreePort(new TankProcessSim(1))) {
      Files.writeString(dir.resolve("twinlab.yaml"), String.join("\n",
          "http: {bind: 127.0.0.1, port: 0}",
          "connections:",
          "  - id: plc-1",
          "    opcua: " + plc.server.endpointUrl(),
          "twins:",
          "  - id: tank-1",
          "    model: tank-process",
          "    bindings: tank-1.yaml",
          ""));
      Files.writeString(dir.resolve("tank-1.yaml"), String.join("\n",
          "twin: tank-1",
          "model: tank-process",
          "bindings:",
          "  - {property: tank.level, connection: plc-1, address: '" + plc.address("tank.level") + "'}",
          "  - {property: tank.temperature, connection: plc-1, address: '" + plc.address("pump.running") + "'}",
          ""));
      TwinRuntime runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(dir.resolve("twinlab.yaml"))));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        WebClient trainer = users.client("wang", Role.TRAINER);
        WebClient nobody = users.anonymous();

        // the file's misfit, found once the session is up
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          HttpResponse<Buffer> health = get(trainer.get("/api/v1/health").send());
          assertThat(health.statusCode()).isEqualTo(503);
          JsonArray bindings = health.bodyAsJsonObject().getJsonArray("bindings");
          assertThat(bindings).hasSize(1);
          JsonObject f = bindings.getJsonObject(0);
          assertThat(f.getString("twin")).isEqualTo("tank-1");
          assertThat(f.getString("entry")).isEqualTo("tank.temperature");
          assertThat(f.getString("field")).isEqualTo("address");
          assertThat(f.getString("problem")).contains("the node's DataType is Boolean").contains("tank.temperature is a double");
        });
        JsonObject outside = get(nobody.get("/api/v1/health").send()).bodyAsJsonObject();
        assertThat(outside.getString("status")).isEqualTo("DEGRADED");
        assertThat(outside.getJsonArray("bindings").getJsonObject(0).fieldNames()).containsExactly("connection");

        // through the API: recorded as any edit, and what does not fit is said in the answer and in health
        HttpResponse<Buffer> missing = get(trainer.post("/api/v1/twins/tank-1/bindings").sendJsonObject(new JsonObject()
            .put("property", "flow.rate").put("connection", "plc-1").put("address", plc.address("flow.rate").replace("Rate", "Rat"))));
        assertThat(missing.statusCode()).as(missing.bodyAsString()).isEqualTo(201);
        assertThat(problem(missing)).isEqualTo("address: no such node on connection 'plc-1': no such node on the server (Bad_NodeIdUnknown)");
        HttpResponse<Buffer> readOnly = get(trainer.post("/api/v1/twins/tank-1/bindings").sendJsonObject(new JsonObject()
            .put("property", "pid.setpoint").put("connection", "plc-1").put("address", plc.address("tank.level")).put("write", true)));
        assertThat(readOnly.statusCode()).as(readOnly.bodyAsString()).isEqualTo(201);
        assertThat(problem(readOnly)).startsWith("address: access: the node is read-only, but pid.setpoint is writable");
        assertThat(entries(trainer)).containsExactly("flow.rate", "pid.setpoint", "tank.temperature");

        // bindings that fit clear them, one by one
        HttpResponse<Buffer> fixed = get(trainer.put("/api/v1/twins/tank-1/bindings/tank.temperature").sendJsonObject(new JsonObject()
            .put("property", "tank.temperature").put("connection", "plc-1").put("address", plc.address("tank.temperature"))));
        assertThat(fixed.statusCode()).as(fixed.bodyAsString()).isEqualTo(200);
        assertThat(fixed.bodyAsJsonObject().getJsonObject("check").getJsonArray("problems")).isEmpty();
        assertThat(fixed.bodyAsJsonObject().getJsonObject("check").getJsonArray("not_checked")).isEmpty();
        assertThat(get(trainer.put("/api/v1/twins/tank-1/bindings/flow.rate").sendJsonObject(new JsonObject()
            .put("property", "flow.rate").put("connection", "plc-1").put("address", plc.address("flow.rate")))).statusCode()).isEqualTo(200);
        assertThat(entries(trainer)).containsExactly("pid.setpoint");
        assertThat(get(trainer.delete("/api/v1/twins/tank-1/bindings/pid.setpoint").send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> health = get(trainer.get("/api/v1/health").send());
        assertThat(health.bodyAsJsonObject().getJsonArray("bindings")).isEmpty();
        assertThat(health.statusCode()).as(health.bodyAsString()).isEqualTo(200);
      } finally {
        get(runtime.stop());
      }
    }
  }
}
