package org.twinlab.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust list on disk: what is refused, where it goes, and how an administrator's decision is kept. */
class OpcUaPkiTest {
  @TempDir Path dir;
  static X509Certificate plc;
  static X509Certificate expired;

  @BeforeAll
  static void certificates() throws Exception {
    KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    plc = new SelfSignedCertificateBuilder(keys).setCommonName("PLC 1").setApplicationUri("urn:plc:1").build();
    // a negative period: valid from now until yesterday, so never valid
    expired = new SelfSignedCertificateBuilder(keys).setCommonName("PLC old").setApplicationUri("urn:plc:old")
        .setValidityPeriod(Period.ofDays(-1)).build();
  }

  private static void check(OpcUaPki pki, X509Certificate cert) throws UaException {
    pki.validator().validateCertificateChain(List.of(cert), "urn:plc", new String[0]);
  }

  @Test
  void anUnknownCertificateIsRefusedAndKeptInRejectedByItsThumbprint() throws Exception {
    OpcUaPki pki = OpcUaPki.at(dir);
    String thumbprint = OpcUaPki.thumbprint(plc);
    assertThat(thumbprint).matches("[0-9a-f]{40}");
    assertThatThrownBy(() -> check(pki, plc)).isInstanceOf(OpcUaPki.UntrustedCertificateException.class)
        .hasMessageContaining("the server's certificate " + thumbprint + " is not trusted")
        .satisfies(e -> assertThat(((UaException) e).getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_CertificateUntrusted));
    assertThat(Files.readAllBytes(dir.resolve("rejected").resolve(thumbprint + ".der"))).isEqualTo(plc.getEncoded());
    assertThat(pki.list()).singleElement().satisfies(e -> {
      assertThat(e.trusted()).isFalse();
      assertThat(e.subject()).contains("CN=PLC 1");
      assertThat(e.applicationUri()).isEqualTo("urn:plc:1");
    });
  }

  @Test
  void aThumbprintIsTakenInAnyCaseWithOrWithoutColonsAndNothingElse() throws Exception {
    OpcUaPki pki = OpcUaPki.at(dir);
    assertThatThrownBy(() -> check(pki, plc)).isInstanceOf(OpcUaPki.UntrustedCertificateException.class);
    String t = OpcUaPki.thumbprint(plc);
    String colons = String.join(":", t.toUpperCase().split("(?<=\\G..)"));
    assertThat(pki.trust("../" + t)).isFalse();
    assertThat(pki.trust("not-hex")).isFalse();
    assertThat(pki.trust(colons)).isTrue();
    check(pki, plc);
    assertThat(pki.list()).singleElement().satisfies(e -> assertThat(e.trusted()).isTrue());
    assertThat(dir.resolve("rejected").resolve(t + ".der")).doesNotExist();
    assertThat(pki.trust(t)).as("trusting twice is no error").isTrue();

    assertThat(pki.remove(t)).isTrue();
    assertThat(pki.remove(t)).isFalse();
    assertThatThrownBy(() -> check(pki, plc)).isInstanceOf(OpcUaPki.UntrustedCertificateException.class);
  }

  @Test
  void aTrustedCertificateOutsideItsValidityPeriodIsStillRefused() throws Exception {
    OpcUaPki pki = OpcUaPki.at(dir);
    pki.trust(expired);
    assertThatThrownBy(() -> check(pki, expired)).isInstanceOf(UaException.class)
        .hasMessageContaining("outside its validity period");
  }

  @Test
  void theOwnKeyIsWrittenForItsOwnerOnlyAndTheCertificateReused() throws Exception {
    OpcUaPki.Own first = OpcUaPki.at(dir).ownCertificate();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("own/key.pem")))).isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("own/key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(OpcUaPki.at(dir).ownCertificate().certificate()).isEqualTo(first.certificate());
    assertThat(OpcUaPki.applicationUri(first.certificate())).isEqualTo(OpcUaPki.defaultApplicationUri());
    // a key lost (a backup restored without keys): a new pair, never a certificate without its key
    Files.delete(dir.resolve("own/key.pem"));
    OpcUaPki.Own renewed = OpcUaPki.at(dir).ownCertificate();
    assertThat(renewed.certificate()).isNotEqualTo(first.certificate());
    assertThat(renewed.certificate().getPublicKey()).isEqualTo(renewed.keyPair().getPublic());
  }
}
