package org.twinlab.runtime.config;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.connectors.mqtt.MqttTls;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.connectors.sparkplug.SparkplugAddress;
import org.twinlab.models.Ids;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlDocument;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.BindingSites;

/**
 * Reads {@code twinlab.yaml}: where the runtime listens, its connections, and its twins with their
 * models and binding files (paths relative to the configuration). Every problem, in this file or
 * in a binding or model file it names, is reported at once with file:line:column and field.
 */
public final class LabConfigLoader {
  private LabConfigLoader() {}

  public static LabConfig load(Path file) throws InvalidInputException {
    Path base = file.toAbsolutePath().getParent();
    return YamlDocument.parse(file).readMapping((m, problems) -> read(m, base, problems, new Reached()));
  }

  /**
   * Reads a configuration as far as it goes without throwing: every problem, what could be read,
   * where each connection is named, and each twin's binding file even when its model failed (so
   * that the bindings can still be checked as far as possible).
   */
  public static Inspection inspect(Path file) {
    Path base = file.toAbsolutePath().getParent();
    Problems problems = new Problems();
    Reached reached = new Reached();
    reached.files.add(file.toString());
    LabConfig lab = null;
    try {
      lab = YamlDocument.parse(file).asMap(problems).map(m -> read(m, base, problems, reached)).orElse(null);
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> carry(p, problems));
    }
    return new Inspection(Optional.ofNullable(lab), problems.list(), reached.connections, reached.twins, List.copyOf(reached.files));
  }

  /** What {@link #inspect} found; {@code lab} is empty only when the file itself could not be read as a mapping. */
  public record Inspection(Optional<LabConfig> lab, List<Problem> problems, List<ConnectionSite> connections, List<TwinFiles> twins,
      List<String> files) {}

  /** A connection and where its URL stands in the configuration. */
  public record ConnectionSite(ConnectionConfig connection, org.twinlab.models.yaml.SourceLocation at, String field) {}

  /**
   * A twin's binding file as the configuration names it, with the twin's model when it loaded.
   *
   * @param protocols the protocol of every connection that read cleanly, by id
   */
  public record TwinFiles(String twin, Optional<TwinModel> model, Path bindings, Map<String, String> protocols) {}

  /** What reading reached besides the configuration itself, in file order. */
  private static final class Reached {
    final List<ConnectionSite> connections = new ArrayList<>();
    final List<TwinFiles> twins = new ArrayList<>();
    final java.util.LinkedHashSet<String> files = new java.util.LinkedHashSet<>();
  }

  private static LabConfig read(YamlMap m, Path base, Problems problems, Reached reached) {
    String bind = "127.0.0.1";
    int port = 8080;
    HttpConfig served = HttpConfig.DEFAULT;
    Optional<YamlMap> http = m.get("http").flatMap(v -> v.asMap(problems));
    if (http.isPresent()) {
      bind = http.get().string("bind", problems).orElse(bind);
      port = http.get().number("port", problems).map(Double::intValue).orElse(port);
      if (port < 0 || port > 65535) http.get().get("port").ifPresent(v -> v.problem(problems, "a port is 0..65535"));
      served = served(http.get(), base, problems);
      http.get().rejectUnknown(problems);
    }
    Path data = base.resolve(m.string("data", problems).orElse("twinlab-data"));
    double staleFactor = m.number("stale_factor", problems).orElse(3.0);
    if (staleFactor < 1) m.get("stale_factor").ifPresent(v -> v.problem(problems, "at least 1 (one expected period)"));
    List<ConnectionConfig> connections = m.list("connections", problems, (v, p) -> v.asMap(p).flatMap(c -> connection(c, base, p, reached)));
    unique(m, "connections", connections.stream().map(ConnectionConfig::id).toList(), problems);
    Map<String, String> protocols = new LinkedHashMap<>();
    connections.forEach(c -> protocols.put(c.id(), c.protocol()));
    List<TwinConfig> twins = m.list("twins", problems, (v, p) -> v.asMap(p).flatMap(t -> twin(t, base, protocols, p, reached)));
    unique(m, "twins", twins.stream().map(TwinConfig::id).toList(), problems);
    sparkplugGroups(connections, reached, problems);
    HistoryConfig history = m.get("history").flatMap(v -> v.asMap(problems)).map(h -> history(h, base, problems))
        .orElse(HistoryConfig.EMBEDDED);
    Optional<StoreConfig> store = m.get("store").flatMap(v -> v.asMap(problems)).flatMap(s -> store(s, base, problems));
    m.rejectUnknown(problems);
    return new LabConfig(bind, port, data, staleFactor, connections, twins, history, served, store);
  }

  /** http: request_time_limit and tls: {cert, key} or {keystore, password_env | password_file}. */
  private static HttpConfig served(YamlMap http, Path base, Problems problems) {
    Duration limit = http.string("request_time_limit", problems).flatMap(text -> {
      Optional<Duration> d = Quantities.duration(text);
      if (d.isEmpty() || d.get().isZero()) {
        http.get("request_time_limit").ifPresent(v -> v.problem(problems, "a duration such as 30s or 2m"));
      }
      return d.filter(x -> !x.isZero());
    }).orElse(HttpConfig.DEFAULT_TIME_LIMIT);
    Optional<TlsConfig> tls = http.get("tls").flatMap(v -> v.asMap(problems)).flatMap(t -> tls(t, base, problems));
    return new HttpConfig(limit, tls);
  }

  private static Optional<TlsConfig> tls(YamlMap t, Path base, Problems problems) {
    Optional<Path> cert = existing(t, "cert", base, problems);
    Optional<Path> key = existing(t, "key", base, problems);
    Optional<Path> keystore = existing(t, "keystore", base, problems);
    Optional<String> passwordEnv = t.string("password_env", problems);
    Optional<Path> passwordFile = existing(t, "password_file", base, problems);
    if (t.has("password")) t.get("password").ifPresent(v -> v.problem(problems,
        "passwords do not belong in files: name the environment variable that holds it with password_env, or a file with password_file"));
    boolean pem = t.has("cert") || t.has("key");
    if (pem == t.has("keystore")) {
      t.self().problem(problems, "give either cert: and key: (PEM files) or keystore: (a PKCS#12 file) with password_env or password_file");
    } else if (pem && t.has("cert") != t.has("key")) {
      t.self().problem(problems, "a PEM certificate needs both cert: and key:");
    } else if (pem && (t.has("password_env") || t.has("password_file"))) {
      t.self().problem(problems, "password_env and password_file go with keystore:, not with PEM files");
    } else if (!pem && t.has("password_env") == t.has("password_file")) {
      t.self().problem(problems, "a keystore needs exactly one of password_env or password_file");
    }
    Optional<String> password = passwordEnv.flatMap(name -> {
      String value = System.getenv(name);
      if (value == null) t.get("password_env").ifPresent(v -> v.problem(problems, "the environment variable " + name + " is not set"));
      return Optional.ofNullable(value);
    }).or(() -> passwordFile.flatMap(f -> {
      try {
        return Optional.of(Files.readString(f).strip());
      } catch (java.io.IOException e) {
        t.get("password_file").ifPresent(v -> v.problem(problems, "cannot read " + f + ": " + e.getMessage()));
        return Optional.empty();
      }
    }));
    t.rejectUnknown(problems);
    if (cert.isPresent() && key.isPresent()) return Optional.of(new TlsConfig.Pem(cert.get(), key.get()));
    if (keystore.isPresent() && password.isPresent()) return Optional.of(new TlsConfig.Keystore(keystore.get(), password.get()));
    return Optional.empty();
  }

  /** A file named relative to the configuration that must exist. */
  static Optional<Path> existing(YamlMap m, String field, Path base, Problems problems) {
    return m.string(field, problems).map(base::resolve).filter(f -> {
      if (Files.isRegularFile(f)) return true;
      m.get(field).ifPresent(v -> v.problem(problems, "no file " + f));
      return false;
    });
  }

  private static HistoryConfig history(YamlMap h, Path base, Problems problems) {
    String storeName = h.string("store", problems).orElse("embedded");
    HistoryConfig.Store store = HistoryConfig.Store.EMBEDDED;
    if (storeName.equals("influxdb")) store = HistoryConfig.Store.INFLUXDB;
    else if (!storeName.equals("embedded")) h.get("store").ifPresent(v -> v.problem(problems, "a store is embedded or influxdb"));
    Optional<Duration> retention = h.string("retention", problems).flatMap(text -> {
      Optional<Duration> d = Quantities.duration(text);
      if (d.isEmpty() || d.get().isZero()) {
        h.get("retention").ifPresent(v -> v.problem(problems, "a retention period such as 30d, 12h or 90m"));
      }
      return d.filter(x -> !x.isZero());
    });
    long maxSize = h.string("max_size", problems).flatMap(text -> {
      Optional<Long> b = Quantities.bytes(text);
      if (b.isEmpty()) h.get("max_size").ifPresent(v -> v.problem(problems, "a size such as 500MB or 2GB"));
      return b;
    }).orElse(0L);
    Optional<InfluxConfig> influx = h.get("influxdb").flatMap(v -> v.asMap(problems)).flatMap(i -> influx(i, base, problems));
    h.rejectUnknown(problems);
    if (store == HistoryConfig.Store.INFLUXDB && influx.isEmpty()) {
      if (!h.has("influxdb")) h.self().problem(problems, "store: influxdb needs an influxdb: section with url, org, bucket and token_env or token_file");
      return HistoryConfig.EMBEDDED;
    }
    return new HistoryConfig(store, retention, maxSize, influx);
  }

  /** store: {type: postgres, url: jdbc:postgresql://…, user, password_env | password_file, key_secret_env | key_secret_file}. */
  private static Optional<StoreConfig> store(YamlMap s, Path base, Problems problems) {
    String type = s.string("type", problems).orElse(StoreConfig.POSTGRES);
    if (!type.equals(StoreConfig.POSTGRES)) s.get("type").ifPresent(v -> v.problem(problems, "a store's type is postgres"));
    Optional<String> url = s.requireString("url", problems);
    url.filter(u -> !u.startsWith("jdbc:postgresql://"))
        .ifPresent(u -> s.get("url").ifPresent(v -> v.problem(problems, "a PostgreSQL JDBC URL starts with jdbc:postgresql://")));
    url.filter(u -> u.contains("password="))
        .ifPresent(u -> s.get("url").ifPresent(v -> v.problem(problems,
            "passwords do not belong in files: name the environment variable that holds it with password_env, or a file with password_file")));
    Optional<String> user = s.requireString("user", problems);
    Optional<String> passwordEnv = s.string("password_env", problems);
    Optional<Path> passwordFile = existing(s, "password_file", base, problems);
    if (s.has("password")) s.get("password").ifPresent(v -> v.problem(problems,
        "passwords do not belong in files: name the environment variable that holds it with password_env, or a file with password_file"));
    else if (s.has("password_env") == s.has("password_file")) s.self().problem(problems, "give exactly one of password_env or password_file");
    // the platform's private key is kept in the store encrypted with this secret, which is no more in the file than the password
    Optional<String> keySecretEnv = s.string("key_secret_env", problems);
    Optional<Path> keySecretFile = existing(s, "key_secret_file", base, problems);
    if (s.has("key_secret")) s.get("key_secret").ifPresent(v -> v.problem(problems,
        "secrets do not belong in files: name the environment variable that holds it with key_secret_env, or a file with key_secret_file"));
    else if (s.has("key_secret_env") && s.has("key_secret_file")) s.self().problem(problems, "give one of key_secret_env or key_secret_file, not both");
    s.rejectUnknown(problems);
    if (url.isEmpty() || user.isEmpty() || passwordEnv.isPresent() == passwordFile.isPresent()) return Optional.empty();
    return Optional.of(new StoreConfig(type, url.get(), user.get(), passwordEnv, passwordFile, keySecretEnv, keySecretFile));
  }

  private static Optional<InfluxConfig> influx(YamlMap i, Path base, Problems problems) {
    Optional<String> url = i.requireString("url", problems);
    url.filter(u -> !u.startsWith("http://") && !u.startsWith("https://"))
        .ifPresent(u -> i.get("url").ifPresent(v -> v.problem(problems, "an InfluxDB URL starts with http:// or https://")));
    Optional<String> org = i.requireString("org", problems);
    Optional<String> bucket = i.requireString("bucket", problems);
    Optional<String> tokenEnv = i.string("token_env", problems);
    Optional<Path> tokenFile = i.string("token_file", problems).map(base::resolve);
    if (i.has("token")) i.get("token").ifPresent(v -> v.problem(problems,
        "tokens do not belong in files: name the environment variable that holds it with token_env, or a file with token_file"));
    else if (tokenEnv.isPresent() == tokenFile.isPresent()) i.self().problem(problems, "give exactly one of token_env or token_file");
    i.rejectUnknown(problems);
    if (url.isEmpty() || org.isEmpty() || bucket.isEmpty() || tokenEnv.isPresent() == tokenFile.isPresent()) return Optional.empty();
    return Optional.of(new InfluxConfig(url.get(), org.get(), bucket.get(), tokenEnv, tokenFile));
  }

  private static Optional<ConnectionConfig> connection(YamlMap c, Path base, Problems problems, Reached reached) {
    Optional<String> id = id(c, problems);
    Optional<String> opcua = c.string("opcua", problems);
    Optional<String> mqtt = c.string("mqtt", problems);
    if (opcua.isPresent() == mqtt.isPresent()) {
      c.self().problem(problems, "give exactly one of opcua: <endpoint URL> or mqtt: <broker URI>");
    }
    opcua.filter(u -> !u.startsWith("opc.tcp://"))
        .ifPresent(u -> c.get("opcua").ifPresent(v -> v.problem(problems, "an OPC UA endpoint starts with opc.tcp://")));
    mqtt.filter(u -> !u.startsWith("tcp://") && !u.startsWith("ssl://"))
        .ifPresent(u -> c.get("mqtt").ifPresent(v -> v.problem(problems, "a broker URI starts with tcp:// or ssl://")));
    MqttVersion version = MqttVersion.V5;
    Optional<YamlValue> versionNode = c.get("version");
    if (versionNode.isPresent()) {
      String text = versionNode.get().text().orElse("");
      if (text.equals("5")) version = MqttVersion.V5;
      else if (text.equals("3.1.1")) version = MqttVersion.V3_1_1;
      else versionNode.get().problem(problems, "an MQTT version is 5 or 3.1.1");
    }
    int qos = c.number("qos", problems).map(Double::intValue).orElse(1);
    if (qos < 0 || qos > 1) c.get("qos").ifPresent(v -> v.problem(problems, "QoS 0 or 1"));
    Optional<String> username = c.string("username", problems);
    Optional<String> passwordEnv = c.string("password_env", problems);
    Optional<Path> passwordFile = existing(c, "password_file", base, problems);
    if (c.has("password")) c.get("password").ifPresent(v -> v.problem(problems,
        "passwords do not belong in files: name the environment variable that holds it with password_env, or a file with password_file"));
    if (c.has("password_env") && c.has("password_file")) {
      c.self().problem(problems, "give one of password_env or password_file, not both");
    } else if ((c.has("password_env") || c.has("password_file")) && !c.has("username")) {
      c.get(c.has("password_env") ? "password_env" : "password_file").ifPresent(v -> v.problem(problems,
          "a password goes with a username: add username:"));
    }
    Optional<String> discover = c.string("discover_topics", problems);
    Optional<MqttTls> tls = c.get("tls").flatMap(v -> v.asMap(problems)).flatMap(t -> MqttTlsSection.read(t, base, problems));
    if (c.has("tls") && !mqtt.filter(u -> u.startsWith("ssl://")).isPresent()) {
      c.get("tls").ifPresent(v -> v.problem(problems, "tls: goes with an MQTT broker URI that starts with ssl://"));
    }
    Optional<SparkplugSection> sparkplug = sparkplug(c, problems);
    Optional<String> group = sparkplug.map(SparkplugSection::group);
    if (c.has("sparkplug") && opcua.isPresent()) {
      c.get("sparkplug").ifPresent(v -> v.problem(problems, "sparkplug: goes with an MQTT broker (mqtt: tcp://... or ssl://...)"));
    }
    if (c.has("sparkplug") && c.has("discover_topics")) {
      c.get("discover_topics").ifPresent(v -> v.problem(problems,
          "a Sparkplug connection lists the metrics of the births it has seen; discover_topics is for plain MQTT"));
    }
    OpcUaSecurityConfig security = OpcUaSecurityConfig.NONE;
    if (opcua.isPresent()) security = OpcUaSecuritySection.read(c, base, problems);
    else OpcUaSecuritySection.onlyForOpcUa(c, problems);
    c.rejectUnknown(problems);
    if (id.isEmpty() || opcua.isPresent() == mqtt.isPresent()) return Optional.empty();
    if (c.has("sparkplug") && group.isEmpty()) return Optional.empty();
    ConnectionConfig read = opcua.isPresent()
        ? ConnectionConfig.opcua(id.get(), opcua.get()).withOpcUaSecurity(security)
        : new ConnectionConfig(id.get(), group.isPresent() ? ConnectionConfig.SPARKPLUG : ConnectionConfig.MQTT, mqtt.get(), version, qos,
            username, passwordEnv, passwordFile, group.isPresent() ? Optional.empty() : discover,
            tls.filter(t -> mqtt.get().startsWith("ssl://")), group, sparkplug.flatMap(SparkplugSection::hostId), OpcUaSecurityConfig.NONE);
    YamlValue url = c.get(opcua.isPresent() ? "opcua" : "mqtt").orElseThrow();
    reached.connections.add(new ConnectionSite(read, url.location(), url.path()));
    return Optional.of(read);
  }

  /**
   * A binding file does not know a connection's group, so a Sparkplug address of another group than
   * its connection reads is found here, at the address's line in the binding file.
   */
  private static void sparkplugGroups(List<ConnectionConfig> connections, Reached reached, Problems problems) {
    Map<String, String> groups = new LinkedHashMap<>();
    connections.forEach(c -> c.sparkplugGroup().ifPresent(g -> groups.put(c.id(), g)));
    if (groups.isEmpty()) return;
    for (TwinFiles t : reached.twins) {
      // the file's own problems are the binding loader's to report
      for (BindingSites.Site site : BindingSites.read(t.bindings(), t.model(), t.protocols(), new Problems())) {
        for (BindingSites.Use u : site.uses()) {
          String group = groups.get(u.connection());
          if (group == null) continue;
          try {
            SparkplugAddress a = SparkplugAddress.parse(u.address());
            if (!a.group().equals(group)) {
              problems.add(u.at(), u.field(), "'" + u.address() + "' is in the group '" + a.group() + "'; connection '" + u.connection()
                  + "' reads the group '" + group + "'");
            }
          } catch (IllegalArgumentException e) {
            // a malformed address is the binding loader's to report
          }
        }
      }
    }
  }

  /** A connection's {@code sparkplug:} section. */
  private record SparkplugSection(String group, Optional<String> hostId) {}

  /**
   * {@code sparkplug: {group: lab1, host_id: twinlab}}: the broker's Sparkplug B edge nodes of that
   * group, rather than plain topics; with {@code host_id}, the runtime is their primary host.
   */
  private static Optional<SparkplugSection> sparkplug(YamlMap c, Problems problems) {
    Optional<YamlMap> sp = c.get("sparkplug").flatMap(v -> v.asMap(problems));
    if (sp.isEmpty()) return Optional.empty();
    Optional<String> group = checkedId(sp.get(), "group", sp.get().requireString("group", problems), problems);
    Optional<String> hostId = checkedId(sp.get(), "host_id", sp.get().string("host_id", problems), problems);
    sp.get().rejectUnknown(problems);
    if (group.isEmpty() || sp.get().has("host_id") && hostId.isEmpty()) return Optional.empty();
    return Optional.of(new SparkplugSection(group.get(), hostId));
  }

  private static Optional<String> checkedId(YamlMap m, String field, Optional<String> id, Problems problems) {
    return id.filter(g -> {
      Optional<String> wrong = SparkplugAddress.idProblem(field.equals("host_id") ? "host" : field, g);
      wrong.ifPresent(w -> m.get(field).ifPresent(v -> v.problem(problems, w)));
      return wrong.isEmpty();
    });
  }

  private static Optional<TwinConfig> twin(YamlMap t, Path base, Map<String, String> protocols, Problems problems, Reached reached) {
    Optional<String> id = id(t, problems);
    Optional<TwinModel> model = model(t, base, problems, reached);
    Optional<YamlValue> bindingsNode = t.require("bindings", problems);
    Optional<String> bindingsFile = bindingsNode.flatMap(v -> v.asString(problems));
    Optional<String> station = t.string("station", problems);
    station.filter(s -> !Ids.isName(s)).ifPresent(s -> t.get("station").ifPresent(v ->
        v.problem(problems, "'" + s + "' is not a station name: lower case letters, digits and - (e.g. station-3)")));
    t.rejectUnknown(problems);
    if (bindingsFile.isEmpty()) return Optional.empty();
    Path file = base.resolve(bindingsFile.get());
    if (!Files.isRegularFile(file)) {
      bindingsNode.get().problem(problems, "no binding file " + file);
      return Optional.empty();
    }
    reached.files.add(file.toString());
    reached.twins.add(new TwinFiles(id.orElse(""), model, file, Map.copyOf(protocols)));
    if (id.isEmpty() || model.isEmpty()) return Optional.empty();
    try {
      BindingSet set = BindingLoader.load(file.toString(), Files.newBufferedReader(file), model.get(), protocols);
      if (!set.twin().equals(id.get())) {
        bindingsNode.get().problem(problems, file.getFileName() + " binds twin '" + set.twin() + "', not '" + id.get() + "'");
      }
      return Optional.of(new TwinConfig(id.get(), model.get(), set, station.orElse(null)));
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> carry(p, problems));
    } catch (java.io.IOException e) {
      bindingsNode.get().problem(problems, "cannot read " + file + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<TwinModel> model(YamlMap t, Path base, Problems problems, Reached reached) {
    Optional<String> builtIn = t.string("model", problems);
    Optional<String> file = t.string("model_file", problems);
    if (builtIn.isPresent() == file.isPresent()) {
      t.self().problem(problems, "give a built-in model: (" + String.join(", ", ModelLibrary.BUILT_IN) + ") or a model_file:");
      return Optional.empty();
    }
    if (builtIn.isPresent()) {
      if (!ModelLibrary.BUILT_IN.contains(builtIn.get())) {
        t.get("model").ifPresent(v -> v.problem(problems, "no built-in model '" + builtIn.get() + "' (" + String.join(", ", ModelLibrary.BUILT_IN) + ")"));
        return Optional.empty();
      }
      return Optional.of(ModelLibrary.loadBuiltIn(builtIn.get()));
    }
    reached.files.add(base.resolve(file.get()).toString());
    try {
      return Optional.of(ModelLoader.load(base.resolve(file.get())));
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> carry(p, problems));
      return Optional.empty();
    }
  }

  private static Optional<String> id(YamlMap m, Problems problems) {
    Optional<String> id = m.requireString("id", problems);
    if (id.isPresent() && !Ids.isName(id.get())) {
      m.get("id").ifPresent(v -> v.problem(problems, "'" + id.get() + "' is not an id: lower case letters, digits and - (e.g. plc-station-1)"));
      return Optional.empty();
    }
    return id;
  }

  private static void unique(YamlMap m, String key, List<String> ids, Problems problems) {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    ids.forEach(i -> {
      if (!seen.add(i)) twice.add(i);
    });
    if (!twice.isEmpty()) m.get(key).ifPresent(v -> v.problem(problems, "ids used twice: " + String.join(", ", twice)));
  }

  private static void carry(Problem p, Problems problems) {
    problems.add(p.location(), p.field(), p.message());
  }
}
