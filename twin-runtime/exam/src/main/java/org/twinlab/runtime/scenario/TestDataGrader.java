package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * Judges submitted test data (standard clauses L5 2.2.1, L4 2.2.1–2.2.2) against the twin's own
 * recorded history of the same property and window: the grader extracts and cleans the points by
 * {@link TestDataFigures}' rule and compares each figure given.
 *
 * <p>Recorded with the action: {@code matches.<figure>=true|false} for each figure given
 * ({@code samples}, {@code unknown}, {@code out_of_range}, {@code min}, {@code max}, {@code mean},
 * {@code counts} for a frequency table), {@code figures} (how many were given), {@code matched},
 * {@code window_s} (the window's length) and {@code dirty} (whether the window held points to reject).
 * The true figures are not recorded: the candidate sees the result, and must not be handed the answer.
 *
 * <p>Tolerances: a count (of points, or of a class) matches within {@value #COUNT_TOLERANCE} of the
 * true one, a point sampled at the window's edge either way; min, max and mean within 0.1 % of the
 * property's range (0.1 °C on 0–100 °C), or of the true value (at least 0.01) for a property without one.
 */
public final class TestDataGrader {
  static final long COUNT_TOLERANCE = 1;
  static final double VALUE_SHARE = 0.001;

  private final TwinModel model;

  public TestDataGrader(TwinModel model) {
    this.model = model;
  }

  public ActionOutcome grade(TestDataSubmission s, HistoryPoints history) {
    PropertyDef def = model.property(s.property()).orElseThrow();
    TestDataFigures truth = TestDataFigures.of(history.points(s.property(), s.from(), s.to()), def);
    Map<String, String> result = new LinkedHashMap<>();
    int given = 0;
    int matched = 0;
    for (var f : s.figures().entrySet()) {
      boolean ok = matches(f.getKey(), f.getValue(), truth.figure(f.getKey()), def);
      result.put("matches." + f.getKey(), Boolean.toString(ok));
      given++;
      if (ok) matched++;
    }
    if (!s.counts().isEmpty()) {
      List<Long> trueCounts = truth.classCounts(s.bounds());
      boolean ok = true;
      for (int i = 0; i < trueCounts.size(); i++) ok &= Math.abs(s.counts().get(i) - trueCounts.get(i)) <= COUNT_TOLERANCE;
      result.put("matches.counts", Boolean.toString(ok));
      given++;
      if (ok) matched++;
    }
    result.put("figures", Integer.toString(given));
    result.put("matched", Integer.toString(matched));
    result.put("window_s", Long.toString(Duration.between(s.from(), s.to()).toSeconds()));
    result.put("dirty", Boolean.toString(truth.dirty()));
    return new ActionOutcome(true, matched + " of " + given + " figures match the twin's history of " + s.property(), result);
  }

  /** Whether a given figure is the true one within its tolerance; a figure of no clean point matches nothing. */
  static boolean matches(String figure, double given, Double truth, PropertyDef def) {
    if (truth == null) return false;
    if (TestDataFigures.COUNTS.contains(figure)) return Math.abs(given - truth) <= COUNT_TOLERANCE;
    return Math.abs(given - truth) <= valueTolerance(def, truth) + 1e-9;
  }

  static double valueTolerance(PropertyDef def, double truth) {
    return def.range().map(r -> (r.max() - r.min()) * VALUE_SHARE).orElse(Math.max(0.01, Math.abs(truth) * VALUE_SHARE));
  }
}
