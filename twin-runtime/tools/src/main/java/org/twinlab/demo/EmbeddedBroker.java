package org.twinlab.demo;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.List;
import java.util.Properties;

/**
 * A real MQTT broker (Moquette) inside the demo process, in memory, on one address and port. It
 * stands in for the lab's broker so the demo needs nothing installed.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final Server server = new Server();
  private final String host;
  private final int port;

  private EmbeddedBroker(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Starts the broker; port 0 is not supported by Moquette, so pick a free one first. */
  public static EmbeddedBroker start(String host, int port) throws IOException {
    EmbeddedBroker broker = new EmbeddedBroker(host, port);
    Properties p = new Properties();
    p.setProperty("host", host);
    p.setProperty("port", Integer.toString(port));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("allow_anonymous", "true");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false"); // Moquette would otherwise report usage to its authors
    p.setProperty("netty.tcp_nodelay", "true");
    p.setProperty("immediate_buffer_flush", "true");
    broker.server.startServer(new MemoryConfig(p), List.of());
    return broker;
  }

  public String uri() {
    return "tcp://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}
