package org.twinlab.connectors.mqtt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.ConnectorSupport;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.WriteResult;

/**
 * MQTT connector on Eclipse Paho (MQTT 5, or 3.1.1 for older brokers). It reconnects with
 * backoff on its own and subscribes every requested filter again after each connect, so a broker
 * restart (which forgets clean sessions) costs only the gap.
 */
public final class MqttConnector extends ConnectorSupport {
  private static final Logger LOG = LoggerFactory.getLogger(MqttConnector.class);
  private static final int MAX_TOPICS_SEEN = 10_000;

  private final MqttConnectorConfig config;
  private static final int MAX_SAMPLE_CHARS = 4096;
  /** Topic to its last payload, for discovery: what a technician binds to. */
  private final Map<String, PayloadDecoder.Parsed> topicsSeen = new ConcurrentHashMap<>();

  /** Signal id to its route; replaced whole on change so the message path reads it without locks. */
  private volatile Map<String, Route> routes = Map.of();
  /** Routes of exact topics, found by one lookup per message. */
  private volatile Map<String, List<Route>> byTopic = Map.of();
  /** Routes of wildcard filters, grouped so each filter is matched once per message. */
  private volatile Map<String, List<Route>> byWildcard = Map.of();
  private volatile MqttLink link;
  private int attempt;
  /** Who hears every message as it arrives, for checks that judge what a topic carries. */
  private final List<java.util.function.BiConsumer<String, PayloadDecoder.Parsed>> taps = new java.util.concurrent.CopyOnWriteArrayList<>();

  private record Route(SignalRequest request, MqttAddress address) {}

  /** @param clock dates the messages whose payload carries no time of its own */
  public MqttConnector(MqttConnectorConfig config, ConnectorListener listener, java.time.Clock clock) {
    super("mqtt", config.id(), listener, clock);
    this.config = config;
  }

  @Override
  public void start() {
    emit(ConnectionState.CONNECTING, null);
    worker.execute(this::connect);
  }

  private void connect() {
    if (closed) return;
    MqttLink l;
    Events events = new Events();
    try {
      l = MqttLink.open(config, events);
      events.owner = l;
    } catch (Exception e) {
      emit(ConnectionState.FAILED, "cannot create the MQTT client: " + describe(e));
      return;
    }
    link = l;
    AtomicReference<Set<String>> subscribed = new AtomicReference<>(Set.of());
    l.connect()
        .thenCompose(v -> {
          subscribed.set(filters(routes.values()));
          return subscribeAll(l, subscribed.get());
        })
        .whenCompleteAsync((v, e) -> {
          if (closed) return;
          if (e == null) {
            attempt = 0;
            emit(ConnectionState.CONNECTED, null);
            // signals requested while connecting saw no connection and the snapshot above missed them
            Set<String> late = filters(routes.values());
            late.removeAll(subscribed.get());
            if (!late.isEmpty()) {
              subscribeAll(l, late).exceptionally(x -> {
                LOG.warn("{}: subscribing {} failed: {}", config.id(), late, describe(x));
                return null;
              });
            }
          } else {
            retry(l, TlsFailures.explain(e).orElseGet(() -> describe(e)));
          }
        }, worker);
  }

  private void retry(MqttLink failed, String why) {
    LOG.debug("{}: {}", config.id(), why);
    if (link != failed) return;
    link = null;
    failed.close();
    markAllBad(requestedSignals(), "not connected: " + why);
    emit(ConnectionState.RECONNECTING, why);
    worker.schedule(this::connect, config.backoff().delay(attempt++).toMillis());
  }

  private CompletableFuture<Void> subscribeAll(MqttLink l, Set<String> filters) {
    CompletableFuture<?>[] all = filters.stream().map(f -> l.subscribe(f, config.qos())).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all);
  }

  private static Set<String> filters(Collection<Route> rs) {
    Set<String> out = new HashSet<>();
    rs.forEach(r -> out.add(r.address().filter()));
    return out;
  }

  @Override
  public CompletableFuture<Void> subscribe(List<SignalRequest> signals) {
    Map<String, Route> added = new HashMap<>();
    try {
      for (SignalRequest r : signals) added.put(r.signal(), new Route(r, MqttAddress.parse(r.address())));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture.supplyAsync(() -> {
      Set<String> before = filters(routes.values());
      Map<String, Route> next = new HashMap<>(routes);
      next.putAll(added);
      setRoutes(next);
      Set<String> fresh = filters(added.values());
      fresh.removeAll(before);
      return fresh;
    }, worker).thenCompose(fresh -> {
      MqttLink l = link;
      return l != null && state == ConnectionState.CONNECTED ? subscribeAll(l, fresh) : CompletableFuture.completedFuture(null);
    });
  }

  @Override
  public CompletableFuture<Void> unsubscribe(Collection<String> signalIds) {
    return CompletableFuture.supplyAsync(() -> {
      Map<String, Route> next = new HashMap<>(routes);
      signalIds.forEach(next::remove);
      Set<String> gone = filters(routes.values());
      gone.removeAll(filters(next.values()));
      setRoutes(next);
      return gone;
    }, worker).thenCompose(gone -> {
      MqttLink l = link;
      if (l == null || state != ConnectionState.CONNECTED) return CompletableFuture.completedFuture(null);
      return CompletableFuture.allOf(gone.stream().map(l::unsubscribe).toArray(CompletableFuture[]::new));
    });
  }

  private java.util.List<SignalRequest> requestedSignals() {
    return routes.values().stream().map(Route::request).toList();
  }

  private void setRoutes(Map<String, Route> next) {
    Map<String, List<Route>> exact = new HashMap<>();
    Map<String, List<Route>> wild = new HashMap<>();
    for (Route r : next.values()) {
      String f = r.address().filter();
      boolean wildcard = f.contains("+") || f.contains("#");
      (wildcard ? wild : exact).computeIfAbsent(f, k -> new ArrayList<>()).add(r);
    }
    routes = Map.copyOf(next);
    byTopic = Map.copyOf(exact);
    byWildcard = Map.copyOf(wild);
  }

  @Override
  public CompletableFuture<WriteResult> write(String address, Object value) {
    MqttAddress a;
    try {
      a = MqttAddress.parse(address);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(WriteResult.failed(e.getMessage()));
    }
    if (a.filter().contains("+") || a.filter().contains("#")) {
      return CompletableFuture.completedFuture(WriteResult.failed("cannot publish to a wildcard topic " + a.filter()));
    }
    MqttLink l = link;
    if (l == null || state != ConnectionState.CONNECTED) {
      return CompletableFuture.completedFuture(WriteResult.unavailable("not connected to " + config.serverUri()));
    }
    return l.publish(a.filter(), PayloadDecoder.encode(a, value), 1, false)
        .handle((v, e) -> e == null ? WriteResult.OK : WriteResult.failed(describe(e)));
  }

  /** Topics seen so far under a prefix (all when empty), with their last payload and, for JSON, its values by pointer. */
  @Override
  public CompletableFuture<List<DiscoveredSignal>> discover(String prefix) {
    String p = prefix == null ? "" : prefix;
    List<DiscoveredSignal> out = new ArrayList<>();
    topicsSeen.forEach((topic, last) -> {
      if (!topic.startsWith(p)) return;
      String text = last.text().length() > MAX_SAMPLE_CHARS ? last.text().substring(0, MAX_SAMPLE_CHARS) + "…" : last.text();
      out.add(new DiscoveredSignal(topic, topic, last.isJson() ? "json" : "text", false, false, true, text, null,
          last.isJson() ? PayloadDecoder.fields(last.json()) : List.of()));
    });
    out.sort((x, y) -> x.address().compareTo(y.address()));
    return CompletableFuture.completedFuture(out);
  }

  /** The last payload received on each topic matching the filter, since the connector started. */
  public Map<String, PayloadDecoder.Parsed> lastPayloads(String filter) {
    Map<String, PayloadDecoder.Parsed> out = new HashMap<>();
    topicsSeen.forEach((topic, last) -> {
      if (TopicFilter.matches(filter, topic)) out.put(topic, last);
    });
    return out;
  }

  /**
   * Hands every message received from now on to {@code hears} (topic and parsed payload) until the
   * returned handle is closed. It runs on the MQTT client's thread, before the samples: keep it short.
   */
  public AutoCloseable tap(java.util.function.BiConsumer<String, PayloadDecoder.Parsed> hears) {
    taps.add(hears);
    return () -> taps.remove(hears);
  }

  @Override
  public void close() {
    shutDown(() -> {
      MqttLink l = link;
      link = null;
      if (l != null) l.close();
    });
  }

  private void onMessage(String topic, byte[] payload) {
    Instant received = clock.instant();
    PayloadDecoder.Parsed parsed = PayloadDecoder.parse(payload);
    if (topicsSeen.size() < MAX_TOPICS_SEEN || topicsSeen.containsKey(topic)) {
      topicsSeen.put(topic, parsed);
    }
    taps.forEach(t -> t.accept(topic, parsed));
    Instant at = PayloadDecoder.timestamp(parsed, config.timestampPointer()).orElse(received);
    List<Sample> out = new ArrayList<>();
    decode(byTopic.getOrDefault(topic, List.of()), topic, parsed, at, out);
    for (Map.Entry<String, List<Route>> e : byWildcard.entrySet()) {
      if (TopicFilter.matches(e.getKey(), topic)) decode(e.getValue(), topic, parsed, at, out);
    }
    if (!out.isEmpty()) listener.onSamples(out);
  }

  private static void decode(List<Route> rs, String topic, PayloadDecoder.Parsed parsed, Instant at, List<Sample> out) {
    for (Route r : rs) {
      PayloadDecoder.Decoded d = PayloadDecoder.value(parsed, r.address().pointer());
      out.add(d.ok() ? new Sample(r.request().signal(), topic, d.value(), at, Quality.GOOD)
          : new Sample(r.request().signal(), topic, null, at, Quality.bad(d.error())));
    }
  }

  /** Events of one link; a late event of a replaced link is ignored by {@link #retry}. */
  private final class Events implements MqttLink.Events {
    private volatile MqttLink owner;

    @Override
    public void message(String topic, byte[] payload) {
      onMessage(topic, payload);
    }

    @Override
    public void lost(Throwable cause) {
      MqttLink l = owner;
      later(() -> {
        if (!closed && l != null) retry(l, "connection lost: " + describe(cause));
      });
    }
  }
}
