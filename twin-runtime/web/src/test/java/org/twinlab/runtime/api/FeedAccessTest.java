package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Reach;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.bus.Bus;

/**
 * A follower's access is decided once per twin, however many batches it is asked for, and
 * decided again, with the follower told, as soon as the sessions announce a change of who reaches what.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedAccessTest {
  /** The twins the candidate reaches now, and how often the sessions were asked. */
  private final Set<String> reachable = ConcurrentHashMap.newKeySet();
  private final AtomicInteger asked = new AtomicInteger();
  private final Reach reach = new Reach() {
    @Override
    public boolean twin(Caller caller, String twin) {
      asked.incrementAndGet();
      return reachable.contains(twin);
    }

    @Override
    public boolean session(Caller caller, String session) {
      return false;
    }

    @Override
    public boolean station(Caller caller, String session, String station) {
      return false;
    }
  };

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Runs on the follower's context, as the feed does. */
  private static <T> T on(Context ctx, Callable<T> work) throws Exception {
    Promise<T> p = Promise.promise();
    ctx.runOnContext(v -> {
      try {
        p.complete(work.call());
      } catch (Exception e) {
        p.fail(e);
      }
    });
    return get(p.future());
  }

  @Test
  void accessIsDecidedOnceAndAgainWhenTheSessionsSaySo(Vertx vertx) throws Exception {
    reachable.add("motor-1");
    Context ctx = vertx.getOrCreateContext();
    AtomicInteger told = new AtomicInteger();
    FeedAccess access = on(ctx, () -> new FeedAccess(vertx, reach, new Caller("cand1", Role.CANDIDATE), told::incrementAndGet));

    for (int batch = 0; batch < 100; batch++) {
      assertThat(on(ctx, () -> access.sees("motor-1"))).isTrue();
      assertThat(on(ctx, () -> access.sees("motor-2"))).isFalse();
    }
    assertThat(asked).as("decisions for two twins over a hundred batches").hasValue(2);

    // the candidate's station ends, and another begins for them on motor-2
    reachable.clear();
    reachable.add("motor-2");
    vertx.eventBus().publish(Bus.ACCESS, "exam-b");
    await().atMost(Duration.ofSeconds(30)).until(() -> told.get() == 1);
    assertThat(on(ctx, () -> access.sees("motor-1"))).as("the twin of the ended station").isFalse();
    assertThat(on(ctx, () -> access.sees("motor-2"))).as("the twin of the new station").isTrue();
    assertThat(asked).hasValue(4);

    on(ctx, () -> {
      access.close();
      return null;
    });
    vertx.eventBus().publish(Bus.ACCESS, "exam-c");
    // a closed follower hears no more: a probe published after it arrives, the follower was not told
    Promise<Void> probe = Promise.promise();
    on(ctx, () -> vertx.eventBus().<String>localConsumer(Bus.ACCESS, m -> probe.tryComplete()));
    vertx.eventBus().publish(Bus.ACCESS, "exam-d");
    get(probe.future());
    assertThat(told).hasValue(1);
  }
}
