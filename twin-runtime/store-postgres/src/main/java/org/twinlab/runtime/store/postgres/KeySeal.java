package org.twinlab.runtime.store.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a private key for the database: AES-256-GCM under a key derived from the store's key secret
 * with PBKDF2-HMAC-SHA256 (a fresh salt per key), the key's name and public half as associated data.
 * Whoever reads the table or a dump of it without the secret learns nothing of the private key.
 */
final class KeySeal {
  static final String KDF = "PBKDF2WithHmacSHA256";
  static final int ITERATIONS = 600_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  record Sealed(byte[] ciphertext, String kdf, byte[] salt, byte[] iv) {}

  private KeySeal() {}

  static Sealed seal(String secret, String name, byte[] publicDer, byte[] privateDer) {
    byte[] salt = random(16);
    byte[] iv = random(12);
    String kdf = KDF + ":" + ITERATIONS;
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, secret, kdf, salt, iv);
      c.updateAAD(aad(name, publicDer));
      return new Sealed(c.doFinal(privateDer), kdf, salt, iv);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal the key " + name + ": " + e.getMessage(), e);
    }
  }

  static byte[] open(String secret, String name, byte[] publicDer, Sealed sealed) {
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, secret, sealed.kdf(), sealed.salt(), sealed.iv());
      c.updateAAD(aad(name, publicDer));
      return c.doFinal(sealed.ciphertext());
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalStateException("the key secret does not open the key " + name + " kept in the store: every node of the lab"
          + " must be given the secret the first node sealed it with (store: key_secret_env or key_secret_file)", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open the key " + name + " kept in the store: " + e.getMessage(), e);
    }
  }

  private static Cipher cipher(int mode, String secret, String kdf, byte[] salt, byte[] iv) throws GeneralSecurityException {
    String[] parts = kdf.split(":");
    if (parts.length != 2 || !parts[0].equals(KDF)) throw new GeneralSecurityException("unknown key derivation " + kdf);
    PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, Integer.parseInt(parts[1]), 256);
    byte[] key;
    try {
      key = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
    } finally {
      spec.clearPassword();
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    java.util.Arrays.fill(key, (byte) 0);
    return c;
  }

  private static byte[] aad(String name, byte[] publicDer) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + n.length + publicDer.length).putInt(n.length).put(n).put(publicDer).array();
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
