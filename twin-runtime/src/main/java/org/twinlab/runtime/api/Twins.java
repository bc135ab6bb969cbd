package org.twinlab.runtime.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.runtime.twin.TwinVerticle;

/** The running twins by id, in configuration order. */
public final class Twins {
  private final Map<String, TwinVerticle> byId = new LinkedHashMap<>();

  public Twins(List<TwinVerticle> twins) {
    twins.forEach(t -> byId.put(t.id(), t));
  }

  public Collection<TwinVerticle> all() {
    return byId.values();
  }

  /** The twin, or a 404 naming the id. */
  public TwinVerticle require(String id) {
    TwinVerticle t = byId.get(id);
    if (t == null) throw TwinRequestException.notFound("id", "no twin '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
    return t;
  }
}
