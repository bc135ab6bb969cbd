package org.twinlab.runtime.scenario;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.twinlab.scenarios.engine.Observed;

/**
 * A rig's ground truth under the names checks read it by ({@code rig.<path>}), as a read-only view
 * of one moment's truth: a station is observed every tick, so nothing is copied.
 */
final class RigObservation extends AbstractMap<String, Observed> {
  static final String PREFIX = "rig.";

  private final Map<String, Object> truth;
  private final Map<String, String> names;

  /**
   * @param truth one moment's truth, not changed afterwards
   * @param names the checks' names already made, by path (filled in as new paths come)
   */
  RigObservation(Map<String, Object> truth, Map<String, String> names) {
    this.truth = truth;
    this.names = names;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Observed> action) {
    truth.forEach((path, value) -> action.accept(name(path), Observed.known(value)));
  }

  @Override
  public Observed get(Object key) {
    String path = path(key);
    return path != null && truth.containsKey(path) ? Observed.known(truth.get(path)) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    String path = path(key);
    return path != null && truth.containsKey(path);
  }

  @Override
  public int size() {
    return truth.size();
  }

  @Override
  public Set<Entry<String, Observed>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Observed>> iterator() {
        Iterator<Entry<String, Object>> paths = truth.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return paths.hasNext();
          }

          @Override
          public Entry<String, Observed> next() {
            Entry<String, Object> e = paths.next();
            return Map.entry(name(e.getKey()), Observed.known(e.getValue()));
          }
        };
      }

      @Override
      public int size() {
        return truth.size();
      }
    };
  }

  private String name(String path) {
    String name = names.get(path);
    if (name == null) {
      name = PREFIX + path;
      names.put(path, name);
    }
    return name;
  }

  private static String path(Object key) {
    return key instanceof String s && s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : null;
  }
}
