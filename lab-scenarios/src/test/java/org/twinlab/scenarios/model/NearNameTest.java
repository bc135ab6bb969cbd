package org.twinlab.scenarios.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearNameTest {
  private static final List<String> PROPERTIES = List.of("pid.setpoint", "pid.mode", "tank.level", "tank.level_raw", "flow.rate");

  @Test
  void aSwapAMissingAndAnExtraLetterAreEachOneEdit() {
    assertThat(NearName.distance("pid.setpiont", "pid.setpoint")).isEqualTo(1);
    assertThat(NearName.distance("tank.levl", "tank.level")).isEqualTo(1);
    assertThat(NearName.distance("tank.levell", "tank.level")).isEqualTo(1);
    assertThat(NearName.distance("flow.rate", "flow.rate")).isZero();
  }

  @Test
  void suggestsTheClosestNameAndNothingWhenNoneIsClose() {
    assertThat(NearName.to("pid.setpiont", PROPERTIES)).contains("pid.setpoint");
    assertThat(NearName.to("tank.levle", PROPERTIES)).contains("tank.level");
    assertThat(NearName.to("tank.level_rw", PROPERTIES)).contains("tank.level_raw");
    assertThat(NearName.to("motor.speed", PROPERTIES)).isEmpty();
    assertThat(NearName.to("pid.mode", PROPERTIES)).as("a known name needs no suggestion").isEmpty();
    assertThat(NearName.hint("pid.mod", PROPERTIES)).isEqualTo(" (did you mean 'pid.mode'?)");
    assertThat(NearName.hint("heater.on", PROPERTIES)).isEmpty();
  }
}
