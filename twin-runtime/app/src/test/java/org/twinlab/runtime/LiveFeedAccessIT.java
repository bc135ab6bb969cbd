package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.auth.Role;

/**
 * The live feed keeps to who reaches what as the sessions change it, not as it stood when a
 * follower connected: a candidate who hands in stops getting their twin's changes there and then
 * (the WebSocket says so, the SSE stream ends) while staff still get them; an examiner whose
 * session ends loses its twin; an examiner planned into a new session gains its twin on the
 * socket they already had open, and nothing else.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LiveFeedAccessIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** One user's WebSocket on the feed and every message it got, in order. */
  private record Feed(String user, WebSocketClient client, WebSocket ws, List<JsonObject> messages) {
    static Feed open(Vertx vertx, TwinRuntime runtime, String user, String token) throws Exception {
      List<JsonObject> messages = new CopyOnWriteArrayList<>();
      // the client is held with its socket: one no longer referenced is closed when it is collected
      WebSocketClient client = vertx.createWebSocketClient();
      WebSocket ws = get(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(runtime.port()).setURI("/api/v1/ws").addHeader("Authorization", "Bearer " + token)));
      ws.textMessageHandler(text -> messages.add(new JsonObject(text)));
      return new Feed(user, client, ws, messages);
    }

    void subscribe(String twin) throws Exception {
      get(ws.writeTextMessage(new JsonObject().put("subscribe", new JsonArray().add(twin)).encode()));
    }

    /** Where the first error containing the text is, or -1. */
    int error(String text) {
      for (int i = 0; i < messages.size(); i++) {
        if (messages.get(i).getString("error", "").contains(text)) return i;
      }
      return -1;
    }

    void awaitError(String text) {
      await().atMost(WAIT).until(() -> error(text) >= 0);
    }

    /** The messages from the index on that carry the twin's changes (or state). */
    long framesOf(String twin, int from) {
      return messages.stream().skip(from).filter(m -> m.getJsonArray("changes", new JsonArray()).stream()
          .anyMatch(c -> twin.equals(((JsonObject) c).getString("twin")))).count();
    }

    void awaitState(String twin) {
      await().atMost(WAIT).until(() -> messages.stream().anyMatch(m -> m.getBoolean("snapshot", false)
          && m.getJsonArray("changes").stream().anyMatch(c -> twin.equals(((JsonObject) c).getString("twin")))));
    }
  }

  @Test
  void theFeedFollowsWhoReachesWhatAsSessionsAndStationsChange(Vertx vertx) throws Exception {
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        // exam-b: cand1 at s1 on motor-1, marked by exam1; exam-c: cand2 on motor-2, marked by exam2
        ApiAccessIT.examLab(users);
        Feed admin = Feed.open(vertx, runtime, "boss", users.token("boss", Role.ADMIN));
        Feed cand1 = Feed.open(vertx, runtime, "cand1", users.token("cand1", Role.CANDIDATE));
        Feed exam2 = Feed.open(vertx, runtime, "exam2", users.token("exam2", Role.EXAMINER));
        Feed exam3 = Feed.open(vertx, runtime, "exam3", users.token("exam3", Role.EXAMINER));
        admin.subscribe("motor-1");
        cand1.subscribe("motor-1");
        exam2.subscribe("motor-2");
        exam3.subscribe("motor-2");
        admin.awaitState("motor-1");
        cand1.awaitState("motor-1");
        exam2.awaitState("motor-2");
        exam3.awaitError("exam3 is not assigned to twin motor-2");

        // the candidate follows the same twin over Server-Sent Events too
        HttpClient http = vertx.createHttpClient();
        AtomicBoolean streamEnded = new AtomicBoolean();
        List<String> events = new CopyOnWriteArrayList<>();
        HttpClientResponse stream = get(http.request(HttpMethod.GET, runtime.port(), "127.0.0.1", "/api/v1/twins/motor-1/stream")
            .compose(req -> req.putHeader("Authorization", "Bearer " + users.token("cand1", Role.CANDIDATE)).send())
            .onSuccess(r -> r.handler(buf -> events.add(buf.toString())).endHandler(v -> streamEnded.set(true))));
        assertThat(stream.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> String.join("", events).contains("\"twin\":\"motor-1\""));

        // the candidate's station runs, then they hand in: their feed of motor-1 ends there and then
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        HttpResponse<Buffer> started = get(exam1.post("/api/v1/sessions/exam-b/stations/s1/start").send());
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> handedIn = get(users.client("cand1", Role.CANDIDATE).post("/api/v1/sessions/exam-b/stations/s1/hand-in").send());
        assertThat(handedIn.statusCode()).as(handedIn.bodyAsString()).isEqualTo(200);
        cand1.awaitError("cand1 is no longer assigned to twin motor-1");
        await().atMost(WAIT).untilTrue(streamEnded);
        int lostAt = cand1.error("no longer assigned to twin motor-1");
        int adminSeen = admin.messages().size();
        await().atMost(WAIT).until(() -> admin.framesOf("motor-1", adminSeen) >= 3);
        assertThat(cand1.framesOf("motor-1", lostAt)).as("motor-1's changes sent to cand1 after the hand-in").isZero();
        cand1.subscribe("motor-1");
        cand1.awaitError("cand1 is not assigned to twin motor-1");

        // exam-c ends: its examiner no longer follows its twin
        HttpResponse<Buffer> ended = get(users.client("exam2", Role.EXAMINER).post("/api/v1/sessions/exam-c/end").send());
        assertThat(ended.statusCode()).as(ended.bodyAsString()).isEqualTo(200);
        exam2.awaitError("exam2 is no longer assigned to twin motor-2");

        // exam3 is planned into a new session on motor-2: the socket they had open now follows it, and nothing more
        JsonObject plan = new JsonObject().put("id", "exam-d").put("stations", new JsonArray()
            .add(new JsonObject().put("id", "s1").put("scenario", ApiAccessIT.PARAMS.get("scenario")).put("candidate", "cand2")
                .put("twins", new JsonArray().add("motor-2")).put("examiners", new JsonArray().add("exam3"))));
        HttpResponse<Buffer> created = get(users.client("exam3", Role.EXAMINER).post("/api/v1/sessions").sendJsonObject(plan));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        exam3.subscribe("motor-2");
        exam3.awaitState("motor-2");
        exam3.subscribe("motor-1");
        exam3.awaitError("exam3 is not assigned to twin motor-1");
        assertThat(exam3.framesOf("motor-1", 0)).isZero();

        for (Feed f : List.of(admin, cand1, exam2, exam3)) {
          get(f.ws().close());
          get(f.client().close());
        }
        get(http.close());
      } finally {
        get(runtime.stop());
      }
    }
  }
}
