package org.twinlab.runtime.cluster;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who owns which twin next, decided from who owns it now and which nodes live. A twin whose owner
 * lives stays where it is (a node that comes back takes nothing back: no flapping); one without a
 * living owner goes to the node it prefers if that node lives, else, once the wait for it is over
 * or when its owner has died, to the living node with the fewest twins, together with the other
 * twins that prefer the same node (a station's twins stay on one node).
 */
final class Placement {
  private Placement() {}

  /**
   * @param owners the twins' owners now (a twin without one is absent)
   * @param live the names of the nodes in the cluster now
   * @param waitOver whether twins with no owner yet have waited long enough for the nodes they prefer
   * @return the twins to give a new owner, and to whom
   */
  static Map<String, String> moves(List<String> twins, Map<String, String> owners, Set<String> live, ClusterConfig config, boolean waitOver) {
    Map<String, String> moves = new LinkedHashMap<>();
    if (live.isEmpty()) return moves;
    Map<String, Integer> load = new TreeMap<>();
    live.forEach(n -> load.put(n, 0));
    owners.values().stream().filter(live::contains).forEach(n -> load.merge(n, 1, Integer::sum));
    // twins that prefer the same absent node move together (a station's twins are placed together), each group to one node
    Map<String, String> groupTo = new java.util.HashMap<>();
    for (String twin : twins) {
      String owner = owners.get(twin);
      if (owner != null && live.contains(owner)) continue;
      Optional<String> prefers = config.preferredNode(twin);
      Optional<String> preferred = prefers.filter(live::contains);
      String next;
      if (preferred.isPresent()) next = preferred.get();
      else if (owner != null || waitOver) next = prefers.map(p -> groupTo.computeIfAbsent(p, x -> leastLoaded(load))).orElseGet(() -> leastLoaded(load));
      else continue;
      moves.put(twin, next);
      load.merge(next, 1, Integer::sum);
    }
    return moves;
  }

  private static String leastLoaded(Map<String, Integer> load) {
    return load.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** The twins a node owns. */
  static Set<String> ownedBy(String node, Collection<Map.Entry<String, String>> owners) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    owners.forEach(e -> {
      if (node.equals(e.getValue())) out.add(e.getKey());
    });
    return out;
  }
}
