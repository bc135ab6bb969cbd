package org.twinlab.scenarios.engine;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes hidden faults' names out of a verdict's reason before a candidate reads it. A reason can
 * name events it counted ("0 fault.inlet_stuck events in the window"), so a visible check over a
 * hidden fault would otherwise give the fault away.
 */
final class ReasonMask {
  static final String HIDDEN = "(not disclosed)";

  private final List<Pattern> patterns;

  ReasonMask(Set<String> hiddenFaults) {
    // the longest first, so that a fault whose id holds another's is masked whole
    this.patterns = hiddenFaults.stream().sorted((a, b) -> b.length() - a.length())
        .map(id -> Pattern.compile("(?<![\\w-])(fault\\.)?" + Pattern.quote(id) + "(?![\\w-])")).toList();
  }

  String apply(String reason) {
    String out = reason;
    for (Pattern p : patterns) out = p.matcher(out).replaceAll(Matcher.quoteReplacement(HIDDEN));
    return out;
  }
}
