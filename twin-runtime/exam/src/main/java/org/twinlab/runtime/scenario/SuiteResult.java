package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A graded test suite in full: each case's result on the correct twin, and which faulty variants
 * each case caught. It travels with the action as flat attributes beside the summary ones
 * ({@code cases}, {@code false_failures}, {@code variants}, {@code detected}, {@code detects.<variant>}):
 *
 * <pre>
 * case.&lt;n&gt;.name      the case's name (n counts from 1, in the suite's order)
 * case.&lt;n&gt;.result    pass | false_failure (on the correct twin)
 * case.&lt;n&gt;.why       what the correct twin showed: the expected state held, or why it did not
 * case.&lt;n&gt;.catches   the variants the case caught, comma-separated (none for a false failure)
 * caught_by.&lt;variant&gt; the numbers of the cases that caught it, comma-separated, empty when none did
 * </pre>
 */
public record SuiteResult(List<CaseResult> cases, List<String> variants) {

  public static final String PASS = "pass";
  public static final String FALSE_FAILURE = "false_failure";

  /** The variants in the order the graders know them: a test suite's faulty ones, a security script's insecure ones. */
  private static final List<String> KNOWN = Stream.concat(Mutant.KINDS.stream(), InsecureVariant.KINDS.stream()).toList();

  /** One case: whether it passed on the correct twin, why, and the variants it caught. */
  public record CaseResult(int number, String name, boolean passes, String why, List<String> catches) {
    public CaseResult {
      catches = List.copyOf(catches);
    }

    public boolean caught(String variant) {
      return catches.contains(variant);
    }
  }

  public SuiteResult {
    cases = List.copyOf(cases);
    variants = List.copyOf(variants);
  }

  /** The numbers of the cases that caught a variant. */
  public List<Integer> caughtBy(String variant) {
    return cases.stream().filter(c -> c.caught(variant)).map(CaseResult::number).toList();
  }

  public Map<String, String> attributes() {
    Map<String, String> out = new LinkedHashMap<>();
    for (CaseResult c : cases) {
      String at = "case." + c.number() + ".";
      out.put(at + "name", c.name());
      out.put(at + "result", c.passes() ? PASS : FALSE_FAILURE);
      out.put(at + "why", c.why());
      out.put(at + "catches", String.join(",", c.catches()));
    }
    for (String v : variants) {
      out.put("caught_by." + v, String.join(",", caughtBy(v).stream().map(String::valueOf).toList()));
    }
    return out;
  }

  /** Reads the result back from an action's recorded attributes; empty when they hold no graded suite. */
  public static Optional<SuiteResult> from(Map<String, String> attributes) {
    List<CaseResult> cases = new ArrayList<>();
    for (int n = 1; attributes.containsKey("case." + n + ".result"); n++) {
      String at = "case." + n + ".";
      String catches = attributes.getOrDefault(at + "catches", "");
      cases.add(new CaseResult(n, attributes.getOrDefault(at + "name", "case " + n), PASS.equals(attributes.get(at + "result")),
          attributes.getOrDefault(at + "why", ""), catches.isEmpty() ? List.of() : Arrays.asList(catches.split(","))));
    }
    List<String> variants = new ArrayList<>();
    for (String key : attributes.keySet()) {
      if (key.startsWith("detects.")) variants.add(key.substring("detects.".length()));
    }
    // recorded maps need not keep the grading's order: show variants in the order the grader knows them
    variants.sort((a, b) -> Integer.compare(order(a), order(b)));
    return cases.isEmpty() ? Optional.empty() : Optional.of(new SuiteResult(cases, variants));
  }

  private static int order(String variant) {
    int i = KNOWN.indexOf(variant);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
