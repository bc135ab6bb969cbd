package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * What grading any suite against variants of a twin application comes to, once each case has run
 * on the correct twin: a case that fails there is a false failure; a variant is detected when a case
 * that passes on the correct twin fails on it. Every case runs on every variant, so the result says
 * which cases caught which variant. Recorded as {@code cases}, {@code false_failures},
 * {@code variants}, {@code detected}, {@code detects.<kind>} and each case in full as
 * {@link SuiteResult} writes it.
 */
final class VariantGrading {

  /** One case's run on the correct twin application: whether it passed, and what the twin did. */
  record OnCorrect(boolean passed, String why) {}

  /** For one variant, built once, whether case i fails on it. */
  interface FailingCases<V> {
    IntPredicate on(V variant) throws IOException, InvalidInputException;
  }

  private VariantGrading() {}

  /**
   * @param names each case's name, in order
   * @param onCorrect each case's run on the correct twin, in the same order
   * @param variantsWord how the outcome names the variants ("faulty", "insecure")
   */
  static <V> ActionOutcome grade(List<String> names, List<OnCorrect> onCorrect, List<V> variants, Function<V, String> kind,
      FailingCases<V> failing, String variantsWord) throws IOException, InvalidInputException {
    int falseFailures = (int) onCorrect.stream().filter(r -> !r.passed()).count();
    List<List<String>> catches = new ArrayList<>();
    names.forEach(n -> catches.add(new ArrayList<>()));
    Map<String, String> result = new LinkedHashMap<>();
    int detected = 0;
    for (V v : variants) {
      IntPredicate fails = failing.on(v);
      boolean caught = false;
      for (int i = 0; i < names.size(); i++) {
        if (onCorrect.get(i).passed() && fails.test(i)) {
          catches.get(i).add(kind.apply(v));
          caught = true;
        }
      }
      if (caught) detected++;
      result.put("detects." + kind.apply(v), Boolean.toString(caught));
    }
    result.put("cases", Integer.toString(names.size()));
    result.put("false_failures", Integer.toString(falseFailures));
    result.put("variants", Integer.toString(variants.size()));
    result.put("detected", Integer.toString(detected));
    List<SuiteResult.CaseResult> perCase = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      perCase.add(new SuiteResult.CaseResult(i + 1, names.get(i), onCorrect.get(i).passed(), onCorrect.get(i).why(), catches.get(i)));
    }
    result.putAll(new SuiteResult(perCase, variants.stream().map(kind).toList()).attributes());
    return new ActionOutcome(true, detected + " of " + variants.size() + " " + variantsWord + " variants detected, "
        + falseFailures + " false failures in " + names.size() + " cases", result);
  }
}
