package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.twin.PropertyState;

/**
 * The runtime tells time by the one clock it is started with, from the rig's samples to the
 * accounts: a clock held far from the wall's now shows wherever the runtime dates something.
 */
class RuntimeClockIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir
  Path data;

  @Test
  void whatTheRuntimeDatesIsDatedByTheClockItWasStartedWith() throws Exception {
    ManualClock clock = new ManualClock();
    Instant held = clock.instant();
    Vertx vertx = Vertx.vertx();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config(), lab::simulator, clock));
      try {
        var tank = runtime.twins().require("tank-1");
        assertThat(get(tank.bindings()).at()).isEqualTo(held);
        // samples come over real OPC UA with the server's times; the twin notes their arrival by its own clock
        await().atMost(WAIT).until(() -> get(tank.snapshot()).properties().stream().anyMatch(p -> p.value() != null));
        assertThat(get(tank.snapshot()).properties()).filteredOn(p -> p.value() != null)
            .extracting(PropertyState::receivedTime).containsOnly(held);
        assertThat(runtime.accounts().add("exam1", Role.EXAMINER, null, "a-long-password").created()).isEqualTo(held);
      } finally {
        get(runtime.stop());
      }
    } finally {
      get(vertx.close());
    }
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
