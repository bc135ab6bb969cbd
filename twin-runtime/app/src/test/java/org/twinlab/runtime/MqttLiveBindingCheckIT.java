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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttLink;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.testing.MosquittoProcess;

/**
 * The live binding check of MQTT bindings, on the runtime's own broker connection: a JSON field
 * misspelled in the lab's files degrades the health check (with the reason) once the runtime has
 * listened to its topic; an edit through the API with a pointer that finds nothing is named in the
 * answer, and one that fits clears it; a topic silent at start is a problem, as for
 * {@code serve --check --online}, until the runtime, checking again, hears it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MqttLiveBindingCheckIT {
  private static final String TOPIC = "lab/motor-1/telemetry";
  @TempDir
  Path dir;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static JsonObject check(HttpResponse<Buffer> answer) {
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
    return answer.bodyAsJsonObject().getJsonObject("check");
  }

  private static HttpResponse<Buffer> rebind(WebClient trainer, String property, String address) throws Exception {
    return get(trainer.put("/api/v1/twins/motor-1/bindings/" + property).sendJsonObject(new JsonObject()
        .put("property", property).put("connection", "broker").put("address", address)));
  }

  /** The sensor node's last reading, retained: what the runtime hears when it subscribes. */
  private static void publishRetained(MosquittoProcess broker) throws Exception {
    try (MqttLink sensor = MqttLink.open(MqttConnectorConfig.of("sensor", broker.uri()), new MqttLink.Events() {
      @Override
      public void message(String topic, byte[] payload) {}

      @Override
      public void lost(Throwable cause) {}
    })) {
      sensor.connect().get(30, TimeUnit.SECONDS);
      sensor.publish(TOPIC, "{\"motor\":{\"current\":4.25,\"winding_temperature\":61.5}}".getBytes(StandardCharsets.UTF_8), 1, true)
          .get(30, TimeUnit.SECONDS);
    }
  }

  private Path lab(MosquittoProcess broker) throws Exception {
    return Files.writeString(dir.resolve("twinlab.yaml"), String.join("\n",
        "http: {bind: 127.0.0.1, port: 0}",
        "connections:",
        "  - id: broker",
        "    mqtt: " + broker.uri(),
        "twins:",
        "  - {id: motor-1, model: motor-vibration, bindings: motor-1.yaml}",
        ""));
  }

  @Test
  void aTopicSilentAtStartDegradesHealthUntilItCarriesAReading(Vertx vertx) throws Exception {
    MosquittoProcess.requireInstalled();
    try (MosquittoProcess broker = MosquittoProcess.start()) {
      Files.writeString(dir.resolve("motor-1.yaml"), String.join("\n",
          "twin: motor-1",
          "model: motor-vibration",
          "bindings:",
          "  - {property: motor.current, connection: broker, address: '" + TOPIC + "#/motor/current'}",
          ""));
      TwinRuntime runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(lab(broker))));
      try {
        WebClient trainer = new ApiUsers(vertx, runtime).client("wang", Role.TRAINER);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          HttpResponse<Buffer> health = get(trainer.get("/api/v1/health").send());
          assertThat(health.statusCode()).as(health.bodyAsString()).isEqualTo(503);
          // health is 503 too while the broker link is still coming up, before any finding
          JsonArray bindings = health.bodyAsJsonObject().getJsonArray("bindings");
          assertThat(bindings).as(health.bodyAsString()).isNotEmpty();
          assertThat(bindings.getJsonObject(0).getString("problem"))
              .isEqualTo("topic: nothing was published on " + TOPIC + " within 5 s (neither retained nor live)");
        });
        publishRetained(broker);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
          HttpResponse<Buffer> health = get(trainer.get("/api/v1/health").send());
          assertThat(health.bodyAsJsonObject().getJsonArray("bindings")).as(health.bodyAsString()).isEmpty();
          assertThat(health.statusCode()).isEqualTo(200);
        });
      } finally {
        get(runtime.stop());
      }
    }
  }

  @Test
  void aMisspelledJsonFieldDegradesHealthAndAnEditThroughTheApiIsJudgedByWhatTheTopicCarries(Vertx vertx) throws Exception {
    MosquittoProcess.requireInstalled();
    try (MosquittoProcess broker = MosquittoProcess.start()) {
      // retained: what the runtime hears when it subscribes, as a node publishing its last reading
      publishRetained(broker);
      Files.writeString(dir.resolve("motor-1.yaml"), String.join("\n",
          "twin: motor-1",
          "model: motor-vibration",
          "bindings:",
          "  - {property: motor.current, connection: broker, address: '" + TOPIC + "#/motor/current'}",
          "  - {property: motor.winding_temperature, connection: broker, address: '" + TOPIC + "#/motor/winding_temprature'}",
          ""));
      TwinRuntime runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(lab(broker))));
      try {
        WebClient trainer = new ApiUsers(vertx, runtime).client("wang", Role.TRAINER);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          HttpResponse<Buffer> health = get(trainer.get("/api/v1/health").send());
          assertThat(health.statusCode()).as(health.bodyAsString()).isEqualTo(503);
          JsonArray bindings = health.bodyAsJsonObject().getJsonArray("bindings");
          assertThat(bindings).hasSize(1);
          JsonObject f = bindings.getJsonObject(0);
          assertThat(f.getString("entry")).isEqualTo("motor.winding_temperature");
          assertThat(f.getString("field")).isEqualTo("address");
          assertThat(f.getString("problem")).contains("pointer: no field /motor/winding_temprature").contains(TOPIC);
        });

        JsonObject wrong = check(rebind(trainer, "motor.winding_temperature", TOPIC + "#/motor/temperature"));
        assertThat(wrong.getJsonArray("problems")).hasSize(1);
        assertThat(wrong.getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo("address");
        assertThat(wrong.getJsonArray("problems").getJsonObject(0).getString("message")).startsWith("pointer: no field /motor/temperature");

        JsonObject fits = check(rebind(trainer, "motor.winding_temperature", TOPIC + "#/motor/winding_temperature"));
        assertThat(fits.getJsonArray("problems")).isEmpty();
        assertThat(fits.getJsonArray("not_checked")).isEmpty();
        HttpResponse<Buffer> health = get(trainer.get("/api/v1/health").send());
        assertThat(health.bodyAsJsonObject().getJsonArray("bindings")).as(health.bodyAsString()).isEmpty();
        assertThat(health.statusCode()).as(health.bodyAsString()).isEqualTo(200);
      } finally {
        get(runtime.stop());
      }
    }
  }
}
