package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.ChangeBatch;
import org.twinlab.runtime.twin.TwinCodecs;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * A WebSocket follower that stops reading while many batches flow holds no more than its write
 * buffer: the changes it could not take are dropped, and when it reads again it is sent the
 * twin's state afresh, marked as a snapshot, with the newest value.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebSocketFollowerTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TWIN = "rig-1";
  /** Enough batches of enough changes to overflow the socket's buffers many times over. */
  private static final int BATCHES = 400;
  private static final int PROPERTIES = 100;
  private static final Reach EVERYTHING = new Reach() {
    @Override
    public boolean twin(Caller caller, String twin) {
      return true;
    }

    @Override
    public boolean session(Caller caller, String session) {
      return true;
    }

    @Override
    public boolean station(Caller caller, String session, String station) {
      return true;
    }
  };

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** One batch: the sequence number, and many properties to make it large. */
  private static List<Change> batch(int seq) {
    List<Change> out = new ArrayList<>();
    out.add(FeedChannelsTest.property(TWIN, "seq", seq));
    for (int p = 0; p < PROPERTIES; p++) out.add(FeedChannelsTest.property(TWIN, "padding.p" + p, seq * 1000.0 + p));
    return out;
  }

  private static int seqOf(JsonObject message) {
    return message.getJsonArray("changes", new JsonArray()).stream().map(JsonObject.class::cast)
        .filter(c -> "seq".equals(c.getString("property"))).findFirst().map(c -> c.getInteger("value")).orElse(-1);
  }

  @Test
  void aFollowerThatStopsReadingIsSentTheStateAfreshWhenItReadsAgain(Vertx vertx) throws Exception {
    TwinCodecs.register(vertx.eventBus());
    AtomicInteger latest = new AtomicInteger(0);
    AtomicInteger encodes = new AtomicInteger();
    FeedChannels channels = new FeedChannels(vertx, changes -> {
      encodes.incrementAndGet();
      return FeedFrame.changes(changes);
    });
    FeedSources.TwinStates states = twin -> {
      if (!TWIN.equals(twin)) throw TwinRequestException.notFound("id", "no twin '" + twin + "'");
      return () -> Future.succeededFuture(FeedFrame.snapshot(batch(latest.get())));
    };
    FeedSources feed = new FeedSources(vertx, channels, states, EVERYTHING);
    AtomicReference<Context> served = new AtomicReference<>();
    // small socket buffers on both ends, so a follower that stops reading fills them soon
    HttpServer server = get(vertx.createHttpServer(new HttpServerOptions().setSendBufferSize(8192))
        .requestHandler(req -> req.toWebSocket().onSuccess(ws -> {
          served.set(Vertx.currentContext());
          WebSocketFollower.serve(ws, new Caller("cand1", Role.CANDIDATE), feed);
        })).listen(0, "127.0.0.1"));
    try {
      List<JsonObject> messages = new CopyOnWriteArrayList<>();
      // held for the whole test: a client no longer referenced is closed when it is collected
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(8192).setMaxMessageSize(1 << 24));
      WebSocket ws = get(client
          .connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.actualPort()).setURI("/")));
      ws.textMessageHandler(text -> messages.add(new JsonObject(text)));
      get(ws.writeTextMessage(new JsonObject().put("subscribe", new JsonArray().add(TWIN).add("rig-9")).encode()));
      await().atMost(WAIT).until(() -> messages.stream().anyMatch(m -> m.getBoolean("snapshot", false)));
      assertThat(messages).anyMatch(m -> m.getString("error", "").contains("rig-9"));
      assertThat(seqOf(messages.stream().filter(m -> m.getBoolean("snapshot", false)).findFirst().orElseThrow())).isZero();

      ws.pause(); // the follower stops reading
      int before = messages.size();
      for (int seq = 1; seq <= BATCHES; seq++) {
        latest.set(seq);
        vertx.eventBus().publish(Bus.changes(TWIN), new ChangeBatch(TWIN, batch(seq)));
      }
      // every batch is encoded and handed to the follower's event loop; once that loop has run
      // what came before, each batch has been written to the socket or dropped
      await().atMost(WAIT).until(() -> encodes.get() == BATCHES);
      Promise<Void> handled = Promise.promise();
      served.get().runOnContext(v -> handled.complete());
      get(handled.future());

      ws.resume(); // and reads again
      await().atMost(WAIT).until(() -> messages.stream().skip(before)
          .anyMatch(m -> m.getBoolean("snapshot", false) && seqOf(m) == BATCHES));
      JsonObject resync = messages.stream().skip(before).filter(m -> m.getBoolean("snapshot", false) && seqOf(m) == BATCHES)
          .findFirst().orElseThrow();
      assertThat(resync.getJsonArray("changes")).as("the whole state of the twin").hasSize(PROPERTIES + 1);
      assertThat(resync.getJsonArray("changes").getJsonObject(1).getDouble("value")).isEqualTo(BATCHES * 1000.0);
      long changesReceived = messages.stream().skip(before).filter(m -> !m.getBoolean("snapshot", false)).count();
      assertThat(changesReceived).as("batches written to a follower that did not read: the rest were dropped, not held")
          .isLessThan(BATCHES);
      get(ws.close());
      get(client.close());
    } finally {
      get(server.close());
    }
  }

  // a twin another node runs: its frames come over the link as the owner encoded them, and when it moves the follower gets the new owner's state
  @Test
  void aTwinThatMovesToAnotherNodeIsSentAfreshAndFollowedOnTheSameSocket(Vertx vertx) throws Exception {
    TwinCodecs.register(vertx.eventBus());
    AtomicInteger latest = new AtomicInteger(0);
    List<java.util.function.Consumer<io.vertx.core.buffer.Buffer>> links = new CopyOnWriteArrayList<>();
    List<Runnable> moves = new CopyOnWriteArrayList<>();
    RemoteFeeds remote = new RemoteFeeds() {
      @Override
      public Runnable open(String twin, java.util.function.Consumer<io.vertx.core.buffer.Buffer> frames, Runnable moved) {
        links.add(frames);
        moves.add(moved);
        return () -> {};
      }

      @Override
      public Future<io.vertx.core.buffer.Buffer> state(String twin) {
        return Future.succeededFuture(FeedFrame.snapshot(batch(latest.get())).wire());
      }
    };
    FeedChannels channels = new FeedChannels(vertx, remote);
    FeedSources.TwinStates states = twin -> () -> remote.state(twin).map(FeedFrame::fromWire);
    FeedSources feed = new FeedSources(vertx, channels, states, EVERYTHING);
    HttpServer server = get(vertx.createHttpServer()
        .requestHandler(req -> req.toWebSocket().onSuccess(ws -> WebSocketFollower.serve(ws, new Caller("exam1", Role.EXAMINER), feed)))
        .listen(0, "127.0.0.1"));
    try {
      List<String> messages = new CopyOnWriteArrayList<>();
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1 << 24));
      WebSocket ws = get(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.actualPort()).setURI("/")));
      ws.textMessageHandler(messages::add);
      get(ws.writeTextMessage(new JsonObject().put("subscribe", TWIN).encode()));
      await().atMost(WAIT).until(() -> messages.stream().anyMatch(m -> new JsonObject(m).getBoolean("snapshot", false)));

      FeedFrame sent = FeedFrame.changes(batch(1));
      links.get(0).accept(sent.wire());
      await().atMost(WAIT).until(() -> messages.contains(sent.webSocket()));

      latest.set(7);
      moves.get(0).run(); // another node runs the twin now
      await().atMost(WAIT).until(() -> messages.stream().map(JsonObject::new).anyMatch(m -> m.getBoolean("snapshot", false) && seqOf(m) == 7));
      FeedFrame next = FeedFrame.changes(batch(8));
      links.get(0).accept(next.wire());
      await().atMost(WAIT).until(() -> messages.contains(next.webSocket()));
      assertThat(links).as("one link for the twin, through the move").hasSize(1);
      client.close();
    } finally {
      get(server.close());
    }
  }
}
