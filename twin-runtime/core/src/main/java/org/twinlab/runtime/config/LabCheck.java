package org.twinlab.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.ConnectorSupport;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.mqtt.MqttAddress;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.TlsFailures;
import org.twinlab.connectors.mqtt.MqttLink;
import org.twinlab.connectors.mqtt.PayloadDecoder;
import org.twinlab.connectors.opcua.NodeFacts;
import org.twinlab.connectors.opcua.OpcUaConnector;
import org.twinlab.connectors.sparkplug.SparkplugAddress;
import org.twinlab.connectors.sparkplug.SparkplugConnector;
import org.twinlab.models.yaml.Problem;
import org.twinlab.models.yaml.Problems;
import org.twinlab.runtime.binding.BindingFit;
import org.twinlab.runtime.binding.BindingSites;
import org.twinlab.runtime.binding.BindingSites.Site;
import org.twinlab.runtime.binding.BindingSites.Use;

/**
 * Checks a lab before it runs: its configuration, binding and model files, and (online) every
 * binding against the server or broker it names: that an OPC UA node exists, that its DataType
 * fits the property through the binding's transform and its access level allows what the binding
 * does; that an MQTT topic carries messages and the binding's JSON Pointer finds a value in them;
 * that a Sparkplug metric is in its node's or device's birth and its type fits the property.
 * Every problem at once, in file order (the configuration, then each twin's model and binding
 * files as it names them), then line and column.
 */
public final class LabCheck {
  /** How long an MQTT check listens for each bound topic to carry a message (retained or live). */
  public static final Duration LISTEN = Duration.ofSeconds(5);

  private LabCheck() {}

  /**
   * @param inFiles problems of the configuration, model and binding files themselves
   * @param online problems the servers and brokers showed, unreachable connections among them
   * @param notChecked signals on a connection that could not be reached: neither passed nor failed
   * @param all all of these in file, line and column order
   * @param bindings how many binding and command entries were read
   */
  public record Report(Optional<LabConfig> lab, List<Problem> inFiles, List<Problem> online, List<Problem> notChecked, List<Problem> all,
      int bindings) {
    public boolean clean() {
      return all.isEmpty();
    }

    public int problems() {
      return inFiles.size() + online.size();
    }
  }

  /** The configuration and the files it names, without connecting to anything. */
  public static Report offline(Path config) {
    return check(config, Optional.empty());
  }

  /**
   * Offline, then every binding against its connection, all connections at once.
   *
   * @param timeout for each connection to be established and answer
   */
  public static Report online(Path config, Duration timeout) {
    return check(config, Optional.of(timeout));
  }

  private static Report check(Path config, Optional<Duration> online) {
    LabConfigLoader.Inspection in = LabConfigLoader.inspect(config);
    Problems problems = new Problems();
    in.problems().forEach(p -> problems.add(p.location(), p.field(), p.message()));
    List<Site> sites = new ArrayList<>();
    for (LabConfigLoader.TwinFiles t : in.twins()) sites.addAll(BindingSites.read(t.bindings(), t.model(), t.protocols(), problems));
    Problems found = new Problems();
    List<Problem> notChecked = new ArrayList<>();
    // the runtime's own certificate and trust list, so a check is trusted (and refuses) as the runtime would be
    Path pki = OpcUaSecurityConfig.pkiDir(in.lab().map(LabConfig::dataDir).orElse(config.toAbsolutePath().getParent().resolve("twinlab-data")));
    if (online.isPresent()) online(in.connections(), sites, online.get(), pki, found, notChecked);
    Comparator<Problem> order = order(in.files());
    List<Problem> all = new ArrayList<>(problems.list());
    all.addAll(found.list());
    all.addAll(notChecked);
    all.sort(order);
    return new Report(in.lab(), sorted(problems.list(), order), sorted(found.list(), order), sorted(notChecked, order), List.copyOf(all),
        sites.size());
  }

  private static List<Problem> sorted(List<Problem> problems, Comparator<Problem> order) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(order);
    return List.copyOf(out);
  }

  /** By file as the configuration reaches them (files it does not name after, by name), then line and column. */
  private static Comparator<Problem> order(List<String> files) {
    Comparator<Problem> byFile = Comparator.comparingInt(p -> {
      int i = files.indexOf(p.location().source());
      return i < 0 ? files.size() : i;
    });
    return byFile.thenComparing(p -> p.location().source()).thenComparingInt(p -> p.location().line())
        .thenComparingInt(p -> p.location().column()).thenComparing(Problem::field);
  }

  // ---- online

  /**
   * What one connection answered: a failure, or facts by address (OPC UA), the last payload by topic
   * (MQTT), or each bound metric's type from the births seen, or why it has none (Sparkplug).
   */
  private record Answer(Optional<String> unreachable, Map<String, NodeFacts> nodes, Map<String, PayloadDecoder.Parsed> topics,
      Map<String, String> metricTypes, Map<String, String> metricsMissing, Set<String> notAsked) {
    static Answer failed(String why) {
      return new Answer(Optional.of(why), Map.of(), Map.of(), null, null, Set.of());
    }

    static Answer nodes(Map<String, NodeFacts> nodes) {
      return new Answer(Optional.empty(), nodes, null, null, null, Set.of());
    }

    static Answer topics(Map<String, PayloadDecoder.Parsed> topics) {
      return new Answer(Optional.empty(), null, topics, null, null, Set.of());
    }

    /** @param notAsked addresses the file check already refuses (malformed, another group): not reported twice */
    static Answer metrics(Map<String, String> types, Map<String, String> missing, Set<String> notAsked) {
      return new Answer(Optional.empty(), null, null, types, missing, notAsked);
    }
  }

  private static void online(List<LabConfigLoader.ConnectionSite> connections, List<Site> sites, Duration timeout, Path pki, Problems problems,
      List<Problem> notChecked) {
    Map<String, CompletableFuture<Answer>> answers = new LinkedHashMap<>();
    for (LabConfigLoader.ConnectionSite c : connections) {
      Set<String> addresses = new LinkedHashSet<>();
      sites.forEach(s -> s.uses().stream().filter(u -> u.connection().equals(c.connection().id())).forEach(u -> addresses.add(u.address())));
      CompletableFuture<Answer> answer = new CompletableFuture<>();
      Thread worker = new Thread(() -> {
        try {
          answer.complete(switch (c.connection().protocol()) {
            case ConnectionConfig.OPCUA -> opcua(c.connection(), List.copyOf(addresses), timeout, pki);
            case ConnectionConfig.SPARKPLUG -> sparkplug(c.connection(), addresses, timeout);
            default -> mqtt(c.connection(), addresses, timeout);
          });
        } catch (Exception e) {
          answer.complete(Answer.failed(ConnectorSupport.describe(e)));
        }
      }, "twinlab-check-" + c.connection().id());
      worker.setDaemon(true);
      worker.start();
      answers.put(c.connection().id(), answer);
    }
    Map<String, Answer> got = new LinkedHashMap<>();
    long bound = timeout.toMillis() * 2 + LISTEN.toMillis() + 5_000; // connect, ask, listen; a stuck peer cannot hold the check
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(bound);
    for (LabConfigLoader.ConnectionSite c : connections) {
      Answer a;
      try {
        a = answers.get(c.connection().id()).get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        a = Answer.failed("no answer within " + timeout.toSeconds() + " s");
      }
      got.put(c.connection().id(), a);
      a.unreachable().ifPresent(why -> problems.add(c.at(), c.field(), "cannot reach " + c.connection().url() + ": " + why));
    }
    for (Site s : sites) {
      for (Use u : s.uses()) {
        Answer a = got.get(u.connection());
        if (a == null) continue;
        if (a.unreachable().isPresent()) {
          notChecked.add(new Problem(u.at(), u.field(), "not checked: connection '" + u.connection() + "' was not reached"));
          continue;
        }
        judge(s, u, a).ifPresent(w -> problems.add(u.at(), u.field(), w));
      }
    }
  }

  private static Optional<String> judge(Site s, Use u, Answer a) {
    BindingFit.Subject subject = new BindingFit.Subject(s.name(), s.command(), s.property(), s.transform(), s.value());
    if (a.topics() != null) return BindingFit.mqtt(subject, u.address(), u.reads(), a.topics(), LISTEN.toSeconds());
    if (a.metricTypes() != null) {
      if (a.notAsked().contains(u.address())) return Optional.empty();
      return BindingFit.sparkplug(subject, Optional.ofNullable(a.metricTypes().get(u.address())),
          a.metricsMissing().getOrDefault(u.address(), "no birth of " + u.address().substring(0, Math.max(0, u.address().indexOf('#')))
              + " was seen within " + LISTEN.toSeconds() + " s, though the check asked for one"));
    }
    NodeFacts node = a.nodes().get(u.address());
    return node == null ? Optional.empty() : BindingFit.opcua(subject, u.connection(), u.reads(), u.writes(), node);
  }

  private static Answer opcua(ConnectionConfig c, List<String> addresses, Duration timeout, Path pki) throws Exception {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    OpcUaConnector connector = new OpcUaConnector(c.opcuaConnector(c.id() + "-check", pki), new ConnectorListener() {
      @Override
      public void onSamples(List<Sample> samples) {}

      @Override
      public void onStateChanged(ConnectionEvent e) {
        if (e.state() == ConnectionState.CONNECTED) connected.complete(null);
        if (e.state() == ConnectionState.RECONNECTING || e.state() == ConnectionState.FAILED) {
          connected.completeExceptionally(new IllegalStateException(e.lastError().orElse(e.state().name().toLowerCase())));
        }
      }
    }, java.time.Clock.systemUTC());
    try {
      connector.start();
      try {
        connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return Answer.failed("no session within " + timeout.toSeconds() + " s");
      } catch (java.util.concurrent.ExecutionException e) {
        return Answer.failed(e.getCause().getMessage());
      }
      if (addresses.isEmpty()) return Answer.nodes(Map.of());
      List<NodeFacts> facts;
      try {
        facts = connector.inspect(addresses).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return Answer.failed("no answer about the bound nodes within " + timeout.toSeconds() + " s");
      } catch (java.util.concurrent.ExecutionException e) {
        return Answer.failed("reading the bound nodes failed: " + ConnectorSupport.describe(e.getCause()));
      }
      Map<String, NodeFacts> byAddress = new LinkedHashMap<>();
      facts.forEach(f -> byAddress.put(f.address(), f));
      return Answer.nodes(byAddress);
    } finally {
      connector.close();
    }
  }

  private static Answer mqtt(ConnectionConfig c, Set<String> addresses, Duration timeout) throws Exception {
    MqttConnectorConfig config = c.mqttConnector(c.id() + "-check");
    Map<String, PayloadDecoder.Parsed> seen = new ConcurrentHashMap<>();
    List<MqttAddress> wanted = addresses.stream().map(MqttAddress::parse).toList();
    MqttLink link = MqttLink.open(config, new MqttLink.Events() {
      @Override
      public void message(String topic, byte[] payload) {
        if (seen.size() < 10_000) seen.put(topic, PayloadDecoder.parse(payload));
      }

      @Override
      public void lost(Throwable cause) {}
    });
    try {
      try {
        link.connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return Answer.failed("no answer within " + timeout.toSeconds() + " s");
      } catch (java.util.concurrent.ExecutionException e) {
        return Answer.failed(TlsFailures.explain(e.getCause()).orElseGet(() -> ConnectorSupport.describe(e.getCause())));
      }
      for (String filter : new LinkedHashSet<>(wanted.stream().map(MqttAddress::filter).toList())) {
        link.subscribe(filter, c.qos()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      long until = System.nanoTime() + LISTEN.toNanos();
      while (System.nanoTime() < until && !wanted.stream().allMatch(w -> BindingFit.resolves(w, seen))) Thread.sleep(50);
      return Answer.topics(Map.copyOf(seen));
    } finally {
      link.close();
    }
  }

  /**
   * Listens to the group as a Sparkplug host does, asking every bound node for its birth, until each
   * bound metric is known or {@link #LISTEN} has passed; a metric's type comes from its birth.
   */
  private static Answer sparkplug(ConnectionConfig c, Set<String> addresses, Duration timeout) throws Exception {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    Map<String, Sample> seen = new ConcurrentHashMap<>();
    SparkplugConnector connector = new SparkplugConnector(c.sparkplugConnector(c.id() + "-check"), new ConnectorListener() {
      @Override
      public void onSamples(List<Sample> samples) {
        samples.forEach(s -> seen.put(s.signal(), s));
      }

      @Override
      public void onStateChanged(ConnectionEvent e) {
        if (e.state() == ConnectionState.CONNECTED) connected.complete(null);
        if (e.state() == ConnectionState.RECONNECTING || e.state() == ConnectionState.FAILED) {
          connected.completeExceptionally(new IllegalStateException(e.lastError().orElse(e.state().name().toLowerCase())));
        }
      }
    }, java.time.Clock.systemUTC());
    try {
      // addresses the file check already refuses are left to that report
      Set<String> notAsked = new LinkedHashSet<>();
      List<org.twinlab.connectors.SignalRequest> wanted = addresses.stream().filter(a -> {
        try {
          boolean ours = SparkplugAddress.parse(a).group().equals(c.sparkplugGroup().orElse(""));
          if (!ours) notAsked.add(a);
          return ours;
        } catch (IllegalArgumentException e) {
          notAsked.add(a);
          return false;
        }
      }).map(a -> org.twinlab.connectors.SignalRequest.of(a, a)).toList();
      Map<String, String> missing = new LinkedHashMap<>();
      List<org.twinlab.connectors.SignalRequest> asked = new ArrayList<>();
      for (org.twinlab.connectors.SignalRequest r : wanted) {
        try {
          connector.subscribe(List.of(r)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          asked.add(r);
        } catch (java.util.concurrent.ExecutionException e) {
          missing.put(r.address(), ConnectorSupport.describe(e.getCause()));
        }
      }
      connector.start();
      try {
        connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return Answer.failed("no answer within " + timeout.toSeconds() + " s");
      } catch (java.util.concurrent.ExecutionException e) {
        return Answer.failed(TlsFailures.explain(e.getCause()).orElseGet(() -> ConnectorSupport.describe(e.getCause())));
      }
      long until = System.nanoTime() + LISTEN.toNanos();
      while (System.nanoTime() < until && !asked.stream().allMatch(r -> seen.containsKey(r.signal()))) Thread.sleep(50);
      Map<String, String> types = new LinkedHashMap<>();
      connector.discover("").get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach(d -> types.put(d.address(), d.dataType()));
      for (org.twinlab.connectors.SignalRequest r : asked) {
        Sample s = seen.get(r.signal());
        if (!types.containsKey(r.address()) && s != null && s.quality().isBad()) missing.put(r.address(), s.quality().reason());
      }
      return Answer.metrics(Map.copyOf(types), Map.copyOf(missing), Set.copyOf(notAsked));
    } finally {
      connector.close();
    }
  }
}
