package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinlab.runtime.ApiAccessIT.OTHERS;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiAccessIT.Operation;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.evidence.EvidenceLog;

/**
 * A candidate who has read the API document attacks the running lab. Every operation the document
 * lists, for every caller it refuses (and on another candidate's twin, session or station), is
 * called again through path variants (trailing and doubled slashes, dot segments, escaped letters,
 * changed case, a semicolon) and with method-override headers: each is refused as the canonical
 * path is, or reaches no operation (401, 404 "no such operation", 400), and the lab is unchanged
 * afterwards. The attacks found against the demo are named tests that look at the rig, the clock
 * and the accounts themselves. Then the front door: forged cookie requests, security headers, and
 * the login throttle per address.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AccessAttackIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> OVERRIDES = List.of("X-HTTP-Method-Override", "X-Method-Override", "X-HTTP-Method");
  private DemoLab lab;
  private Vertx vertx;
  private TwinRuntime runtime;
  private ApiUsers users;
  private Map<String, String> tokens;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @BeforeAll
  void startLab(Vertx vertx, @TempDir Path data) throws Exception {
    this.vertx = vertx;
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
    users = new ApiUsers(vertx, runtime);
    tokens = ApiAccessIT.examLab(users);
    users.token("cand3", Role.CANDIDATE);
    // a third station on a conveyor, so one candidate's rig can be attacked by another
    JsonObject plan = new JsonObject().put("id", "exam-d").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "cand3")
            .put("twins", new JsonArray().add("conveyor-2")).put("examiners", new JsonArray().add("exam2"))));
    Answer made = call("POST", "/api/v1/sessions", users.token("exam2", Role.EXAMINER), plan.encode(), Map.of());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
  }

  @AfterAll
  void stopLab() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  // ---- the sweep over every operation the document lists

  @Test
  @Order(1)
  void noPathVariantOrOverrideHeaderGetsFurtherThanTheCanonicalPath() throws Exception {
    List<Operation> ops = ApiAccessIT.operations(new JsonObject(call("GET", "/api/v1/openapi.json", null, null, Map.of()).body()));
    Map<String, Object> before = fingerprint();
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (Operation op : ops) {
      if (op.open()) continue;
      List<Refusal> refusals = new ArrayList<>();
      for (var caller : tokens.entrySet()) {
        if (!op.roles().contains(caller.getKey())) refusals.add(new Refusal(caller.getKey(), caller.getValue(), op.path()));
      }
      if (!op.reach().equals("-")) {
        for (String role : List.of("examiner", "candidate")) {
          if (op.roles().contains(role)) refusals.add(new Refusal(role + " elsewhere", tokens.get(role), op.path(OTHERS)));
        }
      }
      for (Refusal r : refusals) {
        Answer canonical = call(op.method(), r.path(), r.token(), body(op), Map.of());
        calls++;
        if (canonical.status() != 401 && canonical.status() != 403) {
          wrong.add(op.method() + " " + r.path() + " as " + r.who() + " is not refused: " + canonical);
          continue;
        }
        for (String variant : variants(r.path())) {
          Answer a = call(op.method(), variant, r.token(), body(op), Map.of());
          calls++;
          if (!stopped(variant, a, canonical)) wrong.add(op.method() + " " + variant + " as " + r.who() + ": " + a + ", canonical " + canonical.status());
        }
        // an override header changes nothing: the refused method overridden to GET is still refused, and
        // another method carrying the refused one as its override answers as it does without the header
        String carrier = op.method().equals("POST") ? "GET" : "POST";
        String carrierBody = carrier.equals("GET") ? null : body(op);
        Answer plainCarrier = call(carrier, r.path(), r.token(), carrierBody, Map.of());
        calls++;
        for (String header : OVERRIDES) {
          Answer same = call(op.method(), r.path(), r.token(), body(op), Map.of(header, "GET"));
          Answer carried = call(carrier, r.path(), r.token(), carrierBody, Map.of(header, op.method()));
          calls += 2;
          if (same.status() != canonical.status()) wrong.add(op.method() + " " + r.path() + " with " + header + ": GET as " + r.who() + ": " + same);
          if (carried.status() != plainCarrier.status()) {
            wrong.add(carrier + " " + r.path() + " with " + header + ": " + op.method() + " as " + r.who() + ": " + carried
                + ", without the header " + plainCarrier.status());
          }
        }
      }
    }
    assertThat(wrong).as("variants let further than the canonical path").isEmpty();
    assertThat(fingerprint()).as("the lab after the attacks").isEqualTo(before);
    assertThat(calls).isGreaterThan(ops.size() * 20);
  }

  private record Refusal(String who, String token, String path) {}

  /** Refused like the canonical path, or taken by no operation at all. */
  private static boolean stopped(String variant, Answer a, Answer canonical) {
    if (a.status() == canonical.status() || a.status() == 401) return a.status() == 401 || a.status() == 403;
    // outside /api/ (a changed case) only the static pages answer, and they have no such file
    if (a.status() == 404) return a.body().contains("no such operation") || !variant.startsWith("/api/");
    // a path refused before any route: by the router itself, or for an escaped slash
    return a.status() == 400 && (!a.body().contains("\"problems\"") || a.body().contains("\"field\":\"path\""));
  }

  /** The ways to write a path that a router might take for the same one. */
  static List<String> variants(String path) {
    String rest = path.substring("/api/v1/".length());
    int slash = rest.lastIndexOf('/');
    String lastStart = slash < 0 ? "" : rest.substring(0, slash + 1);
    String last = slash < 0 ? rest : rest.substring(slash + 1);
    Set<String> out = new LinkedHashSet<>();
    out.add(path + "/");
    out.add(path + "//");
    out.add("/api/v1//" + rest);
    out.add("/api//v1/" + rest);
    if (slash >= 0) out.add("/api/v1/" + lastStart + "/" + last);
    out.add("/api/v1/./" + rest);
    out.add("/api/v1/x/../" + rest);
    out.add(path + "/.");
    out.add(path + "/x/..");
    out.add("/api/v1/%2E/" + rest);
    out.add("/api/v1/" + escapeFirstLetter(rest));
    out.add("/api/v1/" + lastStart + escapeFirstLetter(last));
    out.add("/api/v1/" + rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1));
    out.add("/API/v1/" + rest);
    out.add(path.toUpperCase(Locale.ROOT));
    out.add(path + ";x=1");
    if (slash >= 0) out.add("/api/v1/" + rest.substring(0, slash) + "%2F" + last);
    out.remove(path);
    return List.copyOf(out);
  }

  private static String escapeFirstLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) return s.substring(0, i) + String.format("%%%02X", (int) c) + s.substring(i + 1);
    }
    return s;
  }

  private static String body(Operation op) {
    return op.method().equals("GET") || op.method().equals("DELETE") ? null : new JsonObject().put("twin", "motor-1").encode();
  }

  /** What the attacks must not change: accounts, audit, sessions, evidence, twins, bindings, scenarios, rigs. */
  private Map<String, Object> fingerprint() throws Exception {
    String admin = tokens.get("admin");
    Map<String, Object> f = new TreeMap<>();
    f.put("users", call("GET", "/api/v1/users", admin, null, Map.of()).body());
    f.put("audit", call("GET", "/api/v1/audit?limit=10000", admin, null, Map.of()).body());
    // the runtime signs each session's evidence as time goes by: those checkpoints are no attacker's doing
    JsonArray sessions = new JsonArray(call("GET", "/api/v1/sessions", admin, null, Map.of()).body());
    sessions.forEach(s -> ((JsonObject) s).remove("evidence"));
    f.put("sessions", sessions.encode());
    f.put("scenarios", call("GET", "/api/v1/scenarios", admin, null, Map.of()).body());
    for (String s : List.of("exam-b", "exam-c", "exam-d")) {
      String evidence = call("GET", "/api/v1/sessions/" + s + "/evidence", admin, null, Map.of()).body();
      f.put("evidence " + s, evidence.lines().filter(r -> !new JsonObject(r).getString("kind").equals(EvidenceLog.CHECKPOINT)).toList());
    }
    JsonArray twins = new JsonArray(call("GET", "/api/v1/twins", admin, null, Map.of()).body());
    for (int i = 0; i < twins.size(); i++) {
      JsonObject t = twins.getJsonObject(i);
      String id = t.getString("id");
      f.put("lifecycle " + id, t.getString("lifecycle"));
      f.put("bindings " + id, call("GET", "/api/v1/twins/" + id + "/bindings/history", admin, null, Map.of()).body());
    }
    for (String rig : List.of("conveyor-1", "conveyor-2")) f.put("setpoint " + rig, setpoint(rig));
    return f;
  }

  private Object setpoint(String rig) {
    return lab.simulator(rig).groundTruth().get("belt.frequency_setpoint");
  }

  // ---- the attacks found against the demo, each looked at in the lab itself

  @Test
  @Order(2)
  void aCandidateCannotMakeAnAdministratorThroughUsersWithATrailingSlash() throws Exception {
    String evil = new JsonObject().put("name", "evil").put("role", "admin").put("password", "evil-password-1").encode();
    for (String path : List.of("/api/v1/users/", "/api/v1//users", "/api/v1/x/../users", "/api/v1/%75sers")) {
      assertThat(call("POST", path, tokens.get("candidate"), evil, Map.of()).status()).as(path).isEqualTo(403);
    }
    assertThat(runtime.accounts().find("evil")).isEmpty();
    String login = new JsonObject().put("user", "evil").put("password", "evil-password-1").encode();
    assertThat(call("POST", "/api/v1/login", null, login, Map.of()).status()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void aCandidateCannotMoveAnotherStationsRigThroughATrailingSlash() throws Exception {
    Object before = setpoint("conveyor-2");
    String write = new JsonObject().put("value", 12).encode();
    for (String path : List.of("/api/v1/twins/conveyor-2/properties/belt.frequency_setpoint/",
        "/api/v1/twins//conveyor-2/properties/belt.frequency_setpoint", "/api/v1/twins/%63onveyor-2/properties/belt.frequency_setpoint")) {
      assertThat(call("PUT", path, tokens.get("candidate"), write, Map.of()).status()).as(path).isEqualTo(403);
    }
    assertThat(call("POST", "/api/v1/twins/conveyor-2/stop/", tokens.get("candidate"), "{}", Map.of()).status()).isEqualTo(403);
    assertThat(setpoint("conveyor-2")).as("the rig's own setpoint").isEqualTo(before).isNotEqualTo(12.0);
  }

  @Test
  @Order(2)
  void aCandidateCannotExtendTheirOwnTime() throws Exception {
    String examiner = tokens.get("examiner");
    String before = call("GET", "/api/v1/sessions/exam-b/stations/s1", examiner, null, Map.of()).body();
    String more = new JsonObject().put("minutes", 30).put("reason", "mine").encode();
    for (String path : List.of("/api/v1/sessions/exam-b/stations/s1/extend", "/api/v1/sessions/exam-b/stations/s1/extend/",
        "/api/v1/sessions/exam-b/extend/", "/api/v1/sessions/exam-b/stations/s1/./extend")) {
      assertThat(call("POST", path, tokens.get("candidate"), more, Map.of()).status()).as(path).isEqualTo(403);
    }
    JsonObject after = new JsonObject(call("GET", "/api/v1/sessions/exam-b/stations/s1", examiner, null, Map.of()).body());
    assertThat(after).isEqualTo(new JsonObject(before));
  }

  @Test
  @Order(2)
  void aCandidateCannotPauseAnotherCandidatesStation() throws Exception {
    String pause = new JsonObject().put("reason", "sabotage").encode();
    String before = call("GET", "/api/v1/sessions/exam-c/stations/s1", users.token("exam2", Role.EXAMINER), null, Map.of()).body();
    for (String path : List.of("/api/v1/sessions/exam-c/stations/s1/pause/", "/api/v1/sessions/exam-c//stations/s1/pause",
        "/api/v1/sessions/exam-c/pause/")) {
      assertThat(call("POST", path, tokens.get("candidate"), pause, Map.of()).status()).as(path).isEqualTo(403);
    }
    assertThat(call("GET", "/api/v1/sessions/exam-c/stations/s1", users.token("exam2", Role.EXAMINER), null, Map.of()).body())
        .isEqualTo(before);
  }

  @Test
  @Order(2)
  void aCandidateCannotReadTheHiddenChecksOrAnotherCandidatesSheet() throws Exception {
    String cand = tokens.get("candidate");
    for (String path : List.of("/api/v1/sessions/exam-b/", "/api/v1/sessions/exam-b/stations/s1/", "/api/v1/sessions//exam-b",
        "/api/v1/sessions/exam-b/stations/s1/.", "/api/v1/sessions/exam-b/sheets.csv/", "/api/v1/sessions/exam-b/evidence/")) {
      Answer a = call("GET", path, cand, null, Map.of());
      assertThat(a.status()).as(path).isEqualTo(403);
      assertThat(a.body()).as(path).doesNotContain("\"checks\"");
    }
    for (String path : List.of("/api/v1/sessions/exam-c/stations/s1/sheet.html/", "/api/v1/sessions/exam-c/stations/s1/sheet.pdf/",
        "/api/v1/sessions/exam-c/stations/s1/candidate/", "/api/v1/sessions/exam-c/stations//s1/sheet.html")) {
      assertThat(call("GET", path, cand, null, Map.of()).status()).as(path).isEqualTo(403);
    }
    // the candidate's own sheet is theirs to read
    assertThat(call("GET", "/api/v1/sessions/exam-b/stations/s1/candidate", cand, null, Map.of()).status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void anExaminerExportsOnlyTheTwinsAndSessionsTheyAreAssignedTo() throws Exception {
    // twin and session sit in the query here, not the path: the rule must still hold
    String exam1 = tokens.get("examiner");
    for (String query : List.of("twin=motor-2", "session=exam-c", "session=exam-d", "twin=conveyor-2&session=exam-b")) {
      Answer a = call("GET", "/api/v1/history/export?" + query + "&from=-5m&to=now&format=csv", exam1, null, Map.of());
      assertThat(a.status()).as(query + ": " + a.body()).isEqualTo(403);
    }
    assertThat(call("GET", "/api/v1/history/export?twin=motor-1&from=-5m&to=now&format=csv", exam1, null, Map.of()).status())
        .as("their own station's twin").isEqualTo(200);
    assertThat(call("GET", "/api/v1/history/export?session=exam-b&from=-5m&to=now&format=csv", exam1, null, Map.of()).status())
        .as("their own session").isEqualTo(200);
  }

  @Test
  @Order(2)
  void aBodyNestedDeepEnoughToOverflowAStackIsRefusedBeforeItIsRecorded() throws Exception {
    // evidence is hashed, verified and replayed by recursion: a deep report once kept the runtime from starting
    String deep = "{\"a\":".repeat(900) + "1" + "}".repeat(900);
    String body = "{\"kind\":\"report\",\"fields\":{\"text\":\"hi\",\"symptom\":" + deep + "}}";
    Answer a = call("POST", "/api/v1/twins/motor-1/actions", tokens.get("candidate"), body, Map.of());
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    assertThat(a.body()).contains("nested deeper than");
  }

  @Test
  @Order(2)
  void anExaminerOfOneStationActsOnNoOtherStationThroughTheSessionsOwnRoutes() throws Exception {
    users.token("cand4", Role.CANDIDATE);
    users.token("cand5", Role.CANDIDATE);
    String exam2 = users.token("exam2", Role.EXAMINER);
    users.token("exam3", Role.EXAMINER);
    JsonObject plan = new JsonObject().put("id", "exam-e").put("stations", new JsonArray()
        .add(new JsonObject().put("id", "s1").put("scenario", "l3-operate-conveyor-pusher-jam").put("candidate", "cand4")
            .put("twins", new JsonArray().add("conveyor-1")).put("examiners", new JsonArray().add("exam2")))
        .add(new JsonObject().put("id", "s2").put("scenario", "l5-operate-start-pause-stop-tank").put("candidate", "cand5")
            .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exam3"))));
    Answer made = call("POST", "/api/v1/sessions", exam2, plan.encode(), Map.of());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String extend = new JsonObject().put("minutes", 60).put("reason", "x").encode();
    for (String[] op : new String[][] {{"POST", "/api/v1/sessions/exam-e/start", "{}"}, {"POST", "/api/v1/sessions/exam-e/extend", extend},
        {"POST", "/api/v1/sessions/exam-e/end", "{}"}, {"GET", "/api/v1/sessions/exam-e/evidence", null}}) {
      Answer a = call(op[0], op[1], exam2, op[2], Map.of());
      assertThat(a.status()).as(op[1] + ": " + a.body()).isEqualTo(403);
      assertThat(a.body()).contains("s2");
    }
    Answer view = call("GET", "/api/v1/sessions/exam-e", exam2, null, Map.of());
    assertThat(new JsonObject(view.body()).getJsonArray("stations").stream().map(o -> ((JsonObject) o).getString("id")))
        .as("only the station they examine").containsExactly("s1");
    assertThat(call("GET", "/api/v1/sessions/exam-e/sheets.csv", exam2, null, Map.of()).body()).doesNotContain("cand5");
    Answer own = call("POST", "/api/v1/sessions/exam-e/stations/s1/start", exam2, "{}", Map.of());
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    Answer other = call("GET", "/api/v1/sessions/exam-e/stations/s2", exam2, null, Map.of());
    assertThat(other.status()).isEqualTo(403);
    JsonObject s2 = new JsonObject(call("GET", "/api/v1/sessions/exam-e/stations/s2", users.token("exam3", Role.EXAMINER), null, Map.of()).body());
    assertThat(s2.getString("state")).as("the other station was not started").isEqualTo("ready");
  }

  @Test
  @Order(2)
  void methodOverrideHeadersAreIgnored() throws Exception {
    String evil = new JsonObject().put("name", "evil2").put("role", "admin").put("password", "evil-password-1").encode();
    for (String header : OVERRIDES) {
      // a POST the candidate may not make does not become a GET, nor a GET the admin makes a POST
      assertThat(call("POST", "/api/v1/users", tokens.get("candidate"), evil, Map.of(header, "GET")).status()).isEqualTo(403);
      Answer listed = call("GET", "/api/v1/users", tokens.get("admin"), null, Map.of(header, "POST"));
      assertThat(listed.status()).isEqualTo(200);
      assertThat(new JsonArray(listed.body()).size()).isGreaterThan(1);
      assertThat(call("POST", "/api/v1/twins/motor-1/properties/vibration.rms_x", tokens.get("candidate"), "{\"value\":1}",
          Map.of(header, "PUT")).status()).isEqualTo(404);
    }
    assertThat(runtime.accounts().find("evil2")).isEmpty();
  }

  // ---- nothing hangs

  @Test
  @Order(2)
  void anUnknownPropertyIsA404NamingIt() throws Exception {
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(HTTP.sendAsync(request("GET", "/api/v1/twins/motor-1/properties/nope", tokens.get("candidate"), null, Map.of()).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (var f : many) {
      HttpResponse<String> res = f.get(60, TimeUnit.SECONDS);
      assertThat(res.statusCode()).isEqualTo(404);
      assertThat(new JsonObject(res.body()).getJsonArray("problems").getJsonObject(0).getString("field")).isEqualTo("property");
      assertThat(res.body()).contains("'nope'");
    }
  }

  // ---- the front door: forged requests from other pages, and the headers every answer carries

  @Test
  @Order(3)
  void aCookieRequestThatChangesSomethingMustComeFromThisServersPages() throws Exception {
    String own = "http://127.0.0.1:" + runtime.port();
    String login = new JsonObject().put("user", "cand1").put("password", ApiUsers.PASSWORD).encode();
    HttpResponse<String> loggedIn = HTTP.send(request("POST", "/api/v1/login", null, login, Map.of()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(loggedIn.headers().firstValue("Set-Cookie")).as("over plain HTTP a Secure cookie would never come back")
        .hasValueSatisfying(c -> assertThat(c).containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure"));
    String cookie = "twinlab_token=" + users.token("cand1", Role.CANDIDATE);
    String ack = "/api/v1/twins/motor-1/alarms/no-such-alarm/ack";
    Answer forged = cookieCall("POST", ack, cookie, Map.of("Origin", "http://evil.example", "Content-Type", "text/plain"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("must come from this server's own pages").contains(own);
    assertThat(cookieCall("POST", ack, cookie, Map.of()).status()).as("neither Origin nor Referer").isEqualTo(403);
    assertThat(cookieCall("POST", ack, cookie, Map.of("Referer", "http://evil.example/" + own)).status()).isEqualTo(403);
    assertThat(cookieCall("POST", ack, cookie, Map.of("Origin", "null")).status()).isEqualTo(403);
    assertThat(cookieCall("POST", ack, cookie, Map.of("Origin", own + ".evil.example")).status()).isEqualTo(403);
    assertThat(webSocketRefusal(cookie, "http://evil.example")).as("a WebSocket handshake from another page").isEqualTo(403);
    assertThat(webSocketRefusal(cookie, own)).as("a WebSocket handshake from the pages").isZero();
    // from the pages themselves the request reaches its operation (no such alarm: 404 naming it)
    assertThat(cookieCall("POST", ack, cookie, Map.of("Origin", own)).status()).isEqualTo(404);
    assertThat(cookieCall("POST", ack, cookie, Map.of("Referer", own + "/station.html")).status()).isEqualTo(404);
    // reading is not a change, and a bearer token cannot be forged by another page
    assertThat(cookieCall("GET", "/api/v1/me", cookie, Map.of("Origin", "http://evil.example")).status()).isEqualTo(200);
    assertThat(call("POST", ack, tokens.get("candidate"), "{}", Map.of("Origin", "http://evil.example")).status()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/index.html", "/station.html", "/login.js", "/api/v1/health", "/api/v1/users", "/api/v1/nothing")) {
      HttpResponse<String> res = HTTP.send(request("GET", path, null, null, Map.of()).build(), HttpResponse.BodyHandlers.ofString());
      var h = res.headers();
      assertThat(h.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
          .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
      assertThat(h.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(h.firstValue("X-Frame-Options")).as(path).contains("DENY");
      assertThat(h.firstValue("Referrer-Policy")).as(path).contains("same-origin");
      assertThat(h.firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
    }
    String page = HTTP.send(request("GET", "/index.html", null, null, Map.of()).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(page).as("the login page under its own policy").doesNotContain("<script>").doesNotContain("onclick=");
  }

  // ---- last: it locks this client's address out

  @Test
  @Order(9)
  void manyWrongPasswordsFromOneAddressLockItEvenSentAtOnceWhateverNameOrForwardedAddressTheyUse() throws Exception {
    // forty guesses at once, each at another name and claiming another address: only the address can lock them,
    // and the ones still being checked count, so no more than twenty are even tried
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String guess = new JsonObject().put("user", "someone-" + i).put("password", "guess-" + i).encode();
      burst.add(HTTP.sendAsync(request("POST", "/api/v1/login", null, guess, Map.of("X-Forwarded-For", "10.9.8." + i)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (var f : burst) statuses.merge(f.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
    assertThat(statuses.keySet()).as(statuses.toString()).containsOnly(401, 429);
    assertThat(statuses.getOrDefault(401, 0)).as("guesses whose password was checked").isBetween(1, 20);
    // the right password of a real user from the same address now waits too, whatever address it claims
    String right = new JsonObject().put("user", "cand1").put("password", ApiUsers.PASSWORD).encode();
    Answer locked = call("POST", "/api/v1/login", null, right, Map.of("X-Forwarded-For", "10.1.1.1"));
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.body()).contains("from 127.0.0.1");
  }

  // ---- calls

  /** A status with the start of its body; a stream is left as soon as its head arrives. */
  record Answer(int status, String body) {
    @Override
    public String toString() {
      return status + " " + (body.length() > 160 ? body.substring(0, 160) + "..." : body);
    }
  }

  private Answer call(String method, String path, String token, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = request(method, path, token, body, headers);
    HttpResponse<InputStream> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = res.body()) {
      boolean stream = res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
      return new Answer(res.statusCode(), stream ? "(a stream)" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The status a WebSocket handshake with the cookie and this Origin is refused with, 0 when it is accepted. */
  private int webSocketRefusal(String cookie, String origin) throws Exception {
    var client = vertx.createWebSocketClient();
    try {
      var options = new io.vertx.core.http.WebSocketConnectOptions().setHost("127.0.0.1").setPort(runtime.port()).setURI("/api/v1/ws")
          .addHeader("Cookie", cookie).addHeader("Origin", origin);
      try {
        get(client.connect(options)).close();
        return 0;
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof io.vertx.core.http.UpgradeRejectedException u) return u.getStatus();
        throw e;
      }
    } finally {
      client.close();
    }
  }

  private Answer cookieCall(String method, String path, String cookie, Map<String, String> headers) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Cookie", cookie);
    return call(method, path, null, method.equals("GET") ? null : "{}", all);
  }

  private HttpRequest.Builder request(String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path))
        .timeout(Duration.ofSeconds(60)).method(method, publisher);
    if (body != null && !headers.containsKey("Content-Type")) b.header("Content-Type", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    headers.forEach(b::header);
    return b;
  }
}
