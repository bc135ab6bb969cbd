package org.twinlab.runtime.evidence;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Checks an evidence file: every line a record, numbered in order, chained to the one before by
 * its hash, its own hash matching its content, and, when sealed, the signature over the chain's
 * head good (and made by the trusted key, when one is given). It names the first line that fails.
 */
public final class EvidenceVerifier {
  private EvidenceVerifier() {}

  /**
   * @param ok whether everything checked holds
   * @param records how many records were read
   * @param line the first line that failed (1-based), or 0
   * @param sealedBy the fingerprint of the key that sealed the log, or null when it is not sealed
   */
  public record Result(boolean ok, int records, int line, String message, String sealedBy) {
    static Result bad(int records, int line, String why) {
      return new Result(false, records, line, "line " + line + ": " + why, null);
    }
  }

  /** @param trusted the platform's public key to require, or null to accept the key the log names */
  public static Result verify(Path file, PublicKey trusted) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines = lines.subList(0, lines.size() - 1);
    String prev = EvidenceRecord.GENESIS;
    String sealedBy = null;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      if (sealedBy != null) return Result.bad(i, n, "a record after the seal");
      EvidenceRecord r;
      JsonObject raw;
      try {
        raw = new JsonObject(lines.get(i));
        r = EvidenceRecord.fromJson(raw);
      } catch (RuntimeException e) {
        return Result.bad(i, n, "not an evidence record: " + e.getMessage());
      }
      if (!raw.equals(r.toJson())) return Result.bad(i, n, "fields that are not part of a record");
      if (r.seq() != n) return Result.bad(i, n, "record number " + r.seq() + ", expected " + n);
      if (!r.prev().equals(prev)) return Result.bad(i, n, "not chained to the record before (prev does not match its hash)");
      if (!r.computeHash().equals(r.hash())) return Result.bad(i, n, "its content does not match its hash");
      if (r.kind().equals(EvidenceLog.SEALED)) {
        String why = checkSeal(r, prev, trusted);
        if (why != null) return Result.bad(i, n, why);
        sealedBy = r.data().getString("fingerprint");
      }
      prev = r.hash();
    }
    String message = lines.size() + " records, chain intact"
        + (sealedBy != null ? ", sealed by platform key " + sealedBy : ", not sealed yet (the session has not ended)");
    return new Result(true, lines.size(), 0, message, sealedBy);
  }

  private static String checkSeal(EvidenceRecord r, String head, PublicKey trusted) {
    JsonObject d = r.data();
    if (!head.equals(d.getString("signed"))) return "the seal signs " + d.getString("signed") + ", not the chain's head";
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
          new X509EncodedKeySpec(Base64.getDecoder().decode(d.getString("publicKey", ""))));
      if (trusted != null && !Arrays.equals(trusted.getEncoded(), key.getEncoded())) {
        return "sealed by key " + PlatformKey.fingerprint(key) + ", not the trusted platform key " + PlatformKey.fingerprint(trusted);
      }
      if (!PlatformKey.fingerprint(key).equals(d.getString("fingerprint"))) return "the seal's fingerprint is not its key's";
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(head.getBytes(StandardCharsets.US_ASCII));
      if (!s.verify(Base64.getDecoder().decode(d.getString("signature", "")))) return "the signature does not verify";
      return null;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "the seal does not read: " + e.getMessage();
    }
  }
}
