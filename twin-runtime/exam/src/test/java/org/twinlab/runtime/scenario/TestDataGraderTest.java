package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twinlab.connectors.Quality;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.history.StoredPoint;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.VirtualRun;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.model.Setup;

/**
 * Submitted test data judged against a hand-made history of the tank temperature (range 0-100 °C):
 * in the window 10 points, of which 2 have no trustworthy value, 2 lie outside the range and 6 are
 * clean (10, 15, 20, 30, 100, 25), and one point before the window.
 */
class TestDataGraderTest {
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant NOW = T0.plusSeconds(60);
  private static final List<StoredPoint> HISTORY = List.of(
      point(-5, 99.0, Quality.GOOD), // before the window: not extracted
      point(0, 10.0, Quality.GOOD),
      point(1, 15.0, Quality.GOOD),
      point(2, -5.0, Quality.uncertain("outside the range 0.0..100.0")),
      point(3, 20.0, Quality.GOOD),
      point(4, null, Quality.bad("Bad_SensorFailure")),
      point(5, 30.0, Quality.GOOD),
      point(6, 120.0, Quality.uncertain("outside the range 0.0..100.0")),
      point(7, 30.0, Quality.uncertain("STALE: no sample for 700 ms")),
      point(8, 100.0, Quality.GOOD), // the top bound: clean, and in the last class, which is closed
      point(9, 25.0, Quality.GOOD));
  private static final HistoryPoints RECORDED = (property, from, to) -> HISTORY.stream()
      .filter(p -> property.equals("tank.temperature") && !p.time().isBefore(from) && p.time().isBefore(to)).toList();

  private final TestDataGrader grader = new TestDataGrader(TANK);

  private static StoredPoint point(int second, Double value, Quality q) {
    Instant t = T0.plusSeconds(second);
    return new StoredPoint(t, value, q, t);
  }

  /** The right figures of the window 08:00:00 to 08:00:10. */
  private static Map<String, Object> right() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("property", "tank.temperature");
    f.put("from", "2026-03-01T08:00:00Z");
    f.put("to", "2026-03-01T08:00:10Z");
    f.put("source", "offline");
    f.put("samples", 10);
    f.put("unknown", 2);
    f.put("out_of_range", 2);
    f.put("min", 10.0);
    f.put("max", 100.0);
    f.put("mean", 33.333);
    f.put("bounds", List.of(0, 15, 25, 100));
    f.put("counts", List.of(1, 2, 3));
    return f;
  }

  private ActionOutcome grade(Map<String, Object> fields) {
    return grader.grade(TestDataReader.read(fields, TANK, NOW), RECORDED);
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> f = right();
    if (value == null) f.remove(field);
    else f.put(field, value);
    return f;
  }

  @Test
  void theRightFiguresAllMatchTheHistory() {
    ActionOutcome o = grade(right());
    assertThat(o.accepted()).isTrue();
    for (String f : List.of("samples", "unknown", "out_of_range", "min", "max", "mean", "counts")) {
      assertThat(o.result()).as(f).containsEntry("matches." + f, "true");
    }
    assertThat(o.result()).containsEntry("figures", "7").containsEntry("matched", "7").containsEntry("window_s", "10")
        .containsEntry("dirty", "true");
    assertThat(o.detail()).isEqualTo("7 of 7 figures match the twin's history of tank.temperature");
  }

  @Test
  void theTrueFiguresAreNeverRecorded() {
    ActionOutcome o = grade(with("mean", 50.0));
    assertThat(o.result()).containsEntry("matches.mean", "false").containsEntry("matched", "6");
    assertThat(o.result().values()).doesNotContain("33.333", "33.33333333333333", "100", "-5", "120"); // the true mean, max, rejected values
    assertThat(o.detail()).doesNotContain("33.3");
  }

  /** Each figure wrong by just more than its tolerance is caught, and only that one. */
  @ParameterizedTest
  @CsvSource({"samples, 12", "samples, 8", "unknown, 0", "out_of_range, 4", "min, 9.8", "min, 10.2", "max, 99.8", "mean, 33.2",
      "mean, 33.45", "mean, 21.25"})
  void eachWrongFigureIsCaught(String figure, double wrong) {
    ActionOutcome o = grade(with(figure, TestDataFigures.COUNTS.contains(figure) ? (Object) (long) wrong : wrong));
    assertThat(o.result()).containsEntry("matches." + figure, "false").containsEntry("matched", "6");
  }

  /** Counts within 1, values within 0.1 % of the range (0.1 °C on 0-100 °C), both edges included. */
  @ParameterizedTest
  @CsvSource({"samples, 11, true", "samples, 9, true", "samples, 12, false", "unknown, 3, true", "out_of_range, 1, true",
      "min, 10.1, true", "min, 9.9, true", "min, 10.11, false", "max, 99.9, true", "max, 99.89, false",
      "mean, 33.4333, true", "mean, 33.2334, true", "mean, 33.444, false", "mean, 33.222, false"})
  void toleranceEdges(String figure, double given, boolean matches) {
    ActionOutcome o = grade(with(figure, TestDataFigures.COUNTS.contains(figure) ? (Object) (long) given : given));
    assertThat(o.result()).containsEntry("matches." + figure, Boolean.toString(matches));
  }

  @Test
  void aClassCountOffByMoreThanOneFailsTheTable() {
    assertThat(grade(with("counts", List.of(1, 2, 5))).result()).containsEntry("matches.counts", "false");
    assertThat(grade(with("counts", List.of(2, 1, 4))).result()).containsEntry("matches.counts", "true");
    assertThat(grade(with("counts", List.of(3, 2, 3))).result()).containsEntry("matches.counts", "false");
  }

  @Test
  void uncleanedFiguresDoNotMatch() {
    // the mean and extremes of every reading with a value, rejected ones included
    ActionOutcome o = grade(with("min", -5.0));
    assertThat(o.result()).containsEntry("matches.min", "false");
    Map<String, Object> raw = right();
    raw.put("max", 120.0);
    raw.put("mean", (10 + 15 - 5 + 20 + 30 + 120 + 30 + 100 + 25) / 9.0);
    raw.put("unknown", 0);
    assertThat(grade(raw).result()).containsEntry("matches.max", "false").containsEntry("matches.mean", "false")
        .containsEntry("matches.unknown", "false").containsEntry("matched", "4");
  }

  @Test
  void onlyTheFiguresGivenAreJudged() {
    Map<String, Object> f = new LinkedHashMap<>(Map.of("property", "tank.temperature", "from", "-60s", "to", "-50s", "source", "online"));
    f.put("samples", 10);
    ActionOutcome o = grade(f);
    assertThat(o.result()).containsEntry("matches.samples", "true").containsEntry("figures", "1").doesNotContainKey("matches.mean")
        .doesNotContainKey("matches.counts");
  }

  @Test
  void aWindowWithNoCleanReadingMatchesNoValueFigure() {
    Map<String, Object> f = new LinkedHashMap<>(Map.of("property", "tank.temperature", "from", "2026-03-01T08:00:02Z",
        "to", "2026-03-01T08:00:03Z", "source", "online", "samples", 1, "out_of_range", 1, "min", 0));
    ActionOutcome o = grade(f);
    assertThat(o.result()).containsEntry("matches.samples", "true").containsEntry("matches.out_of_range", "true")
        .containsEntry("matches.min", "false").containsEntry("dirty", "true");
    Map<String, Object> clean = new LinkedHashMap<>(Map.of("property", "tank.temperature", "from", "2026-03-01T08:00:00Z",
        "to", "2026-03-01T08:00:02Z", "source", "online", "samples", 2));
    assertThat(grade(clean).result()).containsEntry("dirty", "false");
  }

  /** A malformed submission is refused with the field at fault. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "property | tank.temprature | property",
      "property | pump.running | property",
      "source | cloud | source",
      "from | yesterday | from",
      "to | 2026-03-01T08:02:00Z | to",
      "from | 2026-03-01T06:00:00Z | from",
      "samples | -1 | samples",
      "samples | 2.5 | samples",
      "mean | many | mean"})
  void aMalformedSubmissionIsRefusedNamingTheField(String field, String value, String named) {
    Object v = value.matches("-?[0-9.]+") ? (Object) Double.parseDouble(value) : value;
    assertThatThrownBy(() -> grade(with(field, v))).isInstanceOfSatisfying(TwinRequestException.class,
        e -> assertThat(e.field()).isEqualTo(named));
  }

  @Test
  void aMalformedTableOrAnUnknownFieldIsRefused() {
    assertRefused(with("bounds", List.of(0, 25, 15, 100)), "bounds[2]");
    assertRefused(with("counts", List.of(1, 2)), "counts");
    assertRefused(with("counts", null), "counts");
    assertRefused(with("counts", List.of(1, -2, 3)), "counts[1]");
    assertRefused(with("bounds", "0,15,25,100"), "bounds");
    assertRefused(with("matches.mean", "true"), "matches.mean"); // no field may pose as the grading
    assertRefused(with("source", null), "source");
    Map<String, Object> none = new LinkedHashMap<>(Map.of("property", "tank.temperature", "from", "-1m", "to", "now", "source", "online"));
    assertRefused(none, "samples");
  }

  private void assertRefused(Map<String, Object> fields, String named) {
    assertThatThrownBy(() -> grade(fields)).isInstanceOfSatisfying(TwinRequestException.class,
        e -> assertThat(e.field()).isEqualTo(named));
  }

  /** On the simulated station the figures are judged against the station's own record of its twin. */
  @Test
  void theSimulatedStationJudgesAgainstItsTwinsHistory() throws Exception {
    VirtualTime time = new VirtualTime(VirtualRun.EPOCH);
    SimulatedStation s = new SimulatedStation(TANK, time);
    List<Instant> levelChanges = new ArrayList<>();
    s.follow((signal, at, value) -> {
      if (signal.equals("twin.tank.level")) levelChanges.add(at);
    });
    s.prepare(new Setup(Map.of("pid.setpoint", 400), false, 3, "running", List.of()));
    for (int i = 0; i < 300; i++) {
      time.advance(Duration.ofMillis(100));
      s.advance(Duration.ofMillis(100));
    }
    Instant from = time.instant().minusSeconds(20);
    long heard = levelChanges.stream().filter(t -> !t.isBefore(from) && t.isBefore(time.instant())).count();
    assertThat(heard).as("the level moves towards its setpoint").isGreaterThan(10);
    ActionOutcome refused = s.perform("cand", "test_data", Map.of("property", "tank.level", "from", "-20s", "to", "now", "source", "usb",
        "samples", heard));
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.detail()).startsWith("source: ");
    ActionOutcome judged = s.perform("cand", "test_data", Map.of("property", "tank.level", "from", "-20s", "to", "now", "source", "online",
        "samples", heard));
    assertThat(judged.result()).containsEntry("matches.samples", "true").containsEntry("window_s", "20").containsEntry("dirty", "false");
    ActionOutcome wrong = s.perform("cand", "test_data", Map.of("property", "tank.level", "from", "-20s", "to", "now", "source", "online",
        "samples", heard + 2));
    assertThat(wrong.result()).containsEntry("matches.samples", "false");
  }
}
