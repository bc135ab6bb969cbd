package org.twinlab.runtime.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.twinlab.runtime.durable.DurableFiles;

/**
 * The platform's Ed25519 key, which signs each session's evidence as it goes (checkpoints) and
 * seals it when the session ends. Made on first use in {@code <data>/keys/}: the private key readable by its owner only, the public key
 * beside it for anyone who checks a log ({@code twinlab evidence verify --key}).
 */
public final class PlatformKey {
  public static final String PRIVATE_FILE = "platform-ed25519.key";
  public static final String PUBLIC_FILE = "platform-ed25519.pub";
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private PlatformKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** The key of a data directory, made when there is none yet. */
  public static PlatformKey openOrCreate(Path dataDir) {
    Path dir = dataDir.resolve("keys");
    Path priv = dir.resolve(PRIVATE_FILE);
    Path pub = dir.resolve(PUBLIC_FILE);
    try {
      if (Files.exists(priv)) {
        KeyFactory f = KeyFactory.getInstance("Ed25519");
        return new PlatformKey(f.generatePrivate(new PKCS8EncodedKeySpec(pem(priv))), readPublic(pub));
      }
      if (Files.exists(pub)) {
        // the public half without its private key: a backup restored without --include-keys, or a lost
        // key. A new key would quietly make every session signed so far look forged, so none is made.
        throw new IllegalStateException("the platform's private key " + priv + " is missing, but its public key "
            + fingerprint(readPublic(pub)) + " is there: sessions are signed with it. Put the private key back (restore a"
            + " backup taken with --include-keys), or move " + dir + " away to begin again with a new key");
      }
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      org.twinlab.runtime.durable.OwnerOnly.directory(dir);
      writePem(priv, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
      writePem(pub, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
      return new PlatformKey(pair.getPrivate(), pair.getPublic());
    } catch (IOException e) {
      throw new UncheckedIOException("the platform key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the platform key in " + dir + " does not read: " + e.getMessage(), e);
    }
  }

  /**
   * The lab's one key, kept in its shared store for every node: made by whichever node comes first
   * (the store keeps one pair under its lock), the same pair for all after. Its public half is also
   * written to {@code <data>/keys/} (unless that directory holds a private key of its own), so
   * {@code twinlab keys export} and {@code evidence verify --data} work on any node.
   */
  public static PlatformKey shared(org.twinlab.runtime.shared.SharedKeys keys, Path dataDir) {
    org.twinlab.runtime.shared.SharedKeys.StoredKey stored = keys.getOrCreate("platform-ed25519", () -> {
      try {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        return new org.twinlab.runtime.shared.SharedKeys.StoredKey("Ed25519", pair.getPublic().getEncoded(), pair.getPrivate().getEncoded());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    Path dir = dataDir.resolve("keys");
    try {
      KeyFactory f = KeyFactory.getInstance("Ed25519");
      PlatformKey key = new PlatformKey(f.generatePrivate(new PKCS8EncodedKeySpec(stored.privateDer())),
          f.generatePublic(new X509EncodedKeySpec(stored.publicDer())));
      if (!Files.exists(dir.resolve(PRIVATE_FILE))) {
        Path pub = dir.resolve(PUBLIC_FILE);
        if (!Files.exists(pub) || !java.util.Arrays.equals(readPublic(pub).getEncoded(), stored.publicDer())) {
          org.twinlab.runtime.durable.OwnerOnly.directory(dir);
          writePem(pub, "PUBLIC KEY", stored.publicDer(), false);
        }
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("the platform's public key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the platform key in the store does not read: " + e.getMessage(), e);
    }
  }

  /** A public key file as this class writes it (PEM, SubjectPublicKeyInfo). */
  public static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pem(file)));
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The public key as PEM (SubjectPublicKeyInfo): what {@code twinlab evidence verify --key} takes. */
  public String publicPem() {
    return pemText("PUBLIC KEY", publicKey.getEncoded());
  }

  /** The public key file of a data directory; it exists once the runtime has made the key. */
  public static Path publicFile(Path dataDir) {
    return dataDir.resolve("keys").resolve(PUBLIC_FILE);
  }

  byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A short name for a public key: the first 16 hex digits of SHA-256 over its encoding. */
  public static String fingerprint(PublicKey key) {
    return "SHA256:" + CanonicalJson.sha256Hex(key.getEncoded()).substring(0, 16);
  }

  private static byte[] pem(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(text);
  }

  private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
    String text = pemText(type, der);
    // the directory is the owner's alone, so the private key is never readable by others
    DurableFiles.replace(file, text);
    if (secret) org.twinlab.runtime.durable.OwnerOnly.restrict(file);
  }

  private static String pemText(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
