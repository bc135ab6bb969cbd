package org.twinlab.viewer.net;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** JSON as the viewer reads it: trees, and the plain Map and List trees the twin views are read from. */
public final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

  private Json() {}

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
    }
  }

  /** An object as a plain tree of Map, List, String, Number, Boolean and null. */
  public static Map<String, Object> object(String text) {
    try {
      return MAPPER.readValue(text, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON object: " + e.getMessage(), e);
    }
  }

  /** A list of objects as plain trees. */
  static List<Map<String, Object>> objects(String text) {
    try {
      return MAPPER.readValue(text, LIST);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON list of objects: " + e.getMessage(), e);
    }
  }

  /** Where parts are on an image, as {"twin/shape": [x, y], …}, pixels from the top left. */
  public static String regions(Map<String, float[]> where) {
    var root = MAPPER.createObjectNode();
    where.forEach((k, xy) -> {
      var a = root.putArray(k);
      for (float v : xy) a.add(v);
    });
    return root.toPrettyString();
  }
}
