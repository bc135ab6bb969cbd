package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;

/**
 * What every history store must do, run against each store: the embedded one and InfluxDB. Each test
 * writes under its own twin id, so one store can serve the whole suite.
 */
public abstract class HistoryStoreContract {
  private static final AtomicInteger TWINS = new AtomicInteger();
  /** A minute boundary an hour ago: recent enough for any retention, aligned for step checks. */
  protected static final Instant T0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);

  protected abstract HistoryStore store();

  /** Called after writes before reads, for stores whose writes become readable a moment later. */
  protected void settle() {}

  protected static String newTwin() {
    return "twin_" + TWINS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100_000, 36);
  }

  protected static HistoryPoint number(String twin, String property, double value, Instant t) {
    return new HistoryPoint(twin, "tank_process", property, ValueKind.NUMBER, "mm", value, Quality.GOOD, t,
        t.plusMillis(3), "station-1", null);
  }

  private static HistoryPoint point(String twin, String property, ValueKind kind, Object value, Quality q, Instant t,
      String session) {
    return new HistoryPoint(twin, "tank_process", property, kind, "", value, q, t, t.plusMillis(3), "station-1", session);
  }

  private List<Series> raw(String twin, Instant from, Instant to) throws HistoryException {
    settle();
    return store().raw(HistoryQuery.twin(twin, from, to));
  }

  @Test
  void pointsReadBackOldestFirstWithQualityAndReceivedTime() throws Exception {
    String twin = newTwin();
    store().append(List.of(
        number(twin, "level", 12.5, T0.plusMillis(200)),
        number(twin, "level", 10.25, T0.plusMillis(100)),
        new HistoryPoint(twin, "tank_process", "level", ValueKind.NUMBER, "mm", 13.0,
            Quality.uncertain("STALE: no sample for 900 ms"), T0.plusMillis(300), T0.plusMillis(250), "station-1", null)));

    List<Series> series = raw(twin, T0, T0.plusSeconds(1));

    assertThat(series).hasSize(1);
    Series s = series.get(0);
    assertThat(s.key().twin()).isEqualTo(twin);
    assertThat(s.key().property()).isEqualTo("level");
    assertThat(s.key().model()).isEqualTo("tank_process");
    assertThat(s.key().station()).isEqualTo("station-1");
    assertThat(s.points()).extracting(StoredPoint::value).containsExactly(10.25, 12.5, 13.0);
    assertThat(s.points()).extracting(StoredPoint::time)
        .containsExactly(T0.plusMillis(100), T0.plusMillis(200), T0.plusMillis(300));
    assertThat(s.points().get(0).receivedTime()).isEqualTo(T0.plusMillis(103));
    assertThat(s.points().get(0).quality()).isEqualTo(Quality.GOOD);
    assertThat(s.points().get(2).quality()).isEqualTo(Quality.uncertain("STALE: no sample for 900 ms"));
  }

  @Test
  void everyKindOfValueKeepsItsType() throws Exception {
    String twin = newTwin();
    store().append(List.of(
        point(twin, "count", ValueKind.INTEGER, 42L, Quality.GOOD, T0.plusMillis(10), null),
        point(twin, "running", ValueKind.BOOLEAN, true, Quality.GOOD, T0.plusMillis(20), null),
        point(twin, "running", ValueKind.BOOLEAN, false, Quality.GOOD, T0.plusMillis(30), null),
        point(twin, "mode", ValueKind.TEXT, "自动 AUTO, \"quoted\"", Quality.GOOD, T0.plusMillis(40), null),
        point(twin, "speed", ValueKind.NUMBER, null, Quality.bad("Bad_CommunicationError"), T0.plusMillis(50), null)));

    List<Series> series = raw(twin, T0, T0.plusSeconds(1));

    assertThat(series).extracting(s -> s.key().property()).containsExactlyInAnyOrder("count", "running", "mode", "speed");
    assertThat(values(series, "count")).containsExactly(42L);
    assertThat(values(series, "running")).containsExactly(true, false);
    assertThat(values(series, "mode")).containsExactly("自动 AUTO, \"quoted\"");
    Series speed = find(series, "speed");
    assertThat(speed.points()).hasSize(1);
    assertThat(speed.points().get(0).value()).isNull();
    assertThat(speed.points().get(0).quality()).isEqualTo(Quality.bad("Bad_CommunicationError"));
  }

  @Test
  void theWindowIncludesItsStartAndExcludesItsEnd() throws Exception {
    String twin = newTwin();
    store().append(List.of(number(twin, "level", 1, T0), number(twin, "level", 2, T0.plusSeconds(1)),
        number(twin, "level", 3, T0.plusSeconds(2))));

    assertThat(values(raw(twin, T0, T0.plusSeconds(2)), "level")).containsExactly(1.0, 2.0);
    assertThat(values(raw(twin, T0.plusMillis(1), T0.plusSeconds(3)), "level")).containsExactly(2.0, 3.0);
    assertThat(raw(twin, T0.plusSeconds(10), T0.plusSeconds(20))).as("series without points in the window").isEmpty();
  }

  @Test
  void queriesSelectTwinsPropertiesAndSessions() throws Exception {
    String a = newTwin();
    String b = newTwin();
    String session = "exam-" + a;
    store().append(List.of(
        point(a, "level", ValueKind.NUMBER, 1.0, Quality.GOOD, T0.plusMillis(1), session),
        point(a, "flow", ValueKind.NUMBER, 2.0, Quality.GOOD, T0.plusMillis(2), session),
        point(b, "level", ValueKind.NUMBER, 3.0, Quality.GOOD, T0.plusMillis(3), session),
        point(b, "level", ValueKind.NUMBER, 4.0, Quality.GOOD, T0.plusMillis(4), null)));
    settle();

    List<Series> onlyLevel = store().raw(HistoryQuery.twin(a, T0, T0.plusSeconds(1)).withProperties(Set.of("level")));
    assertThat(onlyLevel).extracting(s -> s.key().property()).containsExactly("level");

    List<Series> bySession = store().raw(HistoryQuery.session(session, T0, T0.plusSeconds(1)));
    assertThat(bySession.stream().flatMap(s -> s.points().stream()).map(StoredPoint::value))
        .containsExactlyInAnyOrder(1.0, 2.0, 3.0);
    assertThat(bySession).allSatisfy(s -> assertThat(s.key().session()).isEqualTo(session));

    List<Series> allOfB = store().raw(HistoryQuery.twin(b, T0, T0.plusSeconds(1)));
    assertThat(allOfB.stream().flatMap(s -> s.points().stream()).map(StoredPoint::value)).containsExactlyInAnyOrder(3.0, 4.0);
  }

  @Test
  void stepsSummariseMeanMinMaxLastAndCountOnWholeSteps() throws Exception {
    String twin = newTwin();
    List<HistoryPoint> points = new ArrayList<>();
    // 10 s steps: 0..9 s holds 1..10, 10..19 s holds 11..20, nothing in 20..29 s, 30 s holds 100
    for (int i = 0; i < 20; i++) points.add(number(twin, "level", i + 1, T0.plusSeconds(i)));
    points.add(number(twin, "level", 100, T0.plusSeconds(30)));
    points.add(point(twin, "mode", ValueKind.TEXT, "FILL", Quality.GOOD, T0.plusSeconds(1), null));
    points.add(point(twin, "mode", ValueKind.TEXT, "DRAIN", Quality.GOOD, T0.plusSeconds(5), null));
    store().append(points);
    settle();

    List<SteppedSeries> stepped = store().stepped(HistoryQuery.twin(twin, T0, T0.plusSeconds(40)), Duration.ofSeconds(10));

    SteppedSeries level = stepped.stream().filter(s -> s.key().property().equals("level")).findFirst().orElseThrow();
    assertThat(level.steps()).extracting(Step::start).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(30));
    Step first = level.steps().get(0);
    assertThat(first.count()).isEqualTo(10);
    assertThat(first.mean()).isCloseTo(5.5, within(1e-9));
    assertThat(first.min()).isEqualTo(1.0);
    assertThat(first.max()).isEqualTo(10.0);
    assertThat(first.last()).isEqualTo(10.0);
    assertThat(level.steps().get(1).mean()).isCloseTo(15.5, within(1e-9));
    assertThat(level.steps().get(2).last()).isEqualTo(100.0);

    SteppedSeries mode = stepped.stream().filter(s -> s.key().property().equals("mode")).findFirst().orElseThrow();
    assertThat(mode.steps()).hasSize(1);
    assertThat(mode.steps().get(0).last()).isEqualTo("DRAIN");
    assertThat(mode.steps().get(0).count()).isEqualTo(2);
    assertThat(mode.steps().get(0).mean()).isNull();
  }

  @Test
  void theValueInForceWhenTheWindowOpensIsTheLastPointBeforeIt() throws Exception {
    String twin = newTwin();
    store().append(List.of(number(twin, "speed", 0.3, T0.minusSeconds(50)), number(twin, "speed", 0.48, T0.minusSeconds(20)),
        number(twin, "speed", 0.5, T0.plusSeconds(5)), number(twin, "later", 1, T0.plusSeconds(1))));
    settle();

    List<Series> before = store().latestBefore(HistoryQuery.twin(twin, T0, T0.plusSeconds(60)));

    assertThat(before).extracting(s -> s.key().property()).containsExactly("speed");
    assertThat(before.get(0).points()).extracting(StoredPoint::value).containsExactly(0.48);
    assertThat(before.get(0).points().get(0).time()).isEqualTo(T0.minusSeconds(20));
  }

  @Test
  void writingTheSamePointTwiceKeepsOne() throws Exception {
    String twin = newTwin();
    HistoryPoint p = number(twin, "level", 7, T0.plusMillis(5));
    store().append(List.of(p));
    store().append(List.of(p));

    assertThat(values(raw(twin, T0, T0.plusSeconds(1)), "level")).containsExactly(7.0);
  }

  @Test
  void deleteBeforeRemovesOnlyOlderPoints() throws Exception {
    String twin = newTwin();
    store().append(List.of(number(twin, "level", 1, T0.minus(Duration.ofDays(40))), number(twin, "level", 2, T0)));
    settle();

    store().deleteBefore(T0.minus(Duration.ofDays(30)));

    assertThat(values(raw(twin, T0.minus(Duration.ofDays(41)), T0.plusSeconds(1)), "level")).containsExactly(2.0);
  }

  @Test
  void aLargeBatchIsReadBackWhole() throws Exception {
    String twin = newTwin();
    List<HistoryPoint> points = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) points.add(number(twin, "p" + (i % 20), i, T0.plusMillis(i)));
    store().append(points);

    List<Series> series = raw(twin, T0, T0.plusSeconds(60));

    assertThat(series).hasSize(20);
    assertThat(series.stream().mapToInt(s -> s.points().size()).sum()).isEqualTo(20_000);
    assertThat(find(series, "p7").points().get(1).value()).isEqualTo(27.0);
  }

  @Test
  void latePointsFromLaterAppendsAreReadBackInTimeOrder() throws Exception {
    String twin = newTwin();
    store().append(List.of(number(twin, "level", 3, T0.plusSeconds(3)), number(twin, "level", 4, T0.plusSeconds(4))));
    store().append(List.of(number(twin, "level", 1, T0.plusSeconds(1)), number(twin, "level", 5, T0.plusSeconds(5))));
    store().append(List.of(number(twin, "level", 2, T0.plusSeconds(2)), number(twin, "level", 3.5, T0.plusMillis(3500))));
    store().append(List.of(number(twin, "level", 0, T0)));

    assertThat(values(raw(twin, T0, T0.plusSeconds(10)), "level")).containsExactly(0.0, 1.0, 2.0, 3.0, 3.5, 4.0, 5.0);
    assertThat(values(raw(twin, T0.plusMillis(1500), T0.plusMillis(4500)), "level")).containsExactly(2.0, 3.0, 3.5, 4.0);
    List<SteppedSeries> steps = store().stepped(HistoryQuery.twin(twin, T0, T0.plusSeconds(10)), Duration.ofSeconds(2));
    assertThat(steps.get(0).steps()).extracting(Step::count).containsExactly(2L, 3L, 2L);
  }

  @Test
  void aPointWrittenAgainAtTheSameTimeAndReceiptIsKeptOnceWithItsLastValue() throws Exception {
    String twin = newTwin();
    Instant t = T0.plusMillis(500);
    store().append(List.of(number(twin, "level", 1, T0), number(twin, "level", 2, t), number(twin, "level", 3, T0.plusSeconds(1))));
    store().append(List.of(number(twin, "level", 20, t)));
    store().append(List.of(number(twin, "level", 21, t), number(twin, "level", 22, t)));
    // the same time received at another moment is a point of its own
    store().append(List.of(new HistoryPoint(twin, "tank_process", "level", ValueKind.NUMBER, "mm", 30.0, Quality.GOOD, t,
        t.plusMillis(50), "station-1", null)));

    Series level = find(raw(twin, T0, T0.plusSeconds(2)), "level");
    assertThat(level.points()).extracting(StoredPoint::value).containsExactly(1.0, 22.0, 30.0, 3.0);
    assertThat(level.points()).extracting(StoredPoint::receivedTime)
        .containsExactly(T0.plusMillis(3), t.plusMillis(3), t.plusMillis(50), T0.plusSeconds(1).plusMillis(3));
  }

  @Test
  void deleteBeforeCountsThePointsItRemovesAlsoFromABatchAcrossTheCutoff() throws Exception {
    String twin = newTwin();
    String other = newTwin();
    Instant base = T0.minus(Duration.ofDays(60));
    List<HistoryPoint> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) batch.add(number(twin, "level", i, base.plusSeconds(i)));
    batch.add(number(twin, "flow", 1, base.plusSeconds(2)));
    store().append(batch);
    store().append(List.of(number(twin, "level", 10, base.plusSeconds(10)), number(other, "level", 1, base)));
    settle();

    long removed = store().deleteBefore(twin, base.plusMillis(4500));

    assertThat(removed).as("level 0..4 and the flow point").isIn(6L, -1L);
    assertThat(values(raw(twin, base.minusSeconds(1), base.plusSeconds(20)), "level"))
        .containsExactly(5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    assertThat(raw(twin, base.minusSeconds(1), base.plusSeconds(20))).extracting(s -> s.key().property()).containsExactly("level");
    assertThat(values(raw(other, base.minusSeconds(1), base.plusSeconds(20)), "level")).as("another twin's").containsExactly(1.0);
    List<Series> before = store().latestBefore(HistoryQuery.twin(twin, base.plusSeconds(7), base.plusSeconds(20)));
    assertThat(before.get(0).points()).extracting(StoredPoint::value).containsExactly(6.0);
  }

  @Test
  void theValueInForceComesFromWhicheverAppendHeldTheLastPointBeforeTheWindow() throws Exception {
    String twin = newTwin();
    store().append(List.of(number(twin, "speed", 1, T0.minusSeconds(30)), number(twin, "speed", 4, T0.plusSeconds(5))));
    // written later, inside the first batch's time range
    store().append(List.of(number(twin, "speed", 2, T0.minusSeconds(10)), number(twin, "speed", 3, T0.plusSeconds(1))));
    settle();

    List<Series> before = store().latestBefore(HistoryQuery.twin(twin, T0, T0.plusSeconds(60)));
    assertThat(before.get(0).points()).extracting(StoredPoint::value).containsExactly(2.0);
    List<Series> later = store().latestBefore(HistoryQuery.twin(twin, T0.plusSeconds(3), T0.plusSeconds(60)));
    assertThat(later.get(0).points()).extracting(StoredPoint::value).containsExactly(3.0);
    assertThat(store().latestBefore(HistoryQuery.twin(twin, T0.minusSeconds(30), T0))).as("nothing before the first point").isEmpty();
  }

  @Test
  void textsAndQualityReasonsComeBackAsWritten() throws Exception {
    String twin = newTwin();
    List<HistoryPoint> points = new ArrayList<>();
    String[] modes = {"FILL", "", "DRAIN — 排水", "a,b\n\"c\""};
    Quality[] qualities = {Quality.GOOD, Quality.uncertain("STALE: no sample for 900 ms"), Quality.uncertain("STALE: no sample for 900 ms"),
        Quality.bad("Bad_CommunicationError")};
    for (int i = 0; i < modes.length; i++) {
      points.add(point(twin, "mode", ValueKind.TEXT, modes[i], qualities[i], T0.plusMillis(i * 10), null));
      points.add(point(twin, "level", ValueKind.NUMBER, i == 3 ? null : (double) i, qualities[i], T0.plusMillis(i * 10), null));
    }
    points.add(point(twin, "level", ValueKind.NUMBER, 9.0, Quality.GOOD, T0.plusMillis(100), null));
    store().append(points);

    List<Series> series = raw(twin, T0, T0.plusSeconds(1));
    assertThat(values(series, "mode")).containsExactly((Object[]) modes);
    assertThat(find(series, "mode").points()).extracting(StoredPoint::quality).containsExactly(qualities);
    Series level = find(series, "level");
    assertThat(level.points()).extracting(StoredPoint::value).containsExactly(0.0, 1.0, 2.0, null, 9.0);
    assertThat(level.points()).extracting(StoredPoint::quality)
        .containsExactly(qualities[0], qualities[1], qualities[2], qualities[3], Quality.GOOD);
  }

  protected static Series find(List<Series> series, String property) {
    return series.stream().filter(s -> s.key().property().equals(property)).findFirst()
        .orElseThrow(() -> new AssertionError("no series " + property + " in " + series));
  }

  protected static List<Object> values(List<Series> series, String property) {
    return find(series, property).points().stream().map(StoredPoint::value).toList();
  }
}
