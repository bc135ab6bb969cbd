package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.auth.Role;

/**
 * Every API operation called by every role and by no one, on a running lab with a session: an
 * operation answers 401 without a token, 403 to a role its OpenAPI entry does not name, and lets
 * through (neither 401 nor 403) the roles it names, for the twin, session and station they are
 * assigned to.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class ApiAccessIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** The values path parameters take: what the examiner and candidate of station s1 are assigned to. */
  static final Map<String, String> PARAMS = Map.ofEntries(Map.entry("id", "motor-1"), Map.entry("property", "vibration.rms_x"),
      Map.entry("command", "sensor.emergency_stop"), Map.entry("alarm", "no-such-alarm"), Map.entry("session", "exam-b"),
      Map.entry("station", "s1"), Map.entry("scenario", "l4-debug-motor-swapped-axes"), Map.entry("exam", "l5-exam-tank"),
      Map.entry("name", "nobody"), Map.entry("file", "no-such-backup.zip"), Map.entry("model", "motor-vibration"), Map.entry("version", "1"),
      Map.entry("thumbprint", "00112233445566778899aabbccddeeff00112233"));
  /** The twin and session of another candidate and examiner. */
  static final Map<String, String> OTHERS = Map.of("id", "motor-2", "session", "exam-c");
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  record Operation(String method, String template, List<String> roles, String reach) {
    boolean open() {
      return roles.contains("public");
    }

    String path() {
      return path(Map.of());
    }

    String path(Map<String, String> instead) {
      String p = template;
      for (var e : instead.entrySet()) p = p.replace("{" + e.getKey() + "}", e.getValue());
      for (var e : PARAMS.entrySet()) p = p.replace("{" + e.getKey() + "}", e.getValue());
      return p;
    }

    String line() {
      return method + " " + template + " " + String.join(",", roles) + " " + reach;
    }

    /** Side effects last: what ends a station or session, and logging out at the very end. */
    int order() {
      if (template.endsWith("/logout")) return 5;
      if (template.equals("/api/v1/sessions/{session}/end")) return 4;
      if (template.endsWith("/end") || template.endsWith("/hand-in")) return 3;
      return switch (method) {
        case "GET" -> 0;
        case "DELETE" -> 2;
        default -> 1;
      };
    }
  }

  @Test
  void everyOperationLetsThroughExactlyTheRolesItNames(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        Map<String, String> tokens = examLab(users);
        List<Operation> ops = operations(get(users.anonymous().get("/api/v1/openapi.json").send()).bodyAsJsonObject());
        assertThat(ops.stream().map(Operation::line).sorted().toList()).as("the OpenAPI document against the reviewed access matrix")
            .isEqualTo(matrix());
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Operation op : ops) {
          if (!op.reach().equals("-")) {
            // the same operation on another candidate's twin, session or station: refused to those assigned elsewhere
            for (String role : List.of("examiner", "candidate")) {
              if (!op.roles().contains(role)) continue;
              int status = call(runtime.port(), op, op.path(OTHERS), tokens.get(role));
              calls++;
              if (status != 403) wrong.add(op.method() + " " + op.path(OTHERS) + " as " + role + ": " + status + ", expected 403");
            }
          }
          for (var caller : tokens.entrySet()) {
            int status = call(runtime.port(), op, op.path(), caller.getValue());
            calls++;
            String role = caller.getKey();
            boolean allowed = op.open() || op.roles().contains(role);
            String expected = op.open() ? "neither 401 nor 403" : role.equals("anonymous") ? "401" : allowed ? "neither 401 nor 403" : "403";
            boolean ok = switch (expected) {
              case "401" -> status == 401;
              case "403" -> status == 403;
              default -> status != 401 && status != 403;
            };
            if (!ok) wrong.add(op.method() + " " + op.template() + " as " + role + ": " + status + ", expected " + expected);
          }
        }
        assertThat(wrong).as("operations answering a role wrongly").isEmpty();
        assertThat(calls).isGreaterThan(ops.size() * tokens.size());
      } finally {
        get(runtime.stop());
      }
    }
  }

  /**
   * The users of every role and two sessions: exam-b with cand1 at station s1 on motor-1 watched
   * by exam1, exam-c with cand2 on motor-2 watched by exam2. The tokens by role, "anonymous" none.
   */
  static Map<String, String> examLab(ApiUsers users) throws Exception {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("anonymous", null);
    tokens.put("admin", users.token("boss", Role.ADMIN));
    tokens.put("trainer", users.token("wang", Role.TRAINER));
    tokens.put("examiner", users.token("exam1", Role.EXAMINER));
    tokens.put("candidate", users.token("cand1", Role.CANDIDATE));
    users.token("cand2", Role.CANDIDATE);
    await().atMost(Duration.ofSeconds(20)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
    JsonObject plan = new JsonObject().put("id", "exam-b").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", PARAMS.get("scenario")).put("candidate", "cand1")
            .put("twins", new JsonArray().add("motor-1")).put("examiners", new JsonArray().add("exam1"))));
    assertThat(get(users.client("exam1", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan)).statusCode()).isEqualTo(201);
    users.token("exam2", Role.EXAMINER);
    JsonObject other = plan.copy().put("id", "exam-c");
    other.getJsonArray("stations").getJsonObject(0).put("candidate", "cand2").put("twins", new JsonArray().add("motor-2"))
        .put("examiners", new JsonArray().add("exam2"));
    assertThat(get(users.client("exam2", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(other)).statusCode()).isEqualTo(201);
    return tokens;
  }

  static List<Operation> operations(JsonObject doc) {
    List<Operation> out = new ArrayList<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String template : paths.fieldNames()) {
      JsonObject ops = paths.getJsonObject(template);
      for (String method : ops.fieldNames()) {
        JsonObject op = ops.getJsonObject(method);
        List<String> roles = op.getJsonArray("x-roles").stream().map(String::valueOf).toList();
        out.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), template, roles, op.getString("x-reach", "-")));
      }
    }
    out.sort(Comparator.comparingInt(Operation::order));
    return out;
  }

  /** The matrix of access as reviewed: "METHOD path roles reach" per line. */
  static List<String> matrix() throws Exception {
    try (var in = ApiAccessIT.class.getResourceAsStream("/access-matrix.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> String.join(" ", l.trim().split("\\s+"))).sorted().toList();
    }
  }

  /** The status of one call; a stream is left as soon as its head arrives. */
  static int call(int port, Operation op, String path, String token) throws Exception {
    HttpRequest.BodyPublisher body = op.method().equals("GET") || op.method().equals("DELETE")
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(new JsonObject().put("twin", "motor-1").encode());
    // generous: the first ask for the clause coverage plays the whole library, over a minute on a busy machine
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(180)).method(op.method(), body).header("Content-Type", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    HttpResponse<java.io.InputStream> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    res.body().close();
    return res.statusCode();
  }
}
