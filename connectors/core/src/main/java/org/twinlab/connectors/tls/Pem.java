package org.twinlab.connectors.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Certificates and private keys from PEM files, as OpenSSL and mosquitto's own tools write them:
 * PKCS#8, PKCS#1 (RSA) and SEC1 (EC) keys, plain or encrypted. The JDK reads only unencrypted
 * PKCS#8, hence BouncyCastle; its provider is used as an instance and never registered, so nothing
 * else in the process changes.
 */
public final class Pem {
  private static final Provider BC = new BouncyCastleProvider();

  private Pem() {}

  /** Every certificate in the file, in order (a chain: the leaf first). */
  public static List<X509Certificate> certificates(Path file) throws IOException, InvalidPemException {
    List<X509Certificate> out = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (Object o : objects(file)) {
      if (!(o instanceof X509CertificateHolder holder)) continue;
      try {
        out.add(converter.getCertificate(holder));
      } catch (CertificateException e) {
        throw new InvalidPemException("a certificate that cannot be read: " + e.getMessage());
      }
    }
    if (out.isEmpty()) throw new InvalidPemException("no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
    return List.copyOf(out);
  }

  /** The first private key in the file; {@code password} opens an encrypted one. */
  public static PrivateKey privateKey(Path file, Optional<char[]> password) throws IOException, InvalidPemException {
    for (Object o : objects(file)) {
      try {
        if (o instanceof PrivateKeyInfo info) return jdkKey(info);
        if (o instanceof PEMKeyPair pair) return jdkKey(pair.getPrivateKeyInfo()); // the public half is optional in SEC1
        if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
          char[] p = password.orElseThrow(() -> new InvalidPemException("the key is encrypted and no password was given for it"));
          return jdkKey(encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(p)));
        }
        if (o instanceof PEMEncryptedKeyPair encrypted) {
          char[] p = password.orElseThrow(() -> new InvalidPemException("the key is encrypted and no password was given for it"));
          return jdkKey(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(p)).getPrivateKeyInfo());
        }
      } catch (PKCSException | PEMException | OperatorCreationException e) {
        throw new InvalidPemException("the key cannot be opened (a wrong password?): " + e.getMessage());
      }
    }
    throw new InvalidPemException("no PEM private key (-----BEGIN PRIVATE KEY----- or RSA/EC PRIVATE KEY) in it");
  }

  /**
   * The key as the JDK's own providers make it. Where Bouncy Castle is registered (Milo needs it for
   * RSA-PSS) a converter left to choose would make EC keys Bouncy Castle's, whose algorithm name
   * ("ECDSA") the JDK's TLS and our own checks do not expect.
   */
  private static PrivateKey jdkKey(PrivateKeyInfo info) throws PEMException {
    String algorithm = switch (info.getPrivateKeyAlgorithm().getAlgorithm().getId()) {
      case "1.2.840.113549.1.1.1" -> "RSA";
      case "1.2.840.10045.2.1" -> "EC";
      case "1.3.101.112" -> "Ed25519";
      default -> null;
    };
    try {
      if (algorithm == null) return new JcaPEMKeyConverter().getPrivateKey(info);
      return java.security.KeyFactory.getInstance(algorithm).generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (GeneralSecurityException | IOException e) {
      throw new PEMException("cannot read the key: " + e.getMessage(), e);
    }
  }

  /** Whether the key signs what the certificate's public key verifies: a key and certificate of one pair. */
  public static boolean matches(PrivateKey key, X509Certificate cert) {
    PublicKey pub = cert.getPublicKey();
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) return pub.getAlgorithm().equals(key.getAlgorithm()); // unknown kind: cannot check more
    try {
      byte[] probe = "twinlab key check".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      s.update(probe);
      byte[] signature = s.sign();
      Signature v = Signature.getInstance(algorithm);
      v.initVerify(pub);
      v.update(probe);
      return v.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static List<Object> objects(Path file) throws IOException, InvalidPemException {
    List<Object> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) out.add(o);
    } catch (PEMException e) {
      throw new InvalidPemException("not a readable PEM file: " + e.getMessage());
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InvalidPemException("not a PEM file (binary content; DER files need converting to PEM)");
    }
    return out;
  }
}
