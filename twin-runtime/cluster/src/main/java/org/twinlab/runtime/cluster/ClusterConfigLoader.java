package org.twinlab.runtime.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlDocument;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;

/**
 * Reads {@code cluster.yaml}; every problem at once, each at its file:line:column:
 * <pre>
 * node: hall-a
 * bind: {host: 127.0.0.1, port: 5701}
 * members: [127.0.0.1:5701, 127.0.0.1:5702, 127.0.0.1:5703]
 * multicast: false
 * failure_detection: {heartbeat_seconds: 1, max_no_heartbeat_seconds: 5}
 * placement:
 *   hall-a: [conveyor-1, conveyor-2]
 *   hall-b: [tank-1]
 * placement_wait_seconds: 10
 * </pre>
 */
public final class ClusterConfigLoader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+:\\d{1,5}");

  private ClusterConfigLoader() {}

  /**
   * @param twins the lab's twins: placement may name only these
   */
  public static ClusterConfig load(Path file, Collection<String> twins) throws InvalidInputException {
    return YamlDocument.parse(file).readMapping((m, problems) -> read(m, twins, problems));
  }

  static ClusterConfig load(String source, String text, Collection<String> twins) throws InvalidInputException {
    return YamlDocument.parse(source, text).readMapping((m, problems) -> read(m, twins, problems));
  }

  private static ClusterConfig read(YamlMap m, Collection<String> twins, Problems problems) {
    String node = m.requireString("node", problems).filter(n -> named(m.get("node").orElseThrow(), n, problems)).orElse("");
    String host = "127.0.0.1";
    int port = ClusterConfig.DEFAULT_PORT;
    Optional<YamlMap> bind = m.get("bind").flatMap(v -> v.asMap(problems));
    if (bind.isPresent()) {
      host = bind.get().string("host", problems).orElse(host);
      port = bind.get().get("port").flatMap(v -> whole(v, 1, 65535, problems)).orElse(port);
      bind.get().rejectUnknown(problems);
    }
    List<String> members = new ArrayList<>();
    m.get("members").ifPresent(v -> {
      for (YamlValue e : v.asList(problems)) {
        e.asString(problems).ifPresent(s -> {
          if (MEMBER.matcher(s).matches()) members.add(s);
          else e.problem(problems, "expected host:port, found '" + s + "'");
        });
      }
    });
    boolean multicast = m.bool("multicast", false, problems);
    if (members.isEmpty() && !multicast) {
      m.self().problem(problems, "members: name the members to join (host:port), or set multicast: true");
    }
    int heartbeat = ClusterConfig.DEFAULT_HEARTBEAT_SECONDS;
    int maxNoHeartbeat = ClusterConfig.DEFAULT_MAX_NO_HEARTBEAT_SECONDS;
    Optional<YamlMap> detection = m.get("failure_detection").flatMap(v -> v.asMap(problems));
    if (detection.isPresent()) {
      YamlMap d = detection.get();
      heartbeat = d.get("heartbeat_seconds").flatMap(v -> whole(v, 1, 60, problems)).orElse(heartbeat);
      Optional<YamlValue> max = d.get("max_no_heartbeat_seconds");
      maxNoHeartbeat = max.flatMap(v -> whole(v, 2, 600, problems)).orElse(maxNoHeartbeat);
      if (maxNoHeartbeat <= heartbeat) {
        (max.isPresent() ? max.get() : d.self()).problem(problems,
            "max_no_heartbeat_seconds (" + maxNoHeartbeat + ") must be longer than heartbeat_seconds (" + heartbeat + ")");
      }
      d.rejectUnknown(problems);
    }
    Map<String, String> placement = new LinkedHashMap<>();
    m.get("placement").flatMap(v -> v.asMap(problems)).ifPresent(p -> {
      for (String owner : p.keys()) {
        YamlValue list = p.get(owner).orElse(null);
        if (list == null) continue;
        named(list, owner, problems);
        for (YamlValue e : list.asList(problems)) {
          e.asString(problems).ifPresent(twin -> {
            if (!twins.contains(twin)) {
              e.problem(problems, "no twin '" + twin + "' in the lab (its twins: " + String.join(", ", twins) + ")");
            } else if (placement.containsKey(twin)) {
              e.problem(problems, "twin '" + twin + "' is placed on " + placement.get(twin) + " already: a twin prefers one node");
            } else {
              placement.put(twin, owner);
            }
          });
        }
      }
    });
    int wait = m.get("placement_wait_seconds").flatMap(v -> whole(v, 0, 600, problems))
        .orElse(ClusterConfig.DEFAULT_PLACEMENT_WAIT_SECONDS);
    m.rejectUnknown(problems);
    return new ClusterConfig(node, host, port, members, multicast, heartbeat, maxNoHeartbeat, placement, wait);
  }

  private static boolean named(YamlValue at, String name, Problems problems) {
    if (NAME.matcher(name).matches()) return true;
    at.problem(problems, "a node name is letters, digits, '.', '_' or '-' (at most 63), found '" + name + "'");
    return false;
  }

  private static Optional<Integer> whole(YamlValue v, int low, int high, Problems problems) {
    return v.asLong(problems).flatMap(n -> {
      if (n >= low && n <= high) return Optional.of(n.intValue());
      v.problem(problems, "expected " + low + " to " + high + ", found " + n);
      return Optional.empty();
    });
  }
}
