package org.twinlab.runtime.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Examiners' marks (0 to 3) on a station's judgement checks. Each examiner marks on their own; a
 * check's mark is the median of theirs (rounded half up), and marks two or more apart are flagged
 * for the examiners to talk over.
 */
public final class Marks {
  public static final int DISAGREEMENT = 2;
  private final Map<String, Map<String, Integer>> byCheck = new LinkedHashMap<>();
  private final Map<String, Map<String, java.time.Instant>> confirmedAt = new LinkedHashMap<>();

  synchronized void put(String check, String examiner, int mark) {
    byCheck.computeIfAbsent(check, k -> new TreeMap<>()).put(examiner, mark);
  }

  /** An examiner's own mark on a check, if they gave one. */
  synchronized java.util.Optional<Integer> of(String check, String examiner) {
    return java.util.Optional.ofNullable(byCheck.getOrDefault(check, Map.of()).get(examiner));
  }

  /** An examiner confirmed their mark on a check: it is theirs to change no more. */
  synchronized void confirm(String check, String examiner, java.time.Instant at) {
    confirmedAt.computeIfAbsent(check, k -> new TreeMap<>()).put(examiner, at);
  }

  synchronized boolean confirmed(String check, String examiner) {
    return confirmedAt.getOrDefault(check, Map.of()).containsKey(examiner);
  }

  /** When each examiner confirmed their mark, by check. */
  synchronized Map<String, Map<String, java.time.Instant>> confirmations() {
    Map<String, Map<String, java.time.Instant>> out = new LinkedHashMap<>();
    confirmedAt.forEach((c, m) -> out.put(c, Map.copyOf(m)));
    return out;
  }

  /** Every examiner's mark, by check. */
  synchronized Map<String, Map<String, Integer>> all() {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    byCheck.forEach((c, m) -> out.put(c, Map.copyOf(m)));
    return out;
  }

  /** The combined mark of every check marked so far. */
  synchronized Map<String, Integer> combined() {
    Map<String, Integer> out = new LinkedHashMap<>();
    byCheck.forEach((c, m) -> out.put(c, median(new ArrayList<>(m.values()))));
    return out;
  }

  /** Checks whose marks lie {@value #DISAGREEMENT} or more apart. */
  synchronized List<String> disagreements() {
    List<String> out = new ArrayList<>();
    byCheck.forEach((c, m) -> {
      int lo = m.values().stream().mapToInt(Integer::intValue).min().orElse(0);
      int hi = m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      if (hi - lo >= DISAGREEMENT) out.add(c);
    });
    return out;
  }

  public static int median(List<Integer> marks) {
    List<Integer> sorted = marks.stream().sorted().toList();
    int n = sorted.size();
    if (n % 2 == 1) return sorted.get(n / 2);
    // between two middle marks: half up, so 1 and 2 give 2
    return (sorted.get(n / 2 - 1) + sorted.get(n / 2) + 1) / 2;
  }
}
