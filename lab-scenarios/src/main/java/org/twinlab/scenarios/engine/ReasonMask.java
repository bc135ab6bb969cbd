package org.twinlab.scenarios.engine;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes hidden faults' names and the rig's own readings out of a verdict's reason before a
 * candidate reads it. A reason can name events it counted ("0 fault.inlet_stuck events in the
 * window"), so a visible check over a hidden fault would otherwise give the fault away; and it can
 * quote the values it read ("true at +300.0 s: rig.tank.level = 491.2"), while the rig's ground
 * truth is what a candidate must find out through the twin, not be told.
 */
final class ReasonMask {
  static final String HIDDEN = "(not disclosed)";

  private static final Pattern RIG_READING = Pattern.compile("(rig\\.[\\w.]+) = [^,]*");

  private final List<Pattern> patterns;

  ReasonMask(Set<String> hiddenFaults) {
    // the longest first, so that a fault whose id holds another's is masked whole
    this.patterns = hiddenFaults.stream().sorted((a, b) -> b.length() - a.length())
        .map(id -> Pattern.compile("(?<![\\w-])(fault\\.)?" + Pattern.quote(id) + "(?![\\w-])")).toList();
  }

  String apply(String reason) {
    String out = RIG_READING.matcher(reason).replaceAll("$1 = " + Matcher.quoteReplacement(HIDDEN));
    for (Pattern p : patterns) out = p.matcher(out).replaceAll(Matcher.quoteReplacement(HIDDEN));
    return out;
  }
}
