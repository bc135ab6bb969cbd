package org.twinlab.connectors.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.opcua.SecurityProviders;
import org.twinlab.testing.TestPki;

/**
 * A runtime with a secured OPC UA connection registers Bouncy Castle (Aes256_Sha256_RsaPss signs
 * with it); the MQTT broker's PEM keys must read and match their certificates all the same.
 */
class PemWithBouncyCastleRegisteredTest {
  @TempDir Path dir;

  @Test
  void everyKeyFormStillReadsAsAJdkKeyThatMatchesItsCertificate() throws Exception {
    SecurityProviders.install();
    TestPki pki = TestPki.create(dir, "lab");
    for (TestPki.KeyForm form : TestPki.KeyForm.values()) {
      char[] password = form.name().contains("ENCRYPTED") ? "key-pass".toCharArray() : null;
      TestPki.Issued issued = pki.client("client-" + form.name().toLowerCase(), "twin-runtime", form, password);
      var key = Pem.privateKey(issued.key(), Optional.ofNullable(password));
      assertThat(key.getAlgorithm()).as(form.name()).isIn("RSA", "EC");
      assertThat(Pem.matches(key, Pem.certificates(issued.cert()).get(0))).as(form.name()).isTrue();
    }
  }
}
