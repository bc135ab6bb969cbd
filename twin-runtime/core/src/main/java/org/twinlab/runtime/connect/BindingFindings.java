package org.twinlab.runtime.connect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.connect.LiveBindingCheck.Finding;

/**
 * What the live checks found wrong with the bindings in force, for the health check. Each problem
 * is logged once, when first found, as one line; it leaves when a later check of the same binding
 * (its connection back, or the binding replaced or deleted) no longer finds it.
 */
public final class BindingFindings {
  private static final Logger LOG = LoggerFactory.getLogger(BindingFindings.class);
  private final Map<String, List<Finding>> byTwin = new ConcurrentHashMap<>();
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  /** A twin's bindings on one connection (all connections when empty) were checked and this was found. */
  public void checked(String twin, Optional<String> connection, List<Finding> found) {
    replace(twin, f -> connection.map(c -> f.connection().equals(c)).orElse(true), found);
  }

  /** One binding or command was checked (found empty: it fits, or it is gone). */
  public void checkedEntry(String twin, String entry, List<Finding> found) {
    replace(twin, f -> f.entry().equals(entry), found);
  }

  private void replace(String twin, Predicate<Finding> covered, List<Finding> found) {
    byTwin.compute(twin, (t, before) -> {
      List<Finding> next = new ArrayList<>(before == null ? List.of() : before);
      next.removeIf(covered);
      next.addAll(found);
      return next.isEmpty() ? null : List.copyOf(next);
    });
    for (Finding f : found) {
      if (logged.add(f.line())) LOG.warn("binding does not fit its rig: {}", f.line());
    }
  }

  /** Every problem found and not yet cleared, by twin and entry. */
  public List<Finding> all() {
    List<Finding> out = new ArrayList<>();
    byTwin.values().forEach(out::addAll);
    out.sort(Comparator.comparing(Finding::twin).thenComparing(Finding::entry).thenComparing(Finding::field));
    return List.copyOf(out);
  }
}
