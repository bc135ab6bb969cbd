package org.twinlab.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twinlab.connectors.Backoff;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.testing.NodePeer;
import org.twinlab.testing.Ports;
import org.twinlab.testing.RecordingListener;

/**
 * Our secured sessions against node-opcua's: signing, encryption, the user token and the
 * certificate checks must agree with another vendor's reading of the specification, not only Milo's.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NodeOpcUaSecuredServerInteropIT {
  private static final String COUNTER = "nsu=urn:twinlab:interop-peer;s=Line.Counter";
  private static final String PASSWORD = "peer-" + Long.toHexString(System.nanoTime());

  @TempDir Path pki;
  @TempDir Path peerPki;

  private NodePeer.Running peer() throws Exception {
    NodePeer.requireInstalled();
    return NodePeer.startServer(120, Map.of("PEER_PASSWORD", PASSWORD), "peer-secure-server.mjs", String.valueOf(Ports.free()),
        peerPki.toString(), "operator");
  }

  private static OpcUaConnector connector(String url, OpcUaSecurity security, RecordingListener listener) throws Exception {
    OpcUaConnector c = new OpcUaConnector(OpcUaConnectorConfig.of("peer", url).withSecurity(security)
        .withBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1))), listener, java.time.Clock.systemUTC());
    c.start();
    c.subscribe(List.of(new SignalRequest("counter", COUNTER, 50, 0))).get(30, TimeUnit.SECONDS);
    return c;
  }

  private static Optional<String> lastError(RecordingListener listener) {
    List<ConnectionEvent> events = listener.events();
    return events.isEmpty() ? Optional.empty() : events.get(events.size() - 1).lastError();
  }

  // The acceptance against another vendor: refused while untrusted, then a Basic256Sha256 SignAndEncrypt username session.
  @Test
  void anUntrustedNodeOpcUaServerIsRefusedThenTrustedAndItsValuesArriveGood() throws Exception {
    try (NodePeer.Running peer = peer()) {
      RecordingListener listener = new RecordingListener();
      OpcUaSecurity security = OpcUaSecurity.secured(OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Mode.SignAndEncrypt,
          new OpcUaIdentity.Username("operator", () -> PASSWORD), pki);
      try (OpcUaConnector c = connector(peer.url(), security, listener)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> lastError(listener).filter(e -> e.contains("is not trusted")).isPresent());
        OpcUaPki store = OpcUaPki.at(pki);
        OpcUaPki.Entry refused = store.list().get(0);
        assertThat(refused.trusted()).isFalse();
        assertThat(lastError(listener).orElseThrow()).contains(refused.thumbprint());

        assertThat(store.trust(refused.thumbprint())).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> c.state() == ConnectionState.CONNECTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.count("counter") >= 3 && listener.latest("counter").quality().isGood());
        assertThat(listener.latest("counter").value()).isInstanceOf(Long.class);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"Aes128_Sha256_RsaOaep, SignAndEncrypt", "Aes256_Sha256_RsaPss, SignAndEncrypt", "Basic256Sha256, Sign"})
  void theOtherPoliciesMeetNodeOpcUaToo(OpcUaSecurity.Policy policy, OpcUaSecurity.Mode mode) throws Exception {
    try (NodePeer.Running peer = peer()) {
      RecordingListener listener = new RecordingListener();
      trustPeer(peer);
      try (OpcUaConnector c = connector(peer.url(),
          OpcUaSecurity.secured(policy, mode, new OpcUaIdentity.Username("operator", () -> PASSWORD), pki), listener)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.latest("counter") != null && listener.latest("counter").quality().isGood());
      }
    }
  }

  @Test
  void aWrongPasswordIsRefusedByNodeOpcUaWithAClearReason() throws Exception {
    try (NodePeer.Running peer = peer()) {
      RecordingListener listener = new RecordingListener();
      trustPeer(peer);
      try (OpcUaConnector c = connector(peer.url(), OpcUaSecurity.secured(OpcUaSecurity.Policy.Basic256Sha256,
          OpcUaSecurity.Mode.SignAndEncrypt, new OpcUaIdentity.Username("operator", () -> "not-it"), pki), listener)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> lastError(listener).filter(e -> e.contains("refused the login")).isPresent());
        assertThat(lastError(listener).orElseThrow()).contains("user operator").doesNotContain("not-it");
        assertThat(c.state()).isNotEqualTo(ConnectionState.CONNECTED);
      }
    }
  }

  /** A first connect puts the peer's certificate in rejected/; it is trusted from there, as an administrator would. */
  private void trustPeer(NodePeer.Running peer) throws Exception {
    RecordingListener first = new RecordingListener();
    try (OpcUaConnector c = connector(peer.url(), OpcUaSecurity.secured(OpcUaSecurity.Policy.Basic256Sha256,
        OpcUaSecurity.Mode.SignAndEncrypt, new OpcUaIdentity.Username("operator", () -> PASSWORD), pki), first)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> !OpcUaPki.at(pki).list().isEmpty());
    }
    OpcUaPki store = OpcUaPki.at(pki);
    assertThat(store.trust(store.list().get(0).thumbprint())).isTrue();
  }
}
