package org.twinlab.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReasonMaskTest {
  private final ReasonMask mask = new ReasonMask(Set.of("leak", "leak_fast"));

  @Test
  void theRigsOwnReadingsAreNotToldWhileTheTwinsAre() {
    assertThat(mask.apply("true at +300.0 s: rig.tank.level = 491.2, twin.tank.level = 12.5, rig.pump.running = true"))
        .isEqualTo("true at +300.0 s: rig.tank.level = (not disclosed), twin.tank.level = 12.5, rig.pump.running = (not disclosed)");
  }

  @Test
  void aHiddenFaultIsMaskedWholeEvenWhenAnotherIdHoldsIt() {
    assertThat(mask.apply("2 fault.leak_fast events in the window, the last at +60.0 s; 1 fault.leak"))
        .isEqualTo("2 (not disclosed) events in the window, the last at +60.0 s; 1 (not disclosed)");
    assertThat(mask.apply("false at +3.0 s: twin.tank.leakage = 1")).isEqualTo("false at +3.0 s: twin.tank.leakage = 1");
  }
}
