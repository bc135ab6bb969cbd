package org.twinlab.runtime.scenario;

import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.TwinRequestException;

/** A candidate's structured report: alarm code, observed symptom, root cause, action taken, free text. */
public final class Reports {
  public static final List<String> FIELDS = List.of("alarm_code", "symptom", "cause", "action", "text");
  private static final int MAX_TEXT = 4000;

  private Reports() {}

  /** Refuses a report that is empty, has fields a report does not have, or names an alarm the model lacks. */
  public static void validate(TwinModel model, Map<String, Object> fields) {
    for (var f : fields.entrySet()) {
      if (!FIELDS.contains(f.getKey())) throw TwinRequestException.invalid(f.getKey(), "a report has " + String.join(", ", FIELDS));
      if (String.valueOf(f.getValue()).length() > MAX_TEXT) throw TwinRequestException.invalid(f.getKey(), "at most " + MAX_TEXT + " characters");
    }
    if (FIELDS.stream().allMatch(f -> fields.get(f) == null || String.valueOf(fields.get(f)).isBlank())) {
      throw TwinRequestException.invalid("report", "an empty report");
    }
    Object code = fields.get("alarm_code");
    if (code != null && model.alarms().stream().noneMatch(a -> a.id().equals(code))) {
      throw TwinRequestException.invalid("alarm_code", "the " + model.id() + " model has no alarm '" + code + "'");
    }
  }
}
