package org.twinlab.runtime.twin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running twins by id, in configuration order, then in order of deployment. Twin application
 * packages come and go while the API serves, so reads take a consistent copy.
 */
public final class Twins {
  private final Map<String, TwinVerticle> byId = new LinkedHashMap<>();
  private final Map<String, TwinVerticle> deploying = new LinkedHashMap<>();

  public Twins(List<TwinVerticle> twins) {
    twins.forEach(t -> byId.put(t.id(), t));
  }

  public synchronized Collection<TwinVerticle> all() {
    return List.copyOf(byId.values());
  }

  public synchronized java.util.Optional<TwinVerticle> find(String id) {
    return java.util.Optional.ofNullable(byId.get(id));
  }

  /** The twin, or a 404 naming the id. */
  public synchronized TwinVerticle require(String id) {
    TwinVerticle t = byId.get(id);
    if (t == null) throw TwinRequestException.notFound("id", "no twin '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
    return t;
  }

  /** Whether the id is taken, by a twin or by one being deployed. */
  public synchronized boolean has(String id) {
    return byId.containsKey(id) || deploying.containsKey(id);
  }

  /** Holds the id for a twin being deployed; it is served only once {@link #open}ed. */
  public synchronized void reserve(TwinVerticle t) {
    if (has(t.id())) throw TwinRequestException.conflict("twin", "a twin '" + t.id() + "' is deployed already: remove it first");
    deploying.put(t.id(), t);
  }

  public synchronized void open(String id) {
    TwinVerticle t = deploying.remove(id);
    if (t != null) byId.put(id, t);
  }

  public synchronized void remove(String id) {
    byId.remove(id);
    deploying.remove(id);
  }
}
