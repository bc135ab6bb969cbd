package org.twinlab.runtime.scenario;

import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.model.ActionAttributes;

/**
 * A candidate's structured report: alarm code, the cause's category, the property it is about and
 * the number it quotes, observed symptom, root cause, action taken, free text.
 */
public final class Reports {
  public static final List<String> FIELDS = ActionAttributes.fields("report").stream().filter(f -> !f.equals("rig")).toList();
  private static final int MAX_TEXT = 4000;

  private Reports() {}

  /**
   * Refuses a report that is empty, has fields a report does not have, names an alarm or property
   * the model lacks or a category there is not, or quotes a value that is not a number.
   */
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
    Object category = fields.get("cause_category");
    if (category != null && !ActionAttributes.CAUSE_CATEGORIES.contains(String.valueOf(category))) {
      throw TwinRequestException.invalid("cause_category", "one of " + String.join(", ", ActionAttributes.CAUSE_CATEGORIES));
    }
    Object property = fields.get("property");
    if (property != null && model.property(String.valueOf(property)).isEmpty()) {
      throw TwinRequestException.invalid("property", "the " + model.id() + " model has no property '" + property + "'");
    }
    Object value = fields.get("value");
    if (value != null && !(value instanceof Number)) throw TwinRequestException.invalid("value", "the number the report quotes");
  }
}
