package org.twinlab.runtime.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import org.twinlab.runtime.config.ConnectionConfig;

/**
 * What a station's twin and links are called, which scenario files refer to as {@code ${twin}},
 * {@code ${plc}}, {@code ${broker}} and {@code ${node}} so one scenario fits every station.
 */
public record StationNames(String twin, String plc, String broker, String node) {

  /** The names a simulated station of a rig model takes: those of the demo lab's first station of that kind. */
  public static StationNames simulated(String model) {
    String twin = switch (model) {
      case "conveyor-sorting" -> "conveyor-1";
      case "tank-process" -> "tank-1";
      case "motor-vibration" -> "motor-1";
      default -> throw new IllegalArgumentException("no simulated station for rig '" + model + "'");
    };
    return of(twin);
  }

  /** A station's names by the lab's convention: its PLC connection is plc-&lt;twin&gt;, its node publishes as &lt;twin&gt; on the broker. */
  public static StationNames of(String twin) {
    return new StationNames(twin, "plc-" + twin, "broker", twin);
  }

  public Map<String, String> placeholders() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("twin", twin);
    out.put("plc", plc);
    out.put("broker", broker);
    out.put("node", node);
    return out;
  }

  /** The protocol of each of the station's connections. */
  public Map<String, String> protocols() {
    return Map.of(plc, ConnectionConfig.OPCUA, broker, ConnectionConfig.MQTT);
  }

  /** Fills the placeholders into text. */
  public String fill(String text) {
    String out = text;
    for (var e : placeholders().entrySet()) out = out.replace("${" + e.getKey() + "}", e.getValue());
    return out;
  }

  /** Fills the placeholders into every text of a structure of maps and lists. */
  public Object fillAll(Object value) {
    if (value instanceof String s) return fill(s);
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), fillAll(v)));
      return out;
    }
    if (value instanceof java.util.List<?> l) return l.stream().map(this::fillAll).toList();
    return value;
  }
}
