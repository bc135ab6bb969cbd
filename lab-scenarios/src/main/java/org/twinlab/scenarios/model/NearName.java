package org.twinlab.scenarios.model;

import java.util.Collection;
import java.util.Optional;

/** The known name a misspelt one most likely meant: a letter off, two swapped, one too many or too few. */
public final class NearName {
  private NearName() {}

  /** The closest known name within a few edits (more for longer names), if there is one. */
  public static Optional<String> to(String name, Collection<String> known) {
    int allowed = Math.max(1, Math.min(3, name.length() / 4));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name, k);
      if (d > 0 && d <= allowed && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** " (did you mean 'pid.setpoint'?)", or nothing when no known name is near. */
  public static String hint(String name, Collection<String> known) {
    return to(name, known).map(n -> " (did you mean '" + n + "'?)").orElse("");
  }

  /** Edits between two names, a swap of neighbours counting as one (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
