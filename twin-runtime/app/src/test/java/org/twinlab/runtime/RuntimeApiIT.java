package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.sim.Fault;

/**
 * The runtime through real HTTP, wired to the demo lab's simulators over real OPC UA and a real
 * MQTT broker: the twins move, writes reach the rigs, bindings change live, the lifecycle holds,
 * and a cut link shows.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RuntimeApiIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir
  static Path data;
  static DemoLab lab;
  static TwinRuntime runtime;
  static WebClient http;
  static ApiUsers users;
  static Vertx vertx;

  @BeforeAll
  static void startLab(Vertx v) throws Exception {
    vertx = v;
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config()));
    users = new ApiUsers(vertx, runtime);
    http = users.client("staff", org.twinlab.runtime.auth.Role.ADMIN);
    await().atMost(WAIT).until(() -> call(HttpMethod.GET, "/api/v1/health", null).statusCode() == 200);
  }

  @AfterAll
  static void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  @Test
  void healthListsEveryConnectionConnectedAndTheTwinsAreThere() {
    JsonObject health = call(HttpMethod.GET, "/api/v1/health", null).bodyAsJsonObject();
    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getJsonArray("connections")).hasSize(4)
        .allSatisfy(c -> assertThat(((JsonObject) c).getString("state")).isEqualTo("CONNECTED"));
    JsonArray twins = call(HttpMethod.GET, "/api/v1/twins", null).bodyAsJsonArray();
    assertThat(twins.stream().map(t -> ((JsonObject) t).getString("id")))
        .containsExactly("conveyor-1", "conveyor-2", "tank-1", "motor-1", "motor-2");
  }

  @Test
  void twinsMoveWithTheirRigs() throws Exception {
    long first = encoderPosition("conveyor-1");
    await().atMost(WAIT).until(() -> encoderPosition("conveyor-1") > first);
    // the tank level is bound to the raw S7 value 0..27648 and mapped to 0..500 mm
    await().atMost(WAIT).untilAsserted(() -> {
      double level = value("tank-1", "tank.level").getDouble("value");
      double truth = ((Number) lab.rig("tank-1").sim().groundTruth().get("tank.level")).doubleValue();
      assertThat(level).isCloseTo(truth, org.assertj.core.data.Offset.offset(2.0));
    });
    await().atMost(WAIT).untilAsserted(() -> assertThat(value("motor-2", "vibration.rms_x").getString("quality")).isEqualTo("GOOD"));
  }

  @Test
  void theLiveFeedStartsWithTheStateAndDeliversChangesAsServerSentEvents() throws Exception {
    String bearer = "Bearer " + users.token("staff", org.twinlab.runtime.auth.Role.ADMIN);
    HttpClient client = vertx.createHttpClient();
    AtomicInteger events = new AtomicInteger();
    List<String> names = new CopyOnWriteArrayList<>();
    // the handler is set on the event loop as the response arrives, so the first chunk (the state) is not missed
    HttpClientResponse res = get(client.request(HttpMethod.GET, runtime.port(), "127.0.0.1", "/api/v1/twins/conveyor-1/stream")
        .compose(req -> req.putHeader("Authorization", bearer).send())
        .onSuccess(r -> r.handler(io.vertx.core.parsetools.RecordParser.newDelimited("\n", line -> {
          // whole lines, however the stream's chunks cut them
          String l = line.toString(java.nio.charset.StandardCharsets.UTF_8);
          if (!l.startsWith("event: ")) return;
          events.incrementAndGet();
          names.add(l.substring(7));
        }))));
    assertThat(res.getHeader("Content-Type")).startsWith("text/event-stream");
    // lifecycle + 31 properties first, then the changes keep coming (counted, not timed: the machine may be busy)
    await().atMost(WAIT).until(() -> events.get() >= 32);
    int initial = events.get();
    await().atMost(WAIT).until(() -> events.get() - initial >= 30);
    assertThat(names).contains("lifecycle", "property");
    get(client.close());
  }

  @Test
  void oneWebSocketFollowsSeveralTwins() throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    Set<String> twinsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    var ws = get(client.connect(new io.vertx.core.http.WebSocketConnectOptions().setPort(runtime.port()).setHost("127.0.0.1")
        .setURI("/api/v1/ws").addHeader("Authorization", "Bearer " + users.token("staff", org.twinlab.runtime.auth.Role.ADMIN))));
    ws.textMessageHandler(text -> new JsonObject(text).getJsonArray("changes", new JsonArray())
        .forEach(c -> twinsSeen.add(((JsonObject) c).getString("twin"))));
    get(ws.writeTextMessage(new JsonObject().put("subscribe", new JsonArray().add("conveyor-2").add("motor-1")).encode()));
    await().atMost(WAIT).until(() -> twinsSeen.containsAll(Set.of("conveyor-2", "motor-1")));
    assertThat(twinsSeen).doesNotContain("tank-1");
    get(ws.close());
  }

  @Test
  void aPropertyWriteReachesTheRigOverOpcUa() {
    HttpResponse<Buffer> ok = call(HttpMethod.PUT, "/api/v1/twins/conveyor-1/properties/belt.frequency_setpoint",
        new JsonObject().put("value", 45));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.bodyAsJsonObject().getBoolean("ok")).isTrue();
    var sim = lab.rig("conveyor-1").sim();
    await().atMost(WAIT).untilAsserted(() -> assertThat(((Number) sim.groundTruth().get("belt.speed")).doubleValue())
        .isCloseTo(0.54, org.assertj.core.data.Offset.offset(0.001)));
    await().atMost(WAIT).untilAsserted(() -> assertThat(value("conveyor-1", "belt.speed").getDouble("value"))
        .isCloseTo(0.54, org.assertj.core.data.Offset.offset(0.001)));
  }

  @Test
  void aWriteTheRigRefusesReportsTheRigsAnswer() {
    // pushers are under the PLC program's control while the station runs
    HttpResponse<Buffer> refused = call(HttpMethod.PUT, "/api/v1/twins/conveyor-1/properties/pusher1.extend",
        new JsonObject().put("value", true));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.bodyAsJsonObject().getString("error")).startsWith("Bad_");
  }

  @Test
  void writesThatCannotBeMadeAreRefusedWithTheFieldAtFault() {
    assertError(call(HttpMethod.PUT, "/api/v1/twins/conveyor-1/properties/belt.frequency_setpoint", new JsonObject().put("value", 75)),
        400, "value");
    assertError(call(HttpMethod.PUT, "/api/v1/twins/conveyor-1/properties/belt.frequency_setpoint", new JsonObject().put("value", "fast")),
        400, "value");
    assertError(call(HttpMethod.PUT, "/api/v1/twins/conveyor-1/properties/belt.frequency_setpoint", new JsonObject()), 400, "value");
    assertError(call(HttpMethod.PUT, "/api/v1/twins/conveyor-1/properties/belt.speed", new JsonObject().put("value", 0.1)),
        409, "property");
    assertError(call(HttpMethod.PUT, "/api/v1/twins/conveyor-1/properties/belt.nope", new JsonObject().put("value", 1)), 404, "property");
    assertError(call(HttpMethod.GET, "/api/v1/twins/conveyor-9", null), 404, "id");
    HttpResponse<Buffer> notJson = http.request(HttpMethod.PUT, "/api/v1/twins/conveyor-1/properties/belt.frequency_setpoint")
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{value: ")).toCompletionStage().toCompletableFuture().join();
    assertError(notJson, 400, "body");
    assertThat(call(HttpMethod.GET, "/api/v1/nothing-here", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aWriteOverMqttReachesTheSensorNode() {
    HttpResponse<Buffer> ok = call(HttpMethod.PUT, "/api/v1/twins/motor-1/properties/node.interval_ms", new JsonObject().put("value", 500));
    assertThat(ok.statusCode()).isEqualTo(200);
    var sim = lab.rig("motor-1").sim();
    await().atMost(WAIT).until(() -> ((Number) sim.groundTruth().get("node.interval_ms")).longValue() == 500);
    await().atMost(WAIT).until(() -> value("motor-1", "node.interval_ms").getLong("value", 0L) == 500);
  }

  @Test
  void commandsPressThePanelButtons() {
    assertThat(call(HttpMethod.POST, "/api/v1/twins/conveyor-2/commands/panel.stop", null).statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> "stopped".equals(value("conveyor-2", "panel.state").getString("value")));
    assertThat(call(HttpMethod.POST, "/api/v1/twins/conveyor-2/commands/panel.start", null).statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> "running".equals(value("conveyor-2", "panel.state").getString("value")));
    assertError(call(HttpMethod.POST, "/api/v1/twins/conveyor-2/commands/panel.fly", null), 404, "command");
  }

  @Test
  void aBindingEditTakesEffectLiveAndIsKeptAsAVersion() {
    String path = "/api/v1/twins/tank-1/bindings";
    JsonObject original = call(HttpMethod.GET, path, null).bodyAsJsonObject();
    int start = original.getInteger("version");
    JsonObject doubled = new JsonObject()
        .put("property", "tank.level").put("connection", "plc-tank-1")
        .put("address", "nsu=urn:twinlab:plc;s=\"DB_Process\".\"Tank\".\"LevelRaw\"")
        .put("transform", new JsonObject().put("range", new JsonObject()
            .put("raw", new JsonArray().add(0).add(27648)).put("value", new JsonArray().add(0).add(1000))));
    HttpResponse<Buffer> replaced = users.client("tech-07", org.twinlab.runtime.auth.Role.TRAINER).request(HttpMethod.PUT, path + "/tank.level")
        .sendJsonObject(doubled).toCompletionStage().toCompletableFuture().join();
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(replaced.bodyAsJsonObject().getString("action")).isEqualTo("replaced");
    var sim = lab.rig("tank-1").sim();
    await().atMost(WAIT).untilAsserted(() -> {
      double truth = ((Number) sim.groundTruth().get("tank.level")).doubleValue();
      assertThat(value("tank-1", "tank.level").getDouble("value")).isCloseTo(2 * truth, org.assertj.core.data.Offset.offset(4.0));
    });

    assertThat(call(HttpMethod.DELETE, path + "/tank.level", null).statusCode()).isEqualTo(200);
    assertError(call(HttpMethod.DELETE, path + "/tank.level", null), 404, "property");
    HttpResponse<Buffer> created = call(HttpMethod.POST, path, original.getJsonArray("bindings").stream()
        .map(JsonObject.class::cast).filter(b -> b.getString("property").equals("tank.level")).findFirst().orElseThrow());
    assertThat(created.statusCode()).isEqualTo(201);
    assertError(call(HttpMethod.POST, path, doubled), 409, "property");

    JsonArray history = call(HttpMethod.GET, path + "/history", null).bodyAsJsonArray();
    List<String> actions = history.stream().map(JsonObject.class::cast).filter(v -> v.getInteger("version") > start)
        .map(v -> v.getString("action") + " " + v.getString("property") + " by " + v.getString("by")).toList();
    assertThat(actions).containsExactly("replaced tank.level by tech-07", "deleted tank.level by staff",
        "created tank.level by staff");
    JsonObject v2 = history.stream().map(JsonObject.class::cast).filter(v -> v.getInteger("version") == start + 1).findFirst().orElseThrow();
    assertThat(v2.getJsonObject("before").getJsonObject("transform").getJsonObject("range").getJsonArray("value").getDouble(1)).isEqualTo(500.0);
    assertThat(v2.getJsonObject("after").getJsonObject("transform").getJsonObject("range").getJsonArray("value").getDouble(1)).isEqualTo(1000.0);
    JsonObject old = call(HttpMethod.GET, path + "?version=" + start, null).bodyAsJsonObject();
    assertThat(old.getJsonArray("bindings")).hasSameSizeAs(original.getJsonArray("bindings"));
  }

  @Test
  void aMalformedBindingIsRefusedWithEveryFieldAtFault() {
    JsonObject bad = new JsonObject().put("property", "tank.depth").put("connection", "plc-tank-1").put("address", "DB1.DBW4")
        .put("transform", new JsonObject().put("scale", 0)).put("colour", "red");
    HttpResponse<Buffer> res = call(HttpMethod.POST, "/api/v1/twins/tank-1/bindings", bad);
    assertThat(res.statusCode()).isEqualTo(400);
    JsonArray problems = res.bodyAsJsonObject().getJsonArray("problems");
    Set<String> fields = new TreeSet<>();
    problems.forEach(p -> {
      JsonObject problem = (JsonObject) p;
      fields.add(problem.getString("field"));
      assertThat(problem.getInteger("line")).isEqualTo(1);
      assertThat(problem.getInteger("column")).isPositive();
    });
    assertThat(fields).contains("property", "address", "transform.scale", "colour");
    assertThat(call(HttpMethod.GET, "/api/v1/twins/tank-1/properties/tank.level", null).statusCode()).isEqualTo(200);
  }

  @Test
  void pauseHoldsTheTwinAndStopReleasesItsSubscriptions() throws Exception {
    assertThat(call(HttpMethod.POST, "/api/v1/twins/conveyor-2/pause", null).bodyAsJsonObject().getString("lifecycle")).isEqualTo("PAUSED");
    long paused = encoderPosition("conveyor-2");
    assertError(call(HttpMethod.PUT, "/api/v1/twins/conveyor-2/properties/belt.frequency_setpoint", new JsonObject().put("value", 20)),
        409, "lifecycle");
    Thread.sleep(1000);
    assertThat(encoderPosition("conveyor-2")).isEqualTo(paused);
    assertThat(call(HttpMethod.POST, "/api/v1/twins/conveyor-2/start", null).statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> encoderPosition("conveyor-2") > paused);

    assertThat(call(HttpMethod.POST, "/api/v1/twins/conveyor-2/stop", null).bodyAsJsonObject().getString("lifecycle")).isEqualTo("STOPPED");
    assertError(call(HttpMethod.POST, "/api/v1/twins/conveyor-2/pause", null), 409, "lifecycle");
    long stopped = encoderPosition("conveyor-2");
    Thread.sleep(1000);
    assertThat(encoderPosition("conveyor-2")).isEqualTo(stopped);
    assertThat(call(HttpMethod.POST, "/api/v1/twins/conveyor-2/start", null).statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> encoderPosition("conveyor-2") > stopped);
  }

  @Test
  void aSilentSensorNodeTurnsStaleAndRecovers() {
    var sim = lab.rig("motor-2").sim();
    long fault = sim.inject(new Fault.CommunicationLoss());
    try {
      await().atMost(WAIT).untilAsserted(() -> assertThat(value("motor-2", "motor.current").getString("reason", "")).startsWith("STALE"));
    } finally {
      sim.clearFault(fault);
    }
    await().atMost(WAIT).untilAsserted(() -> assertThat(value("motor-2", "motor.current").getString("quality")).isEqualTo("GOOD"));
  }

  @Test
  void aLostPlcTurnsItsPropertiesBadAndTheyRecover() {
    var sim = lab.rig("tank-1").sim();
    long fault = sim.inject(new Fault.CommunicationLoss());
    try {
      await().atMost(WAIT).untilAsserted(() -> assertThat(value("tank-1", "tank.level").getString("quality")).isEqualTo("BAD"));
      assertThat(call(HttpMethod.GET, "/api/v1/health", null).statusCode()).isEqualTo(503);
      // a write to a rig out of reach is a "try later", with the reason, not an internal error
      HttpResponse<Buffer> write = call(HttpMethod.PUT, "/api/v1/twins/tank-1/properties/pid.setpoint", new JsonObject().put("value", 300));
      assertThat(write.statusCode()).as(write.bodyAsString()).isEqualTo(503);
      assertThat(write.bodyAsJsonObject().getString("refusal")).isEqualTo("unavailable");
      assertThat(write.bodyAsJsonObject().getString("error")).contains("not connected");
    } finally {
      sim.clearFault(fault);
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(value("tank-1", "tank.level").getString("quality")).isEqualTo("GOOD"));
    await().atMost(WAIT).until(() -> call(HttpMethod.GET, "/api/v1/health", null).statusCode() == 200);
  }

  @Test
  void alarmsCanBeAcknowledged() {
    assertThat(call(HttpMethod.PUT, "/api/v1/twins/tank-1/properties/panel.estop", new JsonObject().put("value", true)).statusCode()).isEqualTo(200);
    try {
      await().atMost(WAIT).until(() -> call(HttpMethod.GET, "/api/v1/alarms", null).bodyAsJsonArray().stream()
          .map(JsonObject.class::cast).anyMatch(a -> a.getString("twin").equals("tank-1") && a.getString("alarm").equals("estop") && a.getBoolean("active")));
      HttpResponse<Buffer> ack = users.client("tech-1", org.twinlab.runtime.auth.Role.TRAINER).request(HttpMethod.POST, "/api/v1/twins/tank-1/alarms/estop/ack")
          .send().toCompletionStage().toCompletableFuture().join();
      assertThat(ack.statusCode()).isEqualTo(200);
      assertThat(ack.bodyAsJsonObject().getString("acknowledged_by")).isEqualTo("tech-1");
      assertError(call(HttpMethod.POST, "/api/v1/twins/tank-1/alarms/estop/ack", null), 409, "alarm");
      assertError(call(HttpMethod.POST, "/api/v1/twins/tank-1/alarms/meltdown/ack", null), 404, "alarm");
    } finally {
      call(HttpMethod.POST, "/api/v1/twins/tank-1/commands/panel.reset", null);
    }
  }

  @Test
  void discoveryBrowsesTheRigsAndTheTopicsSeen() {
    JsonObject root = call(HttpMethod.GET, "/api/v1/connections/plc-conveyor-1/browse", null).bodyAsJsonObject();
    assertThat(root.getJsonArray("signals").stream().map(s -> ((JsonObject) s).getString("name"))).contains("DataBlocksGlobal");
    await().atMost(WAIT).untilAsserted(() -> assertThat(call(HttpMethod.GET, "/api/v1/connections/broker/browse?address=twinlab/", null)
        .bodyAsJsonObject().getJsonArray("signals").stream().map(s -> ((JsonObject) s).getString("address")))
        .contains("twinlab/motor-1/telemetry", "twinlab/motor-2/telemetry"));
    String endpoint = lab.rig("conveyor-2").endpoint();
    JsonObject probed = http.get("/api/v1/discovery/opcua").addQueryParam("endpoint", endpoint).send()
        .toCompletionStage().toCompletableFuture().join().bodyAsJsonObject();
    assertThat(probed.getJsonArray("signals").stream().map(s -> ((JsonObject) s).getString("name"))).contains("DataBlocksGlobal");
    assertError(call(HttpMethod.GET, "/api/v1/discovery/opcua?endpoint=http://example.org", null), 400, "endpoint");
  }

  // what a technician copies into a binding: the portable address, the type, the access and the value it holds now
  @Test
  void discoveryShowsEachVariablesTypeAccessAndValueAndEachJsonFieldsAddress() {
    String belt = "nsu=" + org.twinlab.sim.opcua.RigOpcUaServer.namespaceUri() + ";s=\"DB_Sorting\".\"Belt\"";
    HttpResponse<Buffer> page = http.get("/api/v1/connections/plc-conveyor-1/browse").addQueryParam("address", belt).send()
        .toCompletionStage().toCompletableFuture().join();
    assertThat(page.statusCode()).as(page.bodyAsString()).isEqualTo(200);
    JsonObject setpoint = signal(page.bodyAsJsonObject(), "FrequencySetpoint");
    assertThat(setpoint.getString("address")).isEqualTo(belt + ".\"FrequencySetpoint\"");
    assertThat(setpoint.getString("data_type")).isEqualTo("Float");
    assertThat(setpoint.getString("access")).isEqualTo("read-write");
    assertThat(setpoint.getValue("value")).isInstanceOf(Number.class);
    assertThat(setpoint.getString("status")).isEqualTo("Good");
    JsonObject running = signal(page.bodyAsJsonObject(), "Running");
    assertThat(running.getString("data_type")).isEqualTo("Boolean");
    assertThat(running.getString("access")).isEqualTo("read");
    assertThat(running.getValue("value")).isInstanceOf(Boolean.class);
    await().atMost(WAIT).untilAsserted(() -> {
      JsonObject topic = signal(call(HttpMethod.GET, "/api/v1/connections/broker/browse?address=twinlab/motor-1/", null).bodyAsJsonObject(),
          "twinlab/motor-1/telemetry");
      JsonObject x = topic.getJsonArray("fields").stream().map(JsonObject.class::cast)
          .filter(f -> f.getString("pointer").equals("/vibration/x")).findFirst().orElseThrow();
      assertThat(x.getString("address")).isEqualTo("twinlab/motor-1/telemetry#/vibration/x");
      assertThat(x.getValue("value")).isInstanceOf(Number.class);
      assertThat(topic.getString("value")).as("a recent payload").startsWith("{");
    });
  }

  // browsing shows every rig's insides: a candidate sees only their own station, so neither route is theirs
  @Test
  void candidatesAndExaminersMayNotBrowse() {
    for (var role : List.of(org.twinlab.runtime.auth.Role.CANDIDATE, org.twinlab.runtime.auth.Role.EXAMINER)) {
      WebClient who = users.client("browser-" + role.key(), role);
      for (String path : List.of("/api/v1/connections/plc-conveyor-1/browse", "/api/v1/connections/broker/browse",
          "/api/v1/discovery/opcua?endpoint=" + lab.rig("conveyor-2").endpoint())) {
        HttpResponse<Buffer> r = who.get(path).send().toCompletionStage().toCompletableFuture().join();
        assertThat(r.statusCode()).as(role + " " + path).isEqualTo(403);
      }
    }
  }

  private static JsonObject signal(JsonObject page, String name) {
    return page.getJsonArray("signals").stream().map(JsonObject.class::cast).filter(s -> s.getString("name").equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + page.encode()));
  }

  @Test
  void theOpenApiDocumentDescribesEveryRoute() {
    JsonObject doc = call(HttpMethod.GET, "/api/v1/openapi.json", null).bodyAsJsonObject();
    assertThat(doc.getString("openapi")).startsWith("3.");
    Set<String> documented = new TreeSet<>();
    doc.getJsonObject("paths").forEach(e -> ((JsonObject) e.getValue()).fieldNames().forEach(m -> documented.add(m.toUpperCase() + " " + e.getKey())));
    assertThat(documented).isEqualTo(new TreeSet<>(runtime.api().routes()));
  }

  // ---- helpers

  private static long encoderPosition(String twin) {
    return value(twin, "belt.encoder_position").getLong("value");
  }

  private static JsonObject value(String twin, String property) {
    HttpResponse<Buffer> r = call(HttpMethod.GET, "/api/v1/twins/" + twin + "/properties/" + property, null);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> call(HttpMethod method, String path, JsonObject body) {
    var req = http.request(method, path);
    Future<HttpResponse<Buffer>> f = body == null ? req.send() : req.sendJsonObject(body);
    return f.toCompletionStage().toCompletableFuture().join();
  }

  private static void assertError(HttpResponse<Buffer> r, int status, String field) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getJsonArray("problems").stream().map(p -> ((JsonObject) p).getString("field"))).contains(field);
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
