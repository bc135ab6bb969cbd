package org.twinlab.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A throwaway certificate authority for TLS tests, made at run time: CA, broker and client
 * certificates and their keys, written as PEM files that mosquitto (running as its own user) can
 * read. Nothing of it is ever stored in the repository.
 */
public final class TestPki {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** An instance, never registered: the code under test must not depend on a registered provider. */
  private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private final Path dir;
  private final String name;
  private final KeyPair caKey;
  private final X509Certificate ca;

  private TestPki(Path dir, String name, KeyPair caKey, X509Certificate ca) {
    this.dir = dir;
    this.name = name;
    this.caKey = caKey;
    this.ca = ca;
  }

  /** A new CA; its files go into {@code dir} (made readable by the broker's user). */
  public static TestPki create(Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    KeyPair key = ec();
    X500Name subject = new X500Name("CN=" + name + " test CA");
    X509v3CertificateBuilder b = builder(subject, subject, key);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    TestPki pki = new TestPki(dir, name, key, sign(b, key));
    pki.write(name + "-ca.pem", List.of(new JcaMiscPEMGenerator(pki.ca)));
    return pki;
  }

  public Path caFile() {
    return dir.resolve(name + "-ca.pem");
  }

  public X509Certificate ca() {
    return ca;
  }

  /** Files of one issued certificate: the certificate and its key in PEM. */
  public record Issued(Path cert, Path key) {}

  /** How the key of an issued certificate is written. */
  public enum KeyForm {
    /** An RSA key as -----BEGIN RSA PRIVATE KEY----- (what mosquitto's docs and older OpenSSL make) */
    PKCS1,
    /** An EC key as -----BEGIN EC PRIVATE KEY----- */
    SEC1,
    /** An EC key as -----BEGIN PRIVATE KEY----- */
    PKCS8,
    /** An EC key as -----BEGIN ENCRYPTED PRIVATE KEY----- (PBES2, AES-256) */
    PKCS8_ENCRYPTED
  }

  /** A broker certificate naming these hosts (DNS names or IP addresses) as subject alternative names. */
  public Issued server(String file, List<String> hosts) throws Exception {
    return issue(file, "CN=" + hosts.get(0), hosts, KeyForm.SEC1, null);
  }

  /** A client certificate; {@code password} only for {@link KeyForm#PKCS8_ENCRYPTED}. */
  public Issued client(String file, String commonName, KeyForm form, char[] password) throws Exception {
    return issue(file, "CN=" + commonName, List.of(), form, password);
  }

  private Issued issue(String file, String subject, List<String> hosts, KeyForm form, char[] password) throws Exception {
    KeyPair key = form == KeyForm.PKCS1 ? rsa() : ec(); // EC keys are made in a millisecond, RSA ones in up to a second
    X509v3CertificateBuilder b = builder(new X500Name("CN=" + name + " test CA"), new X500Name(subject), key);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    if (!hosts.isEmpty()) {
      GeneralName[] names = hosts.stream().map(h -> new GeneralName(
          h.chars().allMatch(c -> Character.isDigit(c) || c == '.') ? GeneralName.iPAddress : GeneralName.dNSName, h))
          .toArray(GeneralName[]::new);
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    X509Certificate cert = sign(b, caKey);
    Path certFile = write(file + ".pem", List.of(new JcaMiscPEMGenerator(cert)));
    PemObjectGenerator keyPem = switch (form) {
      case PKCS1, SEC1 -> new JcaMiscPEMGenerator(key.getPrivate());
      case PKCS8 -> new JcaPKCS8Generator(key.getPrivate(), null);
      case PKCS8_ENCRYPTED -> {
        OutputEncryptor enc = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC).setRandom(RANDOM)
            .setPassword(password).build();
        yield new JcaPKCS8Generator(key.getPrivate(), enc);
      }
    };
    return new Issued(certFile, write(file + ".key", List.of(keyPem)));
  }

  private Path write(String file, List<PemObjectGenerator> objects) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(text)) {
      for (PemObjectGenerator o : objects) w.writeObject(o);
    }
    Path p = dir.resolve(file);
    Files.writeString(p, text.toString());
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    return p;
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(2))), subject, key.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
    ContentSigner s = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(signer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(b.build(s));
  }

  private static KeyPair ec() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC); // its SEC1 form carries the curve, as OpenSSL's does
    g.initialize(256, RANDOM);
    return g.generateKeyPair();
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, RANDOM);
    return g.generateKeyPair();
  }

}
