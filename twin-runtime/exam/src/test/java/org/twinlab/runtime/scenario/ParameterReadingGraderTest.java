package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

class ParameterReadingGraderTest {
  private static final Instant T = Instant.parse("2026-01-05T08:00:00Z");
  private final ParameterReadingGrader tank = new ParameterReadingGrader(ModelLibrary.loadBuiltIn("tank-process"));

  private static PropertyState shown(String property, Object value, Quality quality) {
    return new PropertyState(property, value, "", quality, T, T);
  }

  private final List<PropertyState> twin = List.of(
      shown("tank.level", 301.2, Quality.GOOD),
      shown("pump.speed", 42.0, Quality.GOOD),
      shown("pid.mode", "auto", Quality.GOOD),
      shown("flow.rate", 12.0, Quality.uncertain("stale")));

  private static Map<String, Object> readings(Object... pairs) {
    Map<String, Object> r = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) r.put((String) pairs[i], pairs[i + 1]);
    return Map.of("readings", r);
  }

  @Test
  void readingsWithinTwoPercentOfTheRangeAgreeWithTheTwin() {
    // 2 % of the level's 0-500 mm is 10 mm; of the speed's 0-100 %, 2 %
    ActionOutcome o = tank.grade(readings("tank.level", 310, "pump.speed", 44, "pid.mode", "auto"), twin);
    assertThat(o.result()).containsEntry("readings", "3").containsEntry("matched", "3")
        .containsEntry("matched_properties", "tank.level,pump.speed,pid.mode").containsEntry("unmatched", "");
  }

  @Test
  void aReadingOffByMoreThanTheToleranceOrOfAValueTheTwinCannotTrustDoesNotAgree() {
    ActionOutcome o = tank.grade(readings("tank.level", 311.5, "pump.speed", 44.5, "pid.mode", "manual", "flow.rate", 12.0,
        "heater.on", false), twin);
    assertThat(o.result()).containsEntry("matched", "0").containsEntry("unmatched", "tank.level,pump.speed,pid.mode,flow.rate,heater.on");
    assertThat(o.detail()).startsWith("0 of 5 readings agree with the twin");
  }

  @Test
  void malformedReadingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> tank.grade(Map.of(), twin))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("readings"));
    assertThatThrownBy(() -> tank.grade(readings("tank.levl", 300), twin))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("readings.tank.levl"));
    assertThatThrownBy(() -> tank.grade(readings("tank.level", List.of(300)), twin))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("readings.tank.level"));
    assertThatThrownBy(() -> tank.grade(Map.of("readings", Map.of("tank.level", 300), "matched", "1"), twin))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("matched"));
  }
}
