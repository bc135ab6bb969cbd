package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.wire.AlarmView;
import org.twinlab.wire.ChangeView;
import org.twinlab.wire.JsonText;
import org.twinlab.wire.PropertyView;

/**
 * The live feed writes each change's JSON straight to text; every character of it is what the JSON
 * library writes for the same view's tree, over the values, strings and times a rig can produce.
 */
class ChangeJsonTest {
  static final List<Object> VALUES = List.of(231.5, -0.0, 0.0, 1e-7, 1.0e21, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5f, Float.NaN, 12664L, Long.MIN_VALUE, Long.MAX_VALUE, 7, true,
      false, "OPEN", "", "Online");

  static List<String> strings() {
    List<String> out = new ArrayList<>(List.of("plain", "quote \" and backslash \\ and slash /", "水位 上午考核 第一场", "emoji 😀",
        "lone surrogate \uD800 here", "\u007F delete and \u0085 next line and \u2028 separator"));
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) controls.append(c).append('x');
    out.add(controls.toString());
    return out;
  }

  static final List<Instant> TIMES = List.of(Instant.parse("2026-03-02T09:15:30Z"), Instant.parse("2026-03-02T09:15:30.250Z"),
      Instant.parse("2026-03-02T09:15:30.000250Z"), Instant.parse("2026-03-02T09:15:30.000000250Z"),
      Instant.parse("2026-03-02T09:15:30.123456789Z"), Instant.parse("2026-03-02T09:15:31.001Z"), Instant.EPOCH,
      Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
      Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T12:00:00.5Z"), Instant.MIN, Instant.MAX);

  static String direct(ChangeView c, boolean withEvent) {
    StringBuilder out = new StringBuilder();
    c.writeJson(out, withEvent);
    return out.toString();
  }

  static String library(ChangeView c, boolean withEvent) {
    return new JsonObject(withEvent ? c.toMap() : c.toDataMap()).encode();
  }

  static void sameAsTheLibrary(ChangeView c) {
    assertThat(direct(c, true)).isEqualTo(library(c, true));
    assertThat(direct(c, false)).isEqualTo(library(c, false));
  }

  @Test
  void everyValueIsWrittenAsTheLibraryWritesIt() {
    for (Object v : VALUES) {
      sameAsTheLibrary(new ChangeView.PropertyChange("tank-1", new PropertyView("tank.level", v, "mm", "GOOD", "",
          TIMES.get(1), TIMES.get(2))));
    }
  }

  @Test
  void everyStringIsEscapedAsTheLibraryEscapesIt() {
    for (String s : strings()) {
      sameAsTheLibrary(new ChangeView.PropertyChange(s, new PropertyView(s, s, s, "UNCERTAIN", s, TIMES.get(0), null)));
    }
  }

  @Test
  void everyTimeIsWrittenAsInstantWritesIt() {
    for (Instant a : TIMES) {
      for (Instant b : TIMES) {
        sameAsTheLibrary(new ChangeView.PropertyChange("t", new PropertyView("p", 1L, null, "BAD", "connection lost", a, b)));
      }
    }
    // the second's text is reused while times stay in it, and made again when they leave it
    Instant t = Instant.parse("2026-03-02T09:15:59.900Z");
    for (int i = 0; i < 30; i++, t = t.plusMillis(7)) {
      StringBuilder out = new StringBuilder();
      JsonText.time(out, t);
      assertThat(out).hasToString("\"" + t + "\"");
    }
  }

  @Test
  void alarmsAndLifecycleAreTheirTreesAsText() {
    AlarmView raised = new AlarmView("level_high", "major", true, "Tank level \"high\"", "tank.level > 450", TIMES.get(1),
        Optional.empty(), Optional.empty());
    AlarmView acknowledged = new AlarmView("estop", "critical", false, "急停", "panel.estop", TIMES.get(1), Optional.of(TIMES.get(2)),
        Optional.of(new AlarmView.Acknowledgement("exam1", TIMES.get(3))));
    sameAsTheLibrary(new ChangeView.AlarmChange("tank-1", raised));
    sameAsTheLibrary(new ChangeView.AlarmChange("tank-1", acknowledged));
    sameAsTheLibrary(new ChangeView.LifecycleChange("tank-1", "PAUSED"));
  }

  @Test
  void aValueOfNoJsonKindIsRefusedByTheWriterSoTheFeedFallsBack() {
    StringBuilder out = new StringBuilder();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonText.scalar(out, new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
