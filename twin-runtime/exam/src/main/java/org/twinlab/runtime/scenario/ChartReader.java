package org.twinlab.runtime.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.history.TimeWindow;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Reads a chart a candidate saves (standard clause L3 2.1.5), {@code {name, properties, from, to}},
 * and refuses it with the field at fault: a name of lower-case letters, digits and {@code -}, one to
 * eight of the model's properties (comma-separated or a list), and a window that has been recorded.
 */
public final class ChartReader {
  public static final List<String> FIELDS = List.of("name", "properties", "from", "to");
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  static final int MAX_PROPERTIES = 8;
  static final Duration MAX_WINDOW = Duration.ofDays(1);

  private ChartReader() {}

  /** @param now the station's time, from which {@code -5m} and {@code now} are read */
  public static ChartSpec read(Map<String, Object> fields, TwinModel model, Instant now) {
    for (String k : fields.keySet()) {
      if (!FIELDS.contains(k)) throw TwinRequestException.invalid(k, "a chart has " + String.join(", ", FIELDS) + " and nothing else");
    }
    Object n = fields.get("name");
    if (!(n instanceof String name) || !NAME.matcher(name).matches()) {
      throw TwinRequestException.invalid("name", "a chart's name: lower-case letters, digits and -, up to 40");
    }
    Object v = fields.get("properties");
    List<?> given = v instanceof String text ? List.of(text.split(",")) : v instanceof List<?> l ? l : null;
    if (given == null) throw TwinRequestException.invalid("properties", "the properties the chart shows, comma-separated");
    List<String> properties = new ArrayList<>();
    for (Object p : given) {
      String property = String.valueOf(p).trim();
      if (property.isEmpty() || properties.contains(property)) continue;
      if (model.property(property).isEmpty()) throw TwinRequestException.invalid("properties", "the " + model.id() + " model has no property '" + property + "'");
      properties.add(property);
    }
    if (properties.isEmpty() || properties.size() > MAX_PROPERTIES) throw TwinRequestException.invalid("properties", "1 to " + MAX_PROPERTIES + " properties");
    TimeWindow w;
    try {
      w = TimeWindow.parse(text(fields, "from"), text(fields, "to"), now);
    } catch (TimeWindow.BadTime e) {
      throw TwinRequestException.invalid(e.field(), e.getMessage());
    }
    if (w.to().isAfter(now)) throw TwinRequestException.invalid("to", "the window ends after now: nothing is recorded there yet");
    if (w.length().compareTo(MAX_WINDOW) > 0) throw TwinRequestException.invalid("from", "a chart's window is at most 1 d long");
    return new ChartSpec(name, properties, w.from(), w.to());
  }

  private static String text(Map<String, Object> fields, String name) {
    Object v = fields.get(name);
    if (v == null || String.valueOf(v).isBlank()) throw TwinRequestException.invalid(name, name + " is required");
    return String.valueOf(v);
  }
}
