package org.twinlab.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Optional;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.runtime.bus.Bus;
import org.twinlab.runtime.config.ConnectionConfig;
import org.twinlab.runtime.connect.BindingFindings;
import org.twinlab.runtime.connect.Connections;
import org.twinlab.runtime.connect.LiveBindingCheck;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/**
 * Checks the bindings in force against each OPC UA server whenever its session comes up, and each
 * MQTT connection's bound topics whenever it connects (by listening to them for a few seconds): at
 * the runtime's start and after every reconnect (a PLC may come back with another program, a
 * gateway with another payload). What does not fit is logged once and degrades the health check
 * until a later check no longer finds it. An MQTT connection with findings is checked again every
 * {@link #MQTT_RECHECK}: a topic silent at start (a sensor node booting after the runtime) or a
 * payload fixed at its source clears without a reconnect.
 */
final class BindingWatch {
  static final java.time.Duration MQTT_RECHECK = java.time.Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Twins twins;
  private final Connections connections;
  private final LiveBindingCheck check;
  private MessageConsumer<ConnectionEvent> consumer;
  /** MQTT connections with a check again pending, so a reconnect meanwhile does not start a second round. */
  private final java.util.Set<String> recheckPending = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  BindingWatch(Vertx vertx, Twins twins, Connections connections) {
    this.vertx = vertx;
    this.twins = twins;
    this.connections = connections;
    this.check = new LiveBindingCheck(connections);
  }

  /** Checks the connections up now, then each one as its session comes up. */
  void start() {
    consumer = vertx.eventBus().localConsumer(Bus.CONNECTIONS, m -> {
      if (m.body().state() == ConnectionState.CONNECTED) checkOn(m.body().connector());
    });
    connections.states().stream().filter(e -> e.state() == ConnectionState.CONNECTED).forEach(e -> checkOn(e.connector()));
  }

  void stop() {
    stopped = true;
    if (consumer != null) consumer.unregister();
  }

  private void checkOn(String connection) {
    String protocol = connections.protocols().get(connection);
    if (!ConnectionConfig.OPCUA.equals(protocol) && !ConnectionConfig.MQTT.equals(protocol)) return;
    BindingFindings findings = connections.findings();
    for (TwinVerticle t : twins.all()) {
      t.activeBindings().onSuccess(set -> check.check(t.id(), t.twinConfig().model(), set, Optional.of(connection))
          .thenAccept(outcome -> {
            // a check that could not ask (the session went again) leaves what was found before
            if (outcome.notChecked().isEmpty()) findings.checked(t.id(), Optional.of(connection), outcome.problems());
            if (ConnectionConfig.MQTT.equals(protocol) && !outcome.problems().isEmpty()) recheckLater(connection);
          }));
    }
  }

  private void recheckLater(String connection) {
    if (stopped || !recheckPending.add(connection)) return;
    vertx.setTimer(MQTT_RECHECK.toMillis(), id -> {
      recheckPending.remove(connection);
      if (!stopped) checkOn(connection);
    });
  }
}
