package org.twinlab.runtime.connect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.twinlab.connectors.mqtt.MqttAddress;
import org.twinlab.connectors.mqtt.MqttConnector;
import org.twinlab.connectors.mqtt.PayloadDecoder;
import org.twinlab.connectors.mqtt.TopicFilter;
import org.twinlab.runtime.binding.BindingFit;

/**
 * Listens to some MQTT addresses' topics on the runtime's own connection for a bounded window, as
 * {@code serve --check --online} does with a fresh client: the last payload the connector already
 * received on each topic (a retained one arrives at subscribe), then what arrives, until every
 * address's pointer finds a value or the window has passed. Only topics matching the addresses are
 * kept, so an answer tells nothing of other topics. Nothing here waits on a thread.
 */
final class MqttListen {
  private static final int MAX_TOPICS = 10_000;

  private MqttListen() {}

  /** The last payload seen on each topic matching one of the addresses. */
  static CompletableFuture<Map<String, PayloadDecoder.Parsed>> listen(MqttConnector connector, List<MqttAddress> addresses, Duration window) {
    Map<String, PayloadDecoder.Parsed> seen = new ConcurrentHashMap<>();
    CompletableFuture<Map<String, PayloadDecoder.Parsed>> done = new CompletableFuture<>();
    Runnable settle = () -> {
      if (addresses.stream().allMatch(a -> BindingFit.resolves(a, seen))) done.complete(Map.copyOf(seen));
    };
    AutoCloseable tap = connector.tap((topic, parsed) -> {
      if (seen.size() >= MAX_TOPICS && !seen.containsKey(topic)) return;
      if (addresses.stream().noneMatch(a -> TopicFilter.matches(a.filter(), topic))) return;
      seen.put(topic, parsed);
      settle.run();
    });
    // after the tap, so a message arriving meanwhile is newer than what was kept and wins
    addresses.forEach(a -> connector.lastPayloads(a.filter()).forEach(seen::putIfAbsent));
    settle.run();
    CompletableFuture.delayedExecutor(window.toMillis(), TimeUnit.MILLISECONDS).execute(() -> done.complete(Map.copyOf(seen)));
    return done.whenComplete((m, e) -> {
      try {
        tap.close();
      } catch (Exception ignored) {
        // removing from a list does not fail
      }
    });
  }
}
