package org.twinlab.viewer.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON as the viewer reads it: trees, and plain Java values for properties. */
public final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
    }
  }

  /** Where parts are on an image, as {"twin/shape": [x, y], …}, pixels from the top left. */
  public static String regions(java.util.Map<String, float[]> where) {
    var root = MAPPER.createObjectNode();
    where.forEach((k, xy) -> root.putArray(k).add(xy[0]).add(xy[1]));
    return root.toPrettyString();
  }

  /** A property value as the scene takes it: Boolean, Number, String or null. */
  static Object plain(JsonNode v) {
    if (v == null || v.isNull()) return null;
    if (v.isBoolean()) return v.booleanValue();
    if (v.isNumber()) return v.numberValue();
    return v.asText();
  }
}
