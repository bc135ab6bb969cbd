package org.twinlab.runtime.binding;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a twin's bindings and the action that made it: who, when, what changed. Bindings
 * are kept in their written form ({@link BindingWriter}) so a version reads back exactly as it was.
 *
 * @param property the property whose binding changed; empty for {@link Action#LOADED}
 * @param before its binding before the action, if it had one
 * @param after its binding after the action, if it has one
 */
public record BindingVersion(int version, Instant at, String by, Action action, Optional<String> property,
    Optional<Map<String, Object>> before, Optional<Map<String, Object>> after, List<Map<String, Object>> bindings) {

  public enum Action { LOADED, CREATED, REPLACED, DELETED }

  public BindingVersion {
    bindings = List.copyOf(bindings);
  }
}
