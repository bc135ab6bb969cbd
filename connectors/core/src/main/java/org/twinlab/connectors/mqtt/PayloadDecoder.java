package org.twinlab.connectors.mqtt;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twinlab.connectors.DiscoveredSignal;

/**
 * Turns MQTT payloads into values. Plain payloads ({@code 21.5}, {@code true}, {@code RUN}) decode
 * as they read; JSON payloads are parsed once per message and picked apart by JSON Pointer.
 */
public final class PayloadDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PayloadDecoder() {}

  /** A payload parsed once, from which several signals can be taken. */
  public record Parsed(String text, JsonNode json) {
    public boolean isJson() {
      return json != null;
    }
  }

  public static Parsed parse(byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8).trim();
    JsonNode json = null;
    if (text.startsWith("{") || text.startsWith("[")) {
      try {
        json = JSON.readTree(text);
      } catch (IOException e) {
        json = null;
      }
    }
    return new Parsed(text, json);
  }

  /** The value at the pointer (or the whole payload), or an error naming what is missing. */
  public static Decoded value(Parsed p, Optional<JsonPointer> pointer) {
    if (pointer.isEmpty()) {
      return p.isJson() ? Decoded.error("payload is JSON: the address needs a JSON Pointer (topic#/field)") : Decoded.of(plain(p.text()));
    }
    if (!p.isJson()) return Decoded.error("payload is not JSON: " + abbreviate(p.text()));
    JsonNode n = p.json().at(pointer.get());
    if (n.isMissingNode()) return Decoded.error("no field " + pointer.get() + " in the payload");
    if (n.isNull()) return Decoded.error("field " + pointer.get() + " is null");
    if (n.isBoolean()) return Decoded.of(n.booleanValue());
    if (n.isIntegralNumber() && n.canConvertToLong()) return Decoded.of(n.longValue());
    if (n.isNumber()) return Decoded.of(n.doubleValue());
    if (n.isTextual()) return Decoded.of(n.textValue());
    return Decoded.error("field " + pointer.get() + " is not a single value");
  }

  /** The source time carried in a JSON payload, epoch milliseconds at the pointer. */
  public static Optional<Instant> timestamp(Parsed p, String pointer) {
    if (!p.isJson() || pointer == null || pointer.isEmpty()) return Optional.empty();
    JsonNode n = p.json().at(pointer);
    return n.isNumber() ? Optional.of(Instant.ofEpochMilli(n.longValue())) : Optional.empty();
  }

  /** The JSON Pointer of every value (leaf) in a document, in document order: what a binding can name. */
  public static List<String> pointers(JsonNode root) {
    return fields(root).stream().map(DiscoveredSignal.Field::pointer).toList();
  }

  /**
   * Every single value (leaf) of a document by its JSON Pointer, in document order, decoded as a
   * binding to {@code topic#pointer} would decode it; a JSON null stays null.
   */
  public static List<DiscoveredSignal.Field> fields(JsonNode root) {
    List<DiscoveredSignal.Field> out = new ArrayList<>();
    collect(root, "", out);
    return out;
  }

  private static void collect(JsonNode n, String at, List<DiscoveredSignal.Field> out) {
    if (out.size() >= 500) return; // a sample for a person to pick from, not the whole of a huge document
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> collect(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) collect(n.get(i), at + "/" + i, out);
    } else {
      out.add(new DiscoveredSignal.Field(at.isEmpty() ? "/" : at, leaf(n)));
    }
  }

  private static Object leaf(JsonNode n) {
    if (n.isBoolean()) return n.booleanValue();
    if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
    if (n.isNumber()) return n.doubleValue();
    if (n.isTextual()) return n.textValue();
    return null;
  }

  static Object plain(String text) {
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) return Boolean.parseBoolean(text);
    try {
      if (!text.contains(".") && !text.contains("e") && !text.contains("E")) return Long.parseLong(text);
    } catch (NumberFormatException e) {
      // not an integer, try a decimal
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** Encodes a value written to {@code address}: plain text, or a JSON object built from the pointer. */
  public static byte[] encode(MqttAddress address, Object value) {
    if (address.pointer().isEmpty()) return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
    com.fasterxml.jackson.databind.node.ObjectNode at = root;
    JsonPointer ptr = address.pointer().get();
    while (!ptr.tail().matches()) {
      at = at.putObject(ptr.getMatchingProperty());
      ptr = ptr.tail();
    }
    at.set(ptr.getMatchingProperty(), JSON.valueToTree(value));
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "…'";
  }

  /** A decoded value, or why there is none. */
  public record Decoded(Object value, String error) {
    static Decoded of(Object v) {
      return new Decoded(v, null);
    }

    static Decoded error(String why) {
      return new Decoded(null, why);
    }

    public boolean ok() {
      return error == null;
    }
  }
}
