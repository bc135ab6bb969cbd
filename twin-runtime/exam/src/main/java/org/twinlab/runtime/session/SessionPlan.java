package org.twinlab.runtime.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A lab session as planned: a sitting of several stations, each with its scenario, candidate,
 * rigs and examiners. It is the session's first evidence record, so a restart rebuilds it from there.
 */
public record SessionPlan(String id, String title, List<StationPlan> stations) {
  /** The standard's rule: one examiner watches at most five candidates. */
  public static final int MAX_STATIONS_PER_EXAMINER = 5;
  /** The standard's rule: each candidate is marked by three or more examiners. */
  public static final int MIN_EXAMINERS_PER_STATION = 3;

  public SessionPlan {
    stations = List.copyOf(stations);
  }

  public Optional<StationPlan> station(String id) {
    return stations.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** What goes against the standard's rules for examiners, as warnings: the session may still run. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    Map<String, java.util.Set<String>> load = new TreeMap<>();
    java.util.Set<String> counted = new java.util.HashSet<>();
    for (StationPlan s : stations) {
      // an exam's parts are one candidate's station: counted once
      s.examiners().forEach(e -> load.computeIfAbsent(e, k -> new java.util.TreeSet<>()).add(s.examStation()));
      if (!counted.add(s.examStation())) continue;
      if (s.examiners().size() < MIN_EXAMINERS_PER_STATION) {
        out.add("station " + s.examStation() + " has " + s.examiners().size() + " examiner(s); judgements need " + MIN_EXAMINERS_PER_STATION
            + " or more to combine");
      }
    }
    load.forEach((e, marked) -> {
      int n = marked.size();
      if (n > MAX_STATIONS_PER_EXAMINER) {
        out.add("examiner " + e + " has " + n + " stations; at most " + MAX_STATIONS_PER_EXAMINER + " per examiner");
      }
    });
    return out;
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    stations.forEach(s -> list.add(s.toJson()));
    return new JsonObject().put("id", id).put("title", title).put("stations", list);
  }

  static SessionPlan fromJson(JsonObject o) {
    List<StationPlan> stations = new ArrayList<>();
    o.getJsonArray("stations").forEach(s -> stations.add(StationPlan.fromJson((JsonObject) s)));
    return new SessionPlan(o.getString("id"), o.getString("title"), stations);
  }
}
