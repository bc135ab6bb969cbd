package org.twinlab.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twinlab.connectors.Backoff;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.sim.TankProcessSim;
import org.twinlab.sim.opcua.RigOpcUaServer;
import org.twinlab.sim.opcua.SimSecurity;
import org.twinlab.testing.Ports;
import org.twinlab.testing.RecordingListener;
import org.twinlab.testing.SimulatedPlc;

/** Our connector against the simulated PLC's secured endpoints on loopback: real signing and encryption on the wire. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SecuredOpcUaConnectorIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SIGNAL = "tank.level";

  @TempDir Path pki;
  private SimulatedPlc plc;
  private OpcUaConnector connector;
  private final RecordingListener listener = new RecordingListener();
  private static X509Certificate userCert;
  private static KeyPair userKeys;

  @BeforeEach
  void start() throws Exception {
    synchronized (SecuredOpcUaConnectorIT.class) {
      if (userCert == null) {
        userKeys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        userCert = new SelfSignedCertificateBuilder(userKeys).setCommonName("examiner-7").setApplicationUri("urn:twinlab:user:examiner-7")
            .build();
      }
    }
    SimSecurity security = SimSecurity.users(Map.of("trainee", "s3cret-Pa55")).withX509User(userCert);
    plc = new SimulatedPlc(new TankProcessSim(5), RigOpcUaServer.Options.loopback(Ports.free()).withSecurity(security));
  }

  @AfterEach
  void stop() throws Exception {
    if (connector != null) connector.close();
    plc.close();
  }

  private void connect(OpcUaSecurity security) throws Exception {
    connector = new OpcUaConnector(OpcUaConnectorConfig.of("station-1", plc.server.endpointUrl()).withSecurity(security)
        .withBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1))), listener, java.time.Clock.systemUTC());
    connector.start();
    connector.subscribe(List.of(new SignalRequest(SIGNAL, plc.address(SIGNAL), 50, 0))).get(20, TimeUnit.SECONDS);
  }

  private OpcUaSecurity username(OpcUaSecurity.Policy policy, OpcUaSecurity.Mode mode, String password) {
    return OpcUaSecurity.secured(policy, mode, new OpcUaIdentity.Username("trainee", () -> password), pki);
  }

  private void trustTheServer() throws Exception {
    OpcUaPki.at(pki).trust(plc.server.certificate().orElseThrow());
  }

  private Optional<String> lastError() {
    List<ConnectionEvent> events = listener.events();
    return events.isEmpty() ? Optional.empty() : events.get(events.size() - 1).lastError();
  }

  @Test
  void basic256Sha256SignAndEncryptWithAUsernameGivesGoodValues() throws Exception {
    trustTheServer();
    connect(username(OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Mode.SignAndEncrypt, "s3cret-Pa55"));
    await().atMost(WAIT).until(() -> connector.state() == ConnectionState.CONNECTED);
    await().atMost(WAIT).until(() -> listener.latest(SIGNAL) != null && listener.latest(SIGNAL).quality() == Quality.GOOD);
    assertThat(listener.latest(SIGNAL).value()).isInstanceOf(Double.class);
  }

  // The certificate is the client's identity to every server that trusted it: made once, kept, its key private.
  @Test
  void theClientCertificateIsMadeOnFirstStartAndReusedWithAnOwnerOnlyKey() throws Exception {
    OpcUaPki store = OpcUaPki.at(pki);
    trustTheServer();
    assertThat(pki.resolve("own/cert.der")).doesNotExist();
    connect(username(OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Mode.SignAndEncrypt, "s3cret-Pa55"));
    await().atMost(WAIT).until(() -> connector.state() == ConnectionState.CONNECTED);
    OpcUaPki.Own first = store.ownCertificate();
    OpcUaPki.Own again = OpcUaPki.at(pki).ownCertificate();
    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(again.keyPair().getPrivate().getEncoded()).isEqualTo(first.keyPair().getPrivate().getEncoded());
    assertThat(OpcUaPki.applicationUri(first.certificate())).isEqualTo(OpcUaPki.defaultApplicationUri());
    assertThat(Files.getPosixFilePermissions(pki.resolve("own/key.pem")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aWrongPasswordIsRefusedWithAClearReason() throws Exception {
    trustTheServer();
    connect(username(OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Mode.SignAndEncrypt, "guess"));
    await().atMost(WAIT).until(() -> lastError().isPresent());
    assertThat(connector.state()).isEqualTo(ConnectionState.RECONNECTING);
    assertThat(lastError().orElseThrow()).contains("refused the login as user trainee").doesNotContain("guess");
  }

  @ParameterizedTest
  @CsvSource({"Aes128_Sha256_RsaOaep, Sign", "Aes128_Sha256_RsaOaep, SignAndEncrypt", "Aes256_Sha256_RsaPss, Sign",
      "Aes256_Sha256_RsaPss, SignAndEncrypt", "Basic256Sha256, Sign"})
  void theOtherPoliciesAndModesWorkToo(OpcUaSecurity.Policy policy, OpcUaSecurity.Mode mode) throws Exception {
    trustTheServer();
    connect(username(policy, mode, "s3cret-Pa55"));
    await().atMost(WAIT).until(() -> listener.latest(SIGNAL) != null && listener.latest(SIGNAL).quality() == Quality.GOOD);
  }

  // The acceptance: an unknown server is refused until an administrator trusts it, then works without a restart.
  @Test
  void anUntrustedServerIsRefusedAndListedUntilTrustedThenTheNextConnectSucceeds() throws Exception {
    connect(username(OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Mode.SignAndEncrypt, "s3cret-Pa55"));
    String thumbprint = OpcUaPki.thumbprint(plc.server.certificate().orElseThrow());
    await().atMost(WAIT).until(() -> lastError().isPresent());
    assertThat(lastError().orElseThrow()).isEqualTo("the server's certificate " + thumbprint
        + " is not trusted: an administrator can trust it with `twinlab certs trust " + thumbprint + "`");
    assertThat(pki.resolve("rejected").resolve(thumbprint + ".der")).exists();
    OpcUaPki store = OpcUaPki.at(pki);
    assertThat(store.list()).singleElement().satisfies(e -> {
      assertThat(e.thumbprint()).isEqualTo(thumbprint);
      assertThat(e.trusted()).isFalse();
      assertThat(e.applicationUri()).startsWith("urn:twinlab:sim:");
    });
    assertThat(connector.state()).isNotEqualTo(ConnectionState.CONNECTED);

    assertThat(store.trust(thumbprint.toUpperCase())).isTrue();
    await().atMost(WAIT).until(() -> connector.state() == ConnectionState.CONNECTED);
    await().atMost(WAIT).until(() -> listener.latest(SIGNAL) != null && listener.latest(SIGNAL).quality() == Quality.GOOD);
    assertThat(pki.resolve("rejected").resolve(thumbprint + ".der")).doesNotExist();
    assertThat(store.list()).singleElement().satisfies(e -> assertThat(e.trusted()).isTrue());
  }

  @Test
  void aServerWithoutTheWantedEndpointIsNamedWithWhatItOffers() throws Exception {
    trustTheServer();
    connect(OpcUaSecurity.NONE);
    await().atMost(WAIT).until(() -> lastError().isPresent());
    assertThat(lastError().orElseThrow())
        .startsWith("the server offers no endpoint for None/None with Anonymous login; it offers ")
        .contains("Basic256Sha256/SignAndEncrypt (UserName, Certificate)");
  }

  @Test
  void anX509UserIdentityLogsIn() throws Exception {
    trustTheServer();
    connect(OpcUaSecurity.secured(OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Mode.SignAndEncrypt,
        new OpcUaIdentity.X509(userCert, userKeys.getPrivate()), pki));
    await().atMost(WAIT).until(() -> listener.latest(SIGNAL) != null && listener.latest(SIGNAL).quality() == Quality.GOOD);
  }

  @Test
  void anUnknownUserCertificateIsRefusedWithAClearReason() throws Exception {
    trustTheServer();
    KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    X509Certificate stranger = new SelfSignedCertificateBuilder(keys).setCommonName("stranger").setApplicationUri("urn:stranger").build();
    connect(OpcUaSecurity.secured(OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Mode.SignAndEncrypt,
        new OpcUaIdentity.X509(stranger, keys.getPrivate()), pki));
    await().atMost(WAIT).until(() -> lastError().isPresent());
    assertThat(lastError().orElseThrow()).startsWith("the server refused the login as certificate " + OpcUaPki.thumbprint(stranger));
  }

  // Every connection of a runtime shares one client certificate: a PLC trusts the runtime once, not per connection.
  @Test
  void connectionsStartingTogetherShareOneClientCertificate() throws Exception {
    trustTheServer();
    OpcUaSecurity security = username(OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Mode.SignAndEncrypt, "s3cret-Pa55");
    RecordingListener second = new RecordingListener();
    try (OpcUaConnector other = new OpcUaConnector(OpcUaConnectorConfig.of("station-2", plc.server.endpointUrl()).withSecurity(security),
        second, java.time.Clock.systemUTC())) {
      other.start();
      connect(security);
      await().atMost(WAIT).until(() -> connector.state() == ConnectionState.CONNECTED && other.state() == ConnectionState.CONNECTED);
    }
    try (var own = Files.list(pki.resolve("own"))) {
      assertThat(own.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("cert.der", "key.pem");
    }
  }
}
