package org.twinlab.runtime.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * In a clustered lab a station runs on one node, the one that runs its twins: a plan whose station
 * has twins on different nodes cannot run, and is refused in words that name them and their nodes.
 */
final class SplitStations {
  private SplitStations() {}

  /** @param ownerOf the node that runs a twin now (empty while none does) */
  static List<String> problems(List<StationPlan> stations, Function<String, Optional<String>> ownerOf) {
    List<String> problems = new ArrayList<>();
    for (StationPlan st : stations) {
      Map<String, String> where = new LinkedHashMap<>();
      st.twins().forEach(t -> where.put(t, ownerOf.apply(t).orElse("no node now")));
      if (new HashSet<>(where.values()).size() < 2) continue;
      StringBuilder on = new StringBuilder();
      where.forEach((t, n) -> on.append(on.length() == 0 ? "" : ", ").append(t).append(" on ").append(n));
      problems.add("station " + st.id() + ": its twins run on different nodes (" + on
          + "); a station runs on one node: place its twins together in cluster.yaml");
    }
    return problems;
  }
}
