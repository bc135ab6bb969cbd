package org.twinlab.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StationClockTest {
  private final VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T09:00:00Z"));
  private final StationClock clock = new StationClock(time, Duration.ofMinutes(10));

  @Test
  void pausesLeaveTheActiveTimeAlone() {
    clock.start("examiner");
    time.advance(Duration.ofMinutes(4));
    clock.pause("examiner", "rig guard open");
    time.advance(Duration.ofMinutes(3));
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(4));
    assertThat(clock.remaining()).isEqualTo(Duration.ofMinutes(6));
    clock.resume("examiner");
    time.advance(Duration.ofMinutes(5));
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(9));
    assertThat(clock.expired()).isFalse();
    time.advance(Duration.ofMinutes(1));
    assertThat(clock.expired()).as("expires exactly at the limit").isTrue();
  }

  @Test
  void anExtensionMovesTheExpiryAndNeedsAReason() {
    clock.start("examiner");
    time.advance(Duration.ofMinutes(10));
    assertThat(clock.expired()).isTrue();
    assertThatThrownBy(() -> clock.extend(Duration.ofMinutes(2), "examiner", " ")).hasMessageContaining("reason");
    clock.extend(Duration.ofMinutes(2), "examiner", "PLC rebooted for 2 min");
    assertThat(clock.expired()).isFalse();
    assertThat(clock.limit()).isEqualTo(Duration.ofMinutes(12));
    assertThat(clock.log()).extracting(StationClock.Entry::reason).contains("PLC rebooted for 2 min");
  }

  @Test
  void movesOutOfOrderAreRefused() {
    assertThatThrownBy(() -> clock.pause("examiner", "why")).isInstanceOf(IllegalStateException.class);
    clock.start("examiner");
    assertThatThrownBy(() -> clock.start("examiner")).hasMessageContaining("started already");
    assertThatThrownBy(() -> clock.resume("examiner")).hasMessageContaining("not paused");
    clock.end("examiner", "handed in");
    assertThatThrownBy(() -> clock.extend(Duration.ofMinutes(1), "examiner", "late")).hasMessageContaining("ended");
    assertThat(clock.state()).isEqualTo(StationClock.State.ENDED);
  }

  @Test
  void theEndFreezesTheElapsedTime() {
    clock.start("examiner");
    time.advance(Duration.ofMinutes(3));
    clock.end("candidate", "handed in");
    time.advance(Duration.ofMinutes(3));
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(3));
    assertThat(clock.endedAt()).isEqualTo(Instant.parse("2026-03-02T09:03:00Z"));
  }
}
