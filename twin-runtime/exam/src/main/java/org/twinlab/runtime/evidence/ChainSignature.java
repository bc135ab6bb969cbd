package org.twinlab.runtime.evidence;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The platform's signature over a chain's head, as a seal or a checkpoint carries it. A seal signs
 * the head itself; a checkpoint signs {@code "twinlab evidence checkpoint <seq> <head>"}, so that
 * one can never be passed off as the other.
 */
public final class ChainSignature {
  private ChainSignature() {}

  /** The data of a checkpoint record that signs a chain up to record {@code upTo}, whose hash is {@code head}. */
  public static JsonObject checkpointData(PlatformKey key, long upTo, String head) {
    return data(key, checkpointMessage(upTo, head)).put("upTo", upTo).put("signed", head);
  }

  /** The data of the seal record over a chain whose head is {@code head}. */
  public static JsonObject sealData(PlatformKey key, String head) {
    return data(key, head).put("signed", head);
  }

  static String checkpointMessage(long upTo, String head) {
    return "twinlab evidence checkpoint " + upTo + " " + head;
  }

  /** The signature fields of a record: algorithm, the key and its fingerprint, and the signature over {@code message}. */
  static JsonObject data(PlatformKey key, String message) {
    byte[] signature = key.sign(message.getBytes(StandardCharsets.US_ASCII));
    return new JsonObject().put("algorithm", "Ed25519")
        .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()))
        .put("fingerprint", PlatformKey.fingerprint(key.publicKey()))
        .put("signature", Base64.getEncoder().encodeToString(signature));
  }

  /**
   * Checks a record's signature over {@code message}, made by the key it names and (when given) that
   * key the trusted one; null when good, else why not.
   */
  static String check(JsonObject d, String message, PublicKey trusted) {
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
          new X509EncodedKeySpec(Base64.getDecoder().decode(d.getString("publicKey", ""))));
      if (trusted != null && !Arrays.equals(trusted.getEncoded(), key.getEncoded())) {
        return "signed by key " + PlatformKey.fingerprint(key) + ", not the trusted platform key " + PlatformKey.fingerprint(trusted);
      }
      if (!PlatformKey.fingerprint(key).equals(d.getString("fingerprint"))) return "the fingerprint is not its key's";
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message.getBytes(StandardCharsets.US_ASCII));
      if (!s.verify(Base64.getDecoder().decode(d.getString("signature", "")))) return "the signature does not verify";
      return null;
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      return "the signature does not read: " + e.getMessage();
    }
  }
}
