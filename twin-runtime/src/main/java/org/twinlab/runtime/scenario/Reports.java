package org.twinlab.runtime.scenario;

import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.engine.ActionOutcome;

/** A candidate's structured report: alarm code, observed symptom, root cause, action taken, free text. */
final class Reports {
  static final List<String> FIELDS = List.of("alarm_code", "symptom", "cause", "action", "text");

  private Reports() {}

  static ActionOutcome check(TwinModel model, Map<String, Object> fields) {
    for (String f : fields.keySet()) {
      if (!FIELDS.contains(f)) return ActionOutcome.refused(f + ": a report has " + String.join(", ", FIELDS));
    }
    if (FIELDS.stream().allMatch(f -> fields.get(f) == null || String.valueOf(fields.get(f)).isBlank())) {
      return ActionOutcome.refused("report: an empty report");
    }
    Object code = fields.get("alarm_code");
    if (code != null && model.alarms().stream().noneMatch(a -> a.id().equals(code))) {
      return ActionOutcome.refused("alarm_code: the " + model.id() + " model has no alarm '" + code + "'");
    }
    return ActionOutcome.accepted("report filed");
  }
}
