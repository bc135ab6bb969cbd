package org.twinlab.runtime.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
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
 * secret_file: lab-secret          # or secret_env: TWINLAB_CLUSTER_SECRET; never the secret itself
 * tls: {cert: node.pem, key: node-key.pem, ca: lab-ca.pem}   # the event bus over TLS, client certificates required
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
    Path base = file.toAbsolutePath().getParent();
    return YamlDocument.parse(file).readMapping((m, problems) -> read(m, twins, base, problems));
  }

  /** @param base where a secret_file is looked for when its name is relative */
  static ClusterConfig load(String source, String text, Collection<String> twins, Path base) throws InvalidInputException {
    return YamlDocument.parse(source, text).readMapping((m, problems) -> read(m, twins, base, problems));
  }

  static ClusterConfig load(String source, String text, Collection<String> twins) throws InvalidInputException {
    return load(source, text, twins, Path.of("."));
  }

  private static ClusterConfig read(YamlMap m, Collection<String> twins, Path base, Problems problems) {
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
    Optional<LabSecret> secret = secret(m, base, problems);
    if (secret.isEmpty() && !m.has("secret") && !m.has("secret_file") && !m.has("secret_env") && (multicast || otherMembers(members, host, port))) {
      m.self().problem(problems, "a cluster of more than one node needs a lab secret, the key of every message between its nodes:"
          + " name a file that holds it with secret_file (readable by its owner only) or an environment variable with secret_env"
          + " (make one with: openssl rand -base64 48)");
    }
    Optional<ClusterTls> tls = m.get("tls").flatMap(v -> v.asMap(problems)).flatMap(t -> tls(t, base, problems));
    m.rejectUnknown(problems);
    return new ClusterConfig(node, host, port, members, multicast, heartbeat, maxNoHeartbeat, placement, wait, secret, tls);
  }

  /** Whether the members name any node but this one. */
  private static boolean otherMembers(List<String> members, String host, int port) {
    return members.stream().anyMatch(mb -> !mb.equals(host + ":" + port));
  }

  /** secret_file (owner-only) or secret_env; the secret itself never in the file. */
  private static Optional<LabSecret> secret(YamlMap m, Path base, Problems problems) {
    if (m.has("secret")) {
      m.get("secret").ifPresent(v -> v.problem(problems,
          "secrets do not belong in files: name a file that holds it with secret_file, or the environment variable that holds it with secret_env"));
      return Optional.empty();
    }
    if (m.has("secret_file") && m.has("secret_env")) {
      m.self().problem(problems, "give one of secret_file or secret_env, not both");
      return Optional.empty();
    }
    if (m.has("secret_env")) {
      YamlValue at = m.get("secret_env").orElseThrow();
      return m.string("secret_env", problems).flatMap(name -> {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
          at.problem(problems, "the environment variable " + name + " is not set");
          return Optional.empty();
        }
        return strong(at, value.strip(), "secret_env " + name, problems);
      });
    }
    if (!m.has("secret_file")) return Optional.empty();
    YamlValue at = m.get("secret_file").orElseThrow();
    return m.string("secret_file", problems).map(f -> base == null ? Path.of(f) : base.resolve(f)).flatMap(file -> {
      if (!Files.isRegularFile(file)) {
        at.problem(problems, "no file " + file);
        return Optional.empty();
      }
      if (!ownerOnly(at, file, problems)) return Optional.empty();
      try {
        return strong(at, Files.readString(file).strip(), "secret_file " + file, problems);
      } catch (IOException e) {
        at.problem(problems, "cannot read " + file + ": " + e.getMessage());
        return Optional.empty();
      }
    });
  }

  /** tls: {cert, key, ca}, PEM files; the key readable by its owner only. */
  private static Optional<ClusterTls> tls(YamlMap t, Path base, Problems problems) {
    Optional<Path> cert = pem(t, "cert", base, problems);
    Optional<Path> key = pem(t, "key", base, problems).filter(k -> ownerOnly(t.get("key").orElseThrow(), k, problems));
    Optional<Path> ca = pem(t, "ca", base, problems);
    t.rejectUnknown(problems);
    if (cert.isEmpty() || key.isEmpty() || ca.isEmpty()) return Optional.empty();
    return Optional.of(new ClusterTls(cert.get(), key.get(), ca.get()));
  }

  private static Optional<Path> pem(YamlMap t, String field, Path base, Problems problems) {
    return t.requireString(field, problems).map(f -> base == null ? Path.of(f) : base.resolve(f)).filter(f -> {
      if (Files.isRegularFile(f)) return true;
      t.get(field).ifPresent(v -> v.problem(problems, "no file " + f));
      return false;
    });
  }

  /** Whether only its owner may read the file; a problem at {@code at} if others may. */
  private static boolean ownerOnly(YamlValue at, Path file, Problems problems) {
    try {
      if (!Files.getFileStore(file).supportsFileAttributeView("posix")) return true;
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.stream().noneMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) return true;
      at.problem(problems, file + " may be read by others than its owner (" + PosixFilePermissions.toString(perms) + "): chmod 600 it");
      return false;
    } catch (IOException e) {
      at.problem(problems, "cannot read " + file + ": " + e.getMessage());
      return false;
    }
  }

  private static Optional<LabSecret> strong(YamlValue at, String secret, String from, Problems problems) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < LabSecret.MIN_BYTES) {
      at.problem(problems, "the lab secret is " + bytes.length + " bytes, at least " + LabSecret.MIN_BYTES
          + " are needed (make one with: openssl rand -base64 48)");
      return Optional.empty();
    }
    return Optional.of(new LabSecret(bytes, from));
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
