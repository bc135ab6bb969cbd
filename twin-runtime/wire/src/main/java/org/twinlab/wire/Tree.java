package org.twinlab.wire;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reading and writing fields of Map and List trees. A reader takes an absent field (or null) as
 * "not said" and a field of the wrong type as an error naming it, so a client reads what an older
 * or newer runtime writes without guessing at what it cannot read.
 */
final class Tree {
  private Tree() {}

  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  static String string(Map<String, ?> map, String field) {
    Object v = map.get(field);
    if (v == null || v instanceof String) return (String) v;
    throw new WireFormatException(field, "a string, not " + describe(v));
  }

  static boolean bool(Map<String, ?> map, String field) {
    Object v = map.get(field);
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    throw new WireFormatException(field, "true or false, not " + describe(v));
  }

  static long integer(Map<String, ?> map, String field) {
    Object v = map.get(field);
    if (v == null) return 0;
    if (v instanceof Number n && n.doubleValue() == n.longValue()) return n.longValue();
    throw new WireFormatException(field, "a whole number, not " + describe(v));
  }

  static int smallInteger(Map<String, ?> map, String field) {
    long v = integer(map, field);
    if (v != (int) v) throw new WireFormatException(field, "a whole number up to " + Integer.MAX_VALUE + ", not " + v);
    return (int) v;
  }

  static Instant time(Map<String, ?> map, String field) {
    String v = string(map, field);
    if (v == null) return null;
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new WireFormatException(field, "a UTC time such as 2026-03-02T09:15:30.250Z, not \"" + v + "\"");
    }
  }

  static Optional<Instant> optionalTime(Map<String, ?> map, String field) {
    return Optional.ofNullable(time(map, field));
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  /** The objects of an object field, by their keys (in their order). */
  static <T> Map<String, T> objects(Map<String, ?> map, String field, Function<Map<String, ?>, T> read) {
    Map<String, T> out = new LinkedHashMap<>();
    Object v = map.get(field);
    if (v == null) return out;
    asObject(v, field).forEach((key, item) -> {
      String at = field + "." + key;
      Map<String, ?> object = asObject(item, at);
      out.put(key, inside(at, () -> read.apply(object)));
    });
    return out;
  }

  /** The objects of a list field, in order. */
  static <T> List<T> list(Map<String, ?> map, String field, Function<Map<String, ?>, T> read) {
    List<T> out = new ArrayList<>();
    Object v = map.get(field);
    if (v == null) return out;
    if (!(v instanceof List<?> items)) throw new WireFormatException(field, "a list, not " + describe(v));
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String at = field + "[" + i + "]";
      Map<String, ?> object = asObject(item, at);
      out.add(inside(at, () -> read.apply(object)));
    }
    return out;
  }

  static <T> List<Object> toList(List<T> items, Function<T, Map<String, Object>> write) {
    List<Object> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(write.apply(i)));
    return out;
  }

  /** A number of any type the parser chose, as a double; absent reads as 0. */
  static double decimal(Map<String, ?> map, String field) {
    Object v = map.get(field);
    if (v == null) return 0;
    if (v instanceof Number n) return n.doubleValue();
    throw new WireFormatException(field, "a number, not " + describe(v));
  }

  /** A number, or null when not said. */
  static Double optionalDecimal(Map<String, ?> map, String field) {
    return map.get(field) == null ? null : decimal(map, field);
  }

  /** A whole number, or null when not said. */
  static Long optionalInteger(Map<String, ?> map, String field) {
    return map.get(field) == null ? null : integer(map, field);
  }

  /** A list of numbers as doubles; absent reads as an empty list. */
  static List<Double> decimals(Map<String, ?> map, String field) {
    List<Double> out = new ArrayList<>();
    Object v = map.get(field);
    if (v == null) return out;
    if (!(v instanceof List<?> items)) throw new WireFormatException(field, "a list of numbers, not " + describe(v));
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Number n)) throw new WireFormatException(field + "[" + i + "]", "a number, not " + describe(items.get(i)));
      out.add(n.doubleValue());
    }
    return out;
  }

  /** A list of texts; absent reads as an empty list. */
  static List<String> strings(Map<String, ?> map, String field) {
    List<String> out = new ArrayList<>();
    Object v = map.get(field);
    if (v == null) return out;
    if (!(v instanceof List<?> items)) throw new WireFormatException(field, "a list of texts, not " + describe(v));
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof String s)) throw new WireFormatException(field + "[" + i + "]", "a string, not " + describe(items.get(i)));
      out.add(s);
    }
    return out;
  }

  /** An object of texts by key, in order; absent reads as empty. */
  static Map<String, String> stringMap(Map<String, ?> map, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    Object v = map.get(field);
    if (v == null) return out;
    asObject(v, field).forEach((key, item) -> {
      if (!(item instanceof String s)) throw new WireFormatException(field + "." + key, "a string, not " + describe(item));
      out.put(key, s);
    });
    return out;
  }

  /** One nested object read as a view, or null when not said. */
  static <T> T nested(Map<String, ?> map, String field, Function<Map<String, ?>, T> read) {
    Object v = map.get(field);
    if (v == null) return null;
    Map<String, ?> object = asObject(v, field);
    return inside(field, () -> read.apply(object));
  }

  /** One nested object as the plain tree it is, or null when not said. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(Map<String, ?> map, String field) {
    Object v = map.get(field);
    return v == null ? null : (Map<String, Object>) asObject(v, field);
  }

  /** A property's value as JSON can hold it: a string, number, boolean or nothing. */
  static Object scalar(Map<String, ?> map, String field) {
    Object v = map.get(field);
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) return v;
    throw new WireFormatException(field, "a string, number or boolean, not " + describe(v));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> asObject(Object v, String field) {
    if (!(v instanceof Map<?, ?> m)) throw new WireFormatException(field, "an object, not " + describe(v));
    for (Object key : m.keySet()) {
      if (!(key instanceof String)) throw new WireFormatException(field, "an object with text keys, not the key " + key);
    }
    return (Map<String, ?>) m;
  }

  /** Reads a nested object; a problem in it is named by its path from here. */
  private static <T> T inside(String parent, Supplier<T> read) {
    try {
      return read.get();
    } catch (WireFormatException e) {
      throw e.within(parent);
    }
  }

  private static String describe(Object v) {
    if (v instanceof Map<?, ?>) return "an object";
    if (v instanceof List<?>) return "a list";
    if (v instanceof String s) return "the text \"" + s + "\"";
    return v.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + v;
  }
}
