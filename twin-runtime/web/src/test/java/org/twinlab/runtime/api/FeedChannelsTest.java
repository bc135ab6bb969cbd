package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twinlab.connectors.Quality;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.ChangeBatch;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinCodecs;

/**
 * A twin's change batch is encoded once, whatever number of followers it goes to, and each of
 * them gets that same frame, in order; the frame reads the same as the feed always sent it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedChannelsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  static Change.PropertyChanged property(String twin, String name, Object value) {
    Instant now = Instant.now();
    return new Change.PropertyChanged(twin, new PropertyState(name, value, "mm", Quality.GOOD, now, now));
  }

  @Test
  void eachBatchIsEncodedOnceForEveryFollowerOfItsTwin(Vertx vertx) {
    TwinCodecs.register(vertx.eventBus());
    AtomicInteger encodes = new AtomicInteger();
    FeedChannels channels = new FeedChannels(vertx, changes -> {
      encodes.incrementAndGet();
      return FeedFrame.changes(changes);
    });
    List<List<FeedFrame>> followers = new ArrayList<>();
    List<Runnable> leaves = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<FeedFrame> got = new CopyOnWriteArrayList<>();
      followers.add(got);
      leaves.add(channels.join("tank-1", got::add));
    }
    List<FeedFrame> otherTwin = new CopyOnWriteArrayList<>();
    leaves.add(channels.join("tank-2", otherTwin::add));
    assertThat(channels.followedTwins()).isEqualTo(2);

    int batches = 5;
    for (int b = 0; b < batches; b++) {
      vertx.eventBus().publish(Bus.changes("tank-1"), new ChangeBatch("tank-1", List.of(property("tank-1", "tank.level", b))));
    }
    await().atMost(WAIT).until(() -> followers.stream().allMatch(f -> f.size() == batches));

    assertThat(encodes).as("encodes for %d batches to %d followers", batches, followers.size()).hasValue(batches);
    for (List<FeedFrame> f : followers) {
      assertThat(f).as("every follower gets the very frames the first one got, in order").containsExactlyElementsOf(followers.get(0));
    }
    List<Object> levels = followers.get(0).stream()
        .map(f -> new JsonObject(f.webSocket()).getJsonArray("changes").getJsonObject(0).getValue("value")).toList();
    assertThat(levels).containsExactly(0, 1, 2, 3, 4);
    assertThat(otherTwin).as("another twin's follower").isEmpty();

    leaves.forEach(Runnable::run);
    assertThat(channels.followedTwins()).as("a twin nobody follows keeps no subscription").isZero();
  }

  @Test
  void aFrameReadsAsTheFeedSendsIt() {
    List<Change> changes = List.of(new Change.LifecycleChanged("tank-1", Lifecycle.RUNNING), property("tank-1", "tank.level", 250.0),
        property("tank-1", "pump.on", true));
    FeedFrame frame = FeedFrame.changes(changes);

    JsonObject ws = new JsonObject(frame.webSocket());
    JsonArray sent = ws.getJsonArray("changes");
    assertThat(sent).hasSize(3);
    assertThat(sent.getJsonObject(0).getString("event")).isEqualTo("lifecycle");
    assertThat(sent.getJsonObject(0).getString("lifecycle")).isEqualTo("RUNNING");
    assertThat(sent.getJsonObject(1).getString("event")).isEqualTo("property");
    assertThat(sent.getJsonObject(1).getString("property")).isEqualTo("tank.level");
    assertThat(sent.getJsonObject(1).getString("twin")).isEqualTo("tank-1");
    assertThat(ws.containsKey("snapshot")).as("changes are not a snapshot").isFalse();
    assertThat(new JsonObject(FeedFrame.snapshot(changes).webSocket()).getBoolean("snapshot")).isTrue();

    String sse = frame.serverSent();
    assertThat(frame.serverSentBytes().toString(java.nio.charset.StandardCharsets.UTF_8)).as("the bytes every follower is sent").isEqualTo(sse);
    assertThat(sse.lines().filter(l -> l.startsWith("event: ")).toList()).containsExactly("event: lifecycle", "event: property", "event: property");
    String onlyLevel = frame.serverSent(e -> e.property() == null || e.property().equals("tank.level"));
    assertThat(onlyLevel).contains("\"tank.level\"").doesNotContain("pump.on").contains("event: lifecycle");
    String data = sse.lines().filter(l -> l.startsWith("data: ")).skip(1).findFirst().orElseThrow().substring(6);
    assertThat(new JsonObject(data).getDouble("value")).isEqualTo(250.0);
  }

  // a follower on another node of a cluster is written what the owner's followers are, byte for byte
  @Test
  void aFrameCrossesToAnotherNodeAsTheSameBytes() {
    List<Change> changes = List.of(new Change.LifecycleChanged("tank-1", Lifecycle.RUNNING), property("tank-1", "tank.level", 250.0),
        property("tank-1", "温度.值", "héllo \"quoted\""));
    for (FeedFrame frame : List.of(FeedFrame.changes(changes), FeedFrame.snapshot(changes))) {
      FeedFrame there = FeedFrame.fromWire(io.vertx.core.buffer.Buffer.buffer(frame.wire().getBytes()));
      assertThat(there.serverSent()).isEqualTo(frame.serverSent());
      assertThat(there.serverSentBytes()).isEqualTo(frame.serverSentBytes());
      assertThat(there.webSocket()).isEqualTo(frame.webSocket());
      assertThat(there.events()).isEqualTo(frame.events());
      assertThat(there.serverSent(e -> "温度.值".equals(e.property()))).isEqualTo(frame.serverSent(e -> "温度.值".equals(e.property())));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FeedFrame.fromWire(io.vertx.core.buffer.Buffer.buffer(new byte[] {1, 0, 0, 0, 0, 9})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
  }

  // one link per twin and node, however many follow it there; its batches reach them all, and a move makes each take the state afresh
  @Test
  void aTwinRunElsewhereIsFollowedThroughOneLinkForAllItsFollowers(Vertx vertx) {
    TwinCodecs.register(vertx.eventBus());
    List<java.util.function.Consumer<io.vertx.core.buffer.Buffer>> links = new CopyOnWriteArrayList<>();
    List<Runnable> moves = new CopyOnWriteArrayList<>();
    AtomicInteger closed = new AtomicInteger();
    RemoteFeeds remote = new RemoteFeeds() {
      @Override
      public Runnable open(String twin, java.util.function.Consumer<io.vertx.core.buffer.Buffer> frames, Runnable moved) {
        links.add(frames);
        moves.add(moved);
        return closed::incrementAndGet;
      }

      @Override
      public io.vertx.core.Future<io.vertx.core.buffer.Buffer> state(String twin) {
        return io.vertx.core.Future.failedFuture("not asked here");
      }
    };
    FeedChannels channels = new FeedChannels(vertx, remote);
    List<List<FeedFrame>> followers = new ArrayList<>();
    AtomicInteger moved = new AtomicInteger();
    List<Runnable> leaves = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<FeedFrame> got = new CopyOnWriteArrayList<>();
      followers.add(got);
      leaves.add(channels.join("tank-1", got::add, moved::incrementAndGet));
    }
    assertThat(links).as("links for three followers of one twin").hasSize(1);

    FeedFrame sent = FeedFrame.changes(List.of(property("tank-1", "tank.level", 7)));
    links.get(0).accept(sent.wire());
    await().atMost(WAIT).until(() -> followers.stream().allMatch(f -> f.size() == 1));
    assertThat(followers.get(0).get(0)).as("decoded once for all of them").isSameAs(followers.get(2).get(0));
    assertThat(followers.get(0).get(0).webSocket()).isEqualTo(sent.webSocket());

    moves.get(0).run();
    await().atMost(WAIT).until(() -> moved.get() == 3);
    leaves.forEach(Runnable::run);
    assertThat(closed).as("the link goes with the last follower").hasValue(1);
  }
}
