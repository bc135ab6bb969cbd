package org.twinlab.sim.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigBuilder;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.twinlab.connectors.opcua.SecurityProviders;
import org.twinlab.sim.RigSimulator;

/**
 * Serves one simulated rig over real OPC UA (Milo server SDK), anonymous with security None, as a
 * training PLC's built-in server is usually set up, or with secured endpoints only ({@link SimSecurity}). Each {@link #start()} makes a fresh server, so
 * a stop and start forgets every session and subscription, as a PLC reboot does.
 */
public final class RigOpcUaServer implements AutoCloseable {

  /**
   * Where to listen, the operation limits to announce (0 = the SDK's default), and the secured
   * endpoints to serve instead of the open one (empty: security None, anonymous).
   */
  public record Options(String bindAddress, String hostname, int port, String path, long maxNodesPerRead, long maxMonitoredItemsPerCall,
      Optional<SimSecurity> security) {
    public static Options loopback(int port) {
      return new Options("127.0.0.1", "127.0.0.1", port, "/plc", 0, 0, Optional.empty());
    }

    public Options withMaxNodesPerRead(long n) {
      return new Options(bindAddress, hostname, port, path, n, maxMonitoredItemsPerCall, security);
    }

    public Options withMaxMonitoredItemsPerCall(long n) {
      return new Options(bindAddress, hostname, port, path, maxNodesPerRead, n, security);
    }

    public Options withSecurity(SimSecurity s) {
      return new Options(bindAddress, hostname, port, path, maxNodesPerRead, maxMonitoredItemsPerCall, Optional.of(s));
    }
  }

  private final RigSimulator sim;
  private final Options options;
  private volatile OpcUaServer server;
  private volatile RigNamespace namespace;
  private KeyPair serverKeyPair;
  private volatile X509Certificate serverCertificate;

  public RigOpcUaServer(RigSimulator sim, Options options) {
    this.sim = sim;
    this.options = options;
  }

  public synchronized void start() throws Exception {
    if (server != null) return;
    OpcUaServerConfigBuilder config = OpcUaServerConfig.builder()
        .setApplicationUri(applicationUri())
        .setApplicationName(LocalizedText.english("twinlab simulated " + sim.model()))
        .setProductUri("urn:twinlab:sim")
        .setLimits(new Limits(options));
    if (options.security().isPresent()) {
      secured(config, options.security().get());
    } else {
      config.setEndpoints(Set.of(endpoint(SecurityPolicy.None, MessageSecurityMode.None, options.path(), null)
              .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS).build()))
          .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()));
    }
    OpcUaServer s = new OpcUaServer(config.build(), profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    RigNamespace ns = new RigNamespace(s, sim);
    ns.startup();
    s.startup().get(20, TimeUnit.SECONDS);
    namespace = ns;
    server = s;
  }

  private String applicationUri() {
    return "urn:twinlab:sim:" + sim.model() + ":" + options.port();
  }

  private EndpointConfig.Builder endpoint(SecurityPolicy policy, MessageSecurityMode mode, String path, X509Certificate cert) {
    EndpointConfig.Builder b = EndpointConfig.newBuilder()
        .setBindAddress(options.bindAddress())
        .setHostname(options.hostname())
        .setBindPort(options.port())
        .setPath(path)
        .setSecurityPolicy(policy)
        .setSecurityMode(mode)
        .setTransportProfile(TransportProfile.TCP_UASC_UABINARY);
    return cert == null ? b : b.setCertificate(cert);
  }

  /**
   * Every secured policy and mode with username and X.509 logins, and a discovery endpoint without
   * security, as OPC UA asks of a server whose regular endpoints are all secured.
   */
  private void secured(OpcUaServerConfigBuilder config, SimSecurity security) throws Exception {
    SecurityProviders.install();
    KeyPair pair = serverKeyPair();
    X509Certificate cert = serverCertificate;
    Set<EndpointConfig> endpoints = new LinkedHashSet<>();
    for (SecurityPolicy policy : SimSecurity.POLICIES) {
      for (MessageSecurityMode mode : SimSecurity.MODES) {
        endpoints.add(endpoint(policy, mode, options.path(), cert)
            .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME, OpcUaServerConfig.USER_TOKEN_POLICY_X509).build());
      }
    }
    endpoints.add(endpoint(SecurityPolicy.None, MessageSecurityMode.None, options.path() + "/discovery", cert).build());
    MemoryTrustListManager trustList = new MemoryTrustListManager();
    MemoryCertificateQuarantine quarantine = new MemoryCertificateQuarantine();
    RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
      @Override
      protected KeyPair createRsaSha256KeyPair() {
        return pair;
      }

      @Override
      protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
        return new X509Certificate[] {cert};
      }
    };
    // any client application certificate is accepted (see SimSecurity); Milo's insecure validator would warn at every connect
    CertificateValidator anyClient = (chain, uri, hosts) -> {};
    DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trustList, new MemoryCertificateStore(), factory, anyClient);
    config.setEndpoints(endpoints)
        .setCertificateManager(new DefaultCertificateManager(quarantine, group))
        .setIdentityValidator(new CompositeValidator(
            new UsernameIdentityValidator(challenge -> security.accepts(challenge.getUsername(), challenge.getPassword())),
            new X509IdentityValidator(security::accepts)));
  }

  /** Made once per server object, so a restart (a communication-loss fault) keeps the certificate a client trusted. */
  private synchronized KeyPair serverKeyPair() throws Exception {
    if (serverKeyPair == null) {
      KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      serverCertificate = new SelfSignedCertificateBuilder(pair)
          .setCommonName("twinlab simulated " + sim.model())
          .setOrganization("twinlab")
          .setApplicationUri(applicationUri())
          .addDnsName("localhost")
          .addIpAddress(options.hostname().matches("[0-9.]+") ? options.hostname() : "127.0.0.1")
          .setValidityPeriod(Period.ofYears(2))
          .build();
      serverKeyPair = pair;
    }
    return serverKeyPair;
  }

  /** The server's application certificate; empty until a secured server has started. */
  public Optional<X509Certificate> certificate() {
    return Optional.ofNullable(serverCertificate);
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
