package org.twinlab.connectors.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.testing.TestPki;

/** Keys in each form OpenSSL writes open, and each wrong file is told apart by its message. */
class PemTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void makeCa() throws Exception {
    pki = TestPki.create(dir.resolve("pki"), "pem");
  }

  @Test
  void pkcs1Pkcs8AndEncryptedKeysOpenAndBelongToTheirCertificates() throws Exception {
    char[] password = "s3cret".toCharArray();
    for (TestPki.KeyForm form : TestPki.KeyForm.values()) {
      TestPki.Issued issued = pki.client("client-" + form, "c-" + form, form, password);
      PrivateKey key = Pem.privateKey(issued.key(), form == TestPki.KeyForm.PKCS8_ENCRYPTED ? Optional.of(password) : Optional.empty());
      assertThat(Pem.matches(key, Pem.certificates(issued.cert()).get(0))).as(form.toString()).isTrue();
    }
    assertThat(Files.readString(pki.client("rsa", "rsa", TestPki.KeyForm.PKCS1, null).key())).contains("BEGIN RSA PRIVATE KEY");
  }

  @Test
  void anEncryptedKeyWithoutItsPasswordOrWithAWrongOneIsRefusedSayingSo() throws Exception {
    TestPki.Issued issued = pki.client("locked", "locked", TestPki.KeyForm.PKCS8_ENCRYPTED, "right".toCharArray());
    assertThatThrownBy(() -> Pem.privateKey(issued.key(), Optional.empty()))
        .isInstanceOf(InvalidPemException.class).hasMessageContaining("encrypted and no password");
    assertThatThrownBy(() -> Pem.privateKey(issued.key(), Optional.of("wrong".toCharArray())))
        .isInstanceOf(InvalidPemException.class).hasMessageContaining("wrong password");
  }

  @Test
  void aKeyOfAnotherCertificateAndFilesWithoutPemAreTold() throws Exception {
    TestPki.Issued a = pki.client("a", "a", TestPki.KeyForm.PKCS8, null);
    TestPki.Issued b = pki.client("b", "b", TestPki.KeyForm.PKCS8, null);
    assertThat(Pem.matches(Pem.privateKey(a.key(), Optional.empty()), Pem.certificates(b.cert()).get(0))).isFalse();
    assertThatThrownBy(() -> Pem.certificates(a.key())).isInstanceOf(InvalidPemException.class).hasMessageContaining("no PEM certificate");
    assertThatThrownBy(() -> Pem.privateKey(a.cert(), Optional.empty())).isInstanceOf(InvalidPemException.class)
        .hasMessageContaining("no PEM private key");
    Path text = Files.writeString(dir.resolve("notes.txt"), "just words\n");
    assertThatThrownBy(() -> Pem.certificates(text)).isInstanceOf(InvalidPemException.class);
    Path binary = Files.write(dir.resolve("cert.der"), pki.ca().getEncoded());
    assertThatThrownBy(() -> Pem.certificates(binary)).isInstanceOf(InvalidPemException.class);
    assertThat(Pem.certificates(pki.caFile())).hasSize(1);
    assertThat(List.of(Pem.certificates(pki.caFile()).get(0).getSubjectX500Principal().getName())).containsExactly("CN=pem test CA");
  }
}
