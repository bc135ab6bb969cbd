package org.twinlab.runtime.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes bindings back in the form {@link BindingLoader} reads, as plain maps and lists ready for
 * JSON: what the API returns and the binding journal keeps, so either can be read in again.
 */
public final class BindingWriter {
  private BindingWriter() {}

  public static Map<String, Object> toMap(Binding b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("property", b.property());
    m.put("connection", b.source().connection());
    m.put("address", b.source().address());
    m.put("sampling_ms", b.source().samplingMs());
    Map<String, Object> t = toMap(b.transform());
    if (!t.isEmpty()) m.put("transform", t);
    b.writeTo().ifPresent(w -> {
      if (w.equals(b.source())) {
        m.put("write", true);
      } else {
        m.put("write", Map.of("connection", w.connection(), "address", w.address()));
      }
    });
    return m;
  }

  public static Map<String, Object> toMap(CommandBinding c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", c.command());
    m.put("connection", c.target().connection());
    m.put("address", c.target().address());
    m.put("value", c.value());
    return m;
  }

  public static List<Map<String, Object>> toMaps(List<Binding> bindings) {
    return bindings.stream().map(BindingWriter::toMap).toList();
  }

  static Map<String, Object> toMap(Transform t) {
    Map<String, Object> m = new LinkedHashMap<>();
    t.bit().ifPresent(bit -> m.put("bit", bit));
    if (t.invert()) m.put("invert", true);
    t.range().ifPresent(r -> m.put("range", Map.of("raw", List.of(r[0], r[1]), "value", List.of(r[2], r[3]))));
    if (t.scale() != 1) m.put("scale", t.scale());
    if (t.offset() != 0) m.put("offset", t.offset());
    t.unitFrom().ifPresent(from -> m.put("unit", Map.of("from", from, "to", t.unitTo().orElseThrow())));
    t.clamp().ifPresent(c -> m.put("clamp", List.of(c[0], c[1])));
    if (t.deadband() > 0) m.put("deadband", t.deadband());
    return m;
  }
}
