package org.twinlab.sim.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.twinlab.sim.RigSimulator;

/**
 * Serves one simulated rig over real OPC UA (Milo server SDK), anonymous with security None, as a
 * training PLC's built-in server is usually set up. Each {@link #start()} makes a fresh server, so
 * a stop and start forgets every session and subscription, as a PLC reboot does.
 */
public final class RigOpcUaServer implements AutoCloseable {

  /** Where to listen, and the operation limits to announce (0 = the SDK's default). */
  public record Options(String bindAddress, String hostname, int port, String path, long maxNodesPerRead, long maxMonitoredItemsPerCall) {
    public static Options loopback(int port) {
      return new Options("127.0.0.1", "127.0.0.1", port, "/plc", 0, 0);
    }

    public Options withMaxNodesPerRead(long n) {
      return new Options(bindAddress, hostname, port, path, n, maxMonitoredItemsPerCall);
    }

    public Options withMaxMonitoredItemsPerCall(long n) {
      return new Options(bindAddress, hostname, port, path, maxNodesPerRead, n);
    }
  }

  private final RigSimulator sim;
  private final Options options;
  private volatile OpcUaServer server;
  private volatile RigNamespace namespace;

  public RigOpcUaServer(RigSimulator sim, Options options) {
    this.sim = sim;
    this.options = options;
  }

  public synchronized void start() throws Exception {
    if (server != null) return;
    EndpointConfig endpoint = EndpointConfig.newBuilder()
        .setBindAddress(options.bindAddress())
        .setHostname(options.hostname())
        .setBindPort(options.port())
        .setPath(options.path())
        .setSecurityPolicy(SecurityPolicy.None)
        .setSecurityMode(MessageSecurityMode.None)
        .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
        .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
        .build();
    OpcUaServerConfig config = OpcUaServerConfig.builder()
        .setApplicationUri("urn:twinlab:sim:" + sim.model() + ":" + options.port())
        .setApplicationName(LocalizedText.english("twinlab simulated " + sim.model()))
        .setProductUri("urn:twinlab:sim")
        .setEndpoints(Set.of(endpoint))
        .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
        .setLimits(new Limits(options))
        .build();
    OpcUaServer s = new OpcUaServer(config, profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    RigNamespace ns = new RigNamespace(s, sim);
    ns.startup();
    s.startup().get(20, TimeUnit.SECONDS);
    namespace = ns;
    server = s;
  }

  /** Called after each physics step: serves the new readings, and follows communication-loss faults. */
  public void afterStep(RigSimulator rig) {
    try {
      boolean lost = rig.communicationLost();
      if (lost && isRunning()) {
        stop();
      } else if (!lost && !isRunning()) {
        start();
      }
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(RigOpcUaServer.class).warn("cannot restart the OPC UA server: {}", e.toString());
    }
    RigNamespace ns = namespace;
    if (ns != null) ns.publish(rig.read());
  }

  public boolean isRunning() {
    return server != null;
  }

  public synchronized void stop() throws Exception {
    OpcUaServer s = server;
    server = null;
    namespace = null;
    if (s != null) s.shutdown().get(10, TimeUnit.SECONDS);
  }

  public String endpointUrl() {
    return "opc.tcp://" + options.hostname() + ":" + options.port() + options.path();
  }

  /** The node ids served, in signal order (for benchmarks and discovery tests). */
  public List<String> nodeIds() {
    RigNamespace ns = namespace;
    return ns == null ? List.of() : ns.nodeIds();
  }

  public static String namespaceUri() {
    return RigNamespace.URI;
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private record Limits(Options options) implements OpcUaServerConfigLimits {
    @Override
    public UInteger getMaxNodesPerRead() {
      return options.maxNodesPerRead() > 0 ? uint(options.maxNodesPerRead()) : OpcUaServerConfigLimits.super.getMaxNodesPerRead();
    }

    @Override
    public UInteger getMaxMonitoredItemsPerCall() {
      return options.maxMonitoredItemsPerCall() > 0 ? uint(options.maxMonitoredItemsPerCall())
          : OpcUaServerConfigLimits.super.getMaxMonitoredItemsPerCall();
    }
  }
}
