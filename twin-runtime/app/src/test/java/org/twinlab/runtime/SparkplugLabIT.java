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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.models.yaml.Problem;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.LabCheck;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.testing.EdgeNodePeer;
import org.twinlab.testing.MosquittoProcess;

/**
 * A lab whose connection is {@code sparkplug: {group: lab1}} on mosquitto: an independent Sparkplug
 * B edge node (sparkplug-client from npm) drives a tank twin through its bindings, a property write
 * reaches the device as a DCMD, and the node's death turns the properties BAD, all read through the
 * HTTP API; the online check answers for the Sparkplug bindings.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SparkplugLabIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir
  static Path dir;
  static MosquittoProcess broker;
  static Vertx vertx;

  @BeforeAll
  static void startBroker() throws Exception {
    MosquittoProcess.requireInstalled();
    EdgeNodePeer.requireInstalled();
    broker = MosquittoProcess.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) broker.close();
    if (vertx != null) get(vertx.close());
  }

  @Test
  void anEdgeNodesMetricsDriveTheTwinAndItsDeathTurnsThemBad() throws Exception {
    TwinRuntime runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(lab("drive", "rig-a", "Level"))));
    try (EdgeNodePeer node = EdgeNodePeer.start(broker.uri(), "lab1", "rig-a", "tank")) {
      WebClient api = new ApiUsers(vertx, runtime).client("trainer", Role.TRAINER);
      awaitProperty(api, "tank.level", 40.0);
      awaitProperty(api, "tank.temperature", 21.5);
      awaitProperty(api, "pump.running", false);
      // what a technician binds to: the metrics of the births, with type and value
      var browsed = get(api.get("/api/v1/connections/edge/browse").addQueryParam("address", "lab1/rig-a/tank").send());
      assertThat(browsed.statusCode()).as(browsed.bodyAsString()).isEqualTo(200);
      JsonObject level = browsed.bodyAsJsonObject().getJsonArray("signals").stream().map(JsonObject.class::cast)
          .filter(j -> j.getString("address").equals("lab1/rig-a/tank#Level")).findFirst().orElseThrow();
      assertThat(level.getString("data_type")).isEqualTo("Int16");
      assertThat(level.getLong("value")).isEqualTo(40L);
      assertThat(level.getString("access")).isEqualTo("read-write");
      // alias-only device data, as an edge node sends it after its birth
      node.send("{\"op\":\"ddata\",\"metrics\":[{\"alias\":10,\"type\":\"Int16\",\"value\":123}]}");
      awaitProperty(api, "tank.level", 123.0);
      // a write of the twin goes to the device as a DCMD typed as its birth says; the device reports it back
      var written = get(api.put("/api/v1/twins/tank-1/properties/pid.setpoint").sendJsonObject(new JsonObject().put("value", 65)));
      assertThat(written.statusCode()).as(written.bodyAsString()).isEqualTo(200);
      awaitProperty(api, "pid.setpoint", 65.0);
      assertThat(node.lines()).anySatisfy(l -> assertThat(l).startsWith("DCMD").contains("Setpoint").contains("Float"));

      // a binding edited through the API is judged by the births: a Boolean metric cannot be a temperature
      JsonObject misfit = putBinding(api, "tank.temperature", "lab1/rig-a/tank#Pump");
      assertThat(misfit.getJsonObject("check").getJsonArray("problems").getJsonObject(0).getString("message"))
          .contains("type: the metric's Sparkplug type is Boolean, but tank.temperature is a double");
      JsonObject missing = putBinding(api, "tank.temperature", "lab1/rig-a/tank#Nope");
      assertThat(missing.getJsonObject("check").getJsonArray("problems").getJsonObject(0).getString("message"))
          .isEqualTo("metric: the birth certificate of lab1/rig-a/tank has no metric 'Nope'");
      JsonObject fixed = putBinding(api, "tank.temperature", "lab1/rig-a#Temperature");
      assertThat(fixed.getJsonObject("check").getJsonArray("problems")).isEmpty();
      assertThat(fixed.getJsonObject("check").getJsonArray("not_checked")).isEmpty();
      awaitProperty(api, "tank.temperature", 21.5);

      node.kill(); // a crash: the broker publishes the node's will, its NDEATH
      await().atMost(WAIT).untilAsserted(() -> {
        for (String p : List.of("tank.level", "tank.temperature", "pump.running", "pid.setpoint")) {
          JsonObject v = property(api, p);
          assertThat(v.getString("quality")).as(p + ": " + v.encode()).isEqualTo("BAD");
          assertThat(v.encode()).contains("died (NDEATH)");
        }
      });
    } finally {
      get(runtime.stop());
    }
  }

  @Test
  void theOnlineCheckFindsTheBoundMetricsInTheBirthsAndNamesOneThatIsNot() throws Exception {
    try (EdgeNodePeer node = EdgeNodePeer.start(broker.uri(), "lab1", "rig-b", "tank")) {
      LabCheck.Report clean = LabCheck.online(lab("checked", "rig-b", "Level"), Duration.ofSeconds(15));
      assertThat(clean.all()).isEmpty();
      assertThat(clean.bindings()).isEqualTo(4);
      LabCheck.Report wrong = LabCheck.online(lab("misnamed", "rig-b", "Levle"), Duration.ofSeconds(15));
      assertThat(wrong.all()).map(Problem::toString).singleElement()
          .satisfies(p -> assertThat(p).contains("tank-1.yaml:4:").contains("has no metric 'Levle'"));
      // a node that is not there: no birth comes
      LabCheck.Report absent = LabCheck.online(lab("absent", "rig-gone", "Level"), Duration.ofSeconds(15));
      assertThat(absent.all()).map(Problem::toString).hasSize(4)
          .anySatisfy(p -> assertThat(p).contains("tank-1.yaml:4:").contains("no birth of lab1/rig-gone/tank was seen within 5 s"))
          .anySatisfy(p -> assertThat(p).contains("tank-1.yaml:5:").contains("no birth of lab1/rig-gone was seen within 5 s"));
      // a metric of another group than the connection reads is named once, by the file check
      Path otherGroup = lab("other-group", "rig-b", "Level");
      Files.writeString(otherGroup.resolveSibling("tank-1.yaml"), Files.readString(otherGroup.resolveSibling("tank-1.yaml"))
          .replace("'lab1/rig-b#Temperature'", "'lab2/rig-b#Temperature'"));
      assertThat(LabCheck.online(otherGroup, Duration.ofSeconds(15)).all()).map(Problem::toString).singleElement()
          .satisfies(p -> assertThat(p).contains("tank-1.yaml:5:").contains("is in the group 'lab2'; connection 'edge' reads the group 'lab1'"));
    }
  }

  private static void awaitProperty(WebClient api, String property, Object value) {
    await().atMost(WAIT).untilAsserted(() -> {
      JsonObject v = property(api, property);
      assertThat(v.getString("quality")).as(v.encode()).isEqualTo("GOOD");
      assertThat(v.getValue("value")).as(v.encode()).isEqualTo(value);
    });
  }

  private static JsonObject putBinding(WebClient api, String property, String address) throws Exception {
    var r = get(api.put("/api/v1/twins/tank-1/bindings/" + property)
        .sendJsonObject(new JsonObject().put("property", property).put("connection", "edge").put("address", address)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static JsonObject property(WebClient api, String property) throws Exception {
    var r = get(api.get("/api/v1/twins/tank-1/properties/" + property).send());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static Path lab(String name, String node, String levelMetric) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("tank-1.yaml"), String.join("\n",
        "twin: tank-1",
        "model: tank-process",
        "bindings:",
        "  - {property: tank.level, connection: edge, address: 'lab1/" + node + "/tank#" + levelMetric + "'}",
        "  - {property: tank.temperature, connection: edge, address: 'lab1/" + node + "#Temperature'}",
        "  - {property: pump.running, connection: edge, address: 'lab1/" + node + "/tank#Pump'}",
        "  - {property: pid.setpoint, connection: edge, address: 'lab1/" + node + "/tank#Setpoint', write: true}",
        ""));
    return Files.writeString(d.resolve("twinlab.yaml"), String.join("\n",
        "http: {bind: 127.0.0.1, port: 0}",
        "data: data",
        "connections:",
        "  - id: edge",
        "    mqtt: " + broker.uri(),
        "    sparkplug: {group: lab1}",
        "twins:",
        "  - {id: tank-1, model: tank-process, bindings: tank-1.yaml}",
        ""));
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
