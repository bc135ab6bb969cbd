package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.expr.Expr;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.scenarios.check.CheckParser;
import org.twinlab.scenarios.model.StationRigs;

/**
 * A watch a candidate sets on the platform (standard clause L3 4.1.1, monitoring with tools):
 * {@code {name, condition, delay}}. It fires when its condition, over what the twin shows
 * ({@code twin.*}, {@code alarm.*}), has held for its delay, and fires again only once the
 * condition has stopped holding: a threshold with a delay, as a monitoring tool has it.
 *
 * @param who the candidate who set it
 */
public record WatchRule(String name, Expr condition, String conditionText, Duration delay, String who) {
  public static final List<String> FIELDS = List.of("name", "condition", "delay");
  static final Duration MAX_DELAY = Duration.ofMinutes(10);
  static final int MAX_CONDITION = 500;

  /** A watch refused, with the field at fault. */
  public static final class Invalid extends IllegalArgumentException {
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * Reads a watch as the platform takes it: a name (lower case, digits, - and _), a condition that
   * reads the twin only and names what the station has, a delay from 0 to 10 minutes (0 unless given).
   *
   * @param rigs the station's rigs, whose names the condition must use; null when they were checked already
   */
  public static WatchRule read(Map<String, Object> fields, StationRigs rigs, String who) {
    for (String k : fields.keySet()) {
      if (!FIELDS.contains(k)) throw new Invalid(k, "a watch has name, condition and delay");
    }
    if (!(fields.get("name") instanceof String name) || !name.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
      throw new Invalid("name", "a name of up to 40 lower-case letters, digits, - and _");
    }
    if (!(fields.get("condition") instanceof String text) || text.isBlank()) {
      throw new Invalid("condition", "what the watch fires on, e.g. twin.tank.level > 330");
    }
    // judged on every tick: a candidate may not make the run's ticks as long as they like
    if (text.length() > MAX_CONDITION) throw new Invalid("condition", "at most " + MAX_CONDITION + " characters");
    Expr condition;
    try {
      condition = CheckParser.parseExpression(text);
    } catch (ExprSyntaxException e) {
      throw new Invalid("condition", "column " + e.column() + ": " + e.getMessage());
    }
    for (Expr ref : CheckParser.references(condition)) {
      if (!(ref instanceof Expr.Signal s) || s.name().startsWith("rig.")) {
        throw new Invalid("condition", "a watch reads what the twin shows (twin.*, alarm.*), not the rig nor events");
      }
      String rest = s.name().substring(s.name().indexOf('.') + 1);
      if (rigs == null) continue;
      if (s.name().startsWith("alarm.") && !rigs.hasAlarm(rest)) throw new Invalid("condition", rigs.lacksAlarm(rest));
      if (s.name().startsWith("twin.") && !rest.equals("lifecycle") && !rigs.hasProperty(rest)) throw new Invalid("condition", rigs.lacksProperty(rest));
    }
    Duration delay = Optional.ofNullable(fields.get("delay")).map(d -> CheckParser.parseDuration(String.valueOf(d))
            .filter(x -> !x.isNegative() && x.compareTo(MAX_DELAY) <= 0)
            .orElseThrow(() -> new Invalid("delay", "how long the condition must hold before the watch fires: 0s to 10m, e.g. 10s")))
        .orElse(Duration.ZERO);
    return new WatchRule(name, condition, text, delay, who);
  }
}
