package org.twinlab.runtime.evidence;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Checks an evidence file: every line a record, numbered in order, chained to the one before by
 * its hash, its own hash matching its content; every checkpoint's and the seal's signature over the
 * chain's head good (and made by the trusted key, when one is given); and a log whose session ended
 * sealed. It names the first line that fails and the rule it breaks.
 *
 * <p>The hash chain alone can be recomputed by anyone who rewrites the file; the signatures cannot.
 * So what a verified log proves reaches as far as its last signed record ({@link Result#signedUpTo}).
 */
public final class EvidenceVerifier {
  private EvidenceVerifier() {}

  /** What a log that does not verify breaks first. */
  public enum Rule {
    NONE, NOT_A_RECORD, NUMBERING, CHAIN, HASH, AFTER_SEAL, AFTER_END, SEAL_SIGNATURE, CHECKPOINT_SIGNATURE,
    ENDED_WITHOUT_SEAL
  }

  // what may follow a session's end: notes of the log itself, then the seal
  private static final Set<String> AFTER_END = Set.of(EvidenceLog.CHECKPOINT, EvidenceLog.REPAIRED, EvidenceLog.SEALED);

  /**
   * @param ok whether everything checked holds
   * @param records how many records were read
   * @param line the first line that failed (1-based), or 0
   * @param sealedBy the fingerprint of the key that sealed the log, or null when it is not sealed
   * @param rule what the first failing line breaks, {@link Rule#NONE} when the log verifies
   * @param signedUpTo the number of the last record a good platform signature covers, 0 for none
   */
  public record Result(boolean ok, int records, int line, String message, String sealedBy, Rule rule, long signedUpTo) {
    static Result bad(int records, int line, Rule rule, String why, long signedUpTo) {
      return new Result(false, records, line, "line " + line + ": " + why, null, rule, signedUpTo);
    }
  }

  /** @param trusted the platform's public key to require, or null to accept the key the log names */
  public static Result verify(Path file, PublicKey trusted) throws IOException {
    return verify(Files.readAllBytes(file), trusted);
  }

  /** Checks a log's bytes as {@link #verify(Path, PublicKey)} checks its file. */
  public static Result verify(byte[] bytes, PublicKey trusted) {
    List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines = lines.subList(0, lines.size() - 1);
    String prev = EvidenceRecord.GENESIS;
    String sealedBy = null;
    int endedAt = 0;
    long signed = 0;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      if (sealedBy != null) return Result.bad(i, n, Rule.AFTER_SEAL, "a record after the seal", signed);
      EvidenceRecord r;
      JsonObject raw;
      try {
        raw = new JsonObject(lines.get(i));
        r = EvidenceRecord.fromJson(raw);
      } catch (RuntimeException e) {
        return Result.bad(i, n, Rule.NOT_A_RECORD, "not an evidence record: " + e.getMessage(), signed);
      }
      if (!raw.equals(r.toJson())) return Result.bad(i, n, Rule.NOT_A_RECORD, "fields that are not part of a record", signed);
      if (r.seq() != n) return Result.bad(i, n, Rule.NUMBERING, "record number " + r.seq() + ", expected " + n, signed);
      if (!r.prev().equals(prev)) {
        return Result.bad(i, n, Rule.CHAIN, "not chained to the record before (prev does not match its hash)", signed);
      }
      if (!r.computeHash().equals(r.hash())) return Result.bad(i, n, Rule.HASH, "its content does not match its hash", signed);
      if (endedAt > 0 && !AFTER_END.contains(r.kind())) {
        return Result.bad(i, n, Rule.AFTER_END, "a '" + r.kind() + "' record after the session ended (record " + endedAt + ")", signed);
      }
      switch (r.kind()) {
        case EvidenceLog.ENDED -> endedAt = n;
        case EvidenceLog.CHECKPOINT -> {
          String why = checkCheckpoint(r, n, prev, trusted);
          if (why != null) {
            return Result.bad(i, n, Rule.CHECKPOINT_SIGNATURE, "checkpoint signature mismatch: " + why
                + " (records up to " + (n - 1) + " are not what the platform signed)", signed);
          }
          signed = n;
        }
        case EvidenceLog.SEALED -> {
          String why = checkSeal(r, prev, trusted);
          if (why != null) return Result.bad(i, n, Rule.SEAL_SIGNATURE, "seal: " + why, signed);
          sealedBy = r.data().getString("fingerprint");
          signed = n;
        }
        default -> { }
      }
      prev = r.hash();
    }
    if (endedAt > 0 && sealedBy == null) {
      return Result.bad(lines.size(), endedAt, Rule.ENDED_WITHOUT_SEAL, "the session ended here but the log has no seal after it"
          + " (a sealed log stripped of its seal, or a seal that was never written)", signed);
    }
    String reach = signed == 0 ? ", no record signed by the platform yet"
        : ", signed up to record " + signed + (signed < lines.size() ? " (records after it are not signed yet)" : "");
    String message = lines.size() + " records, chain intact" + reach
        + (sealedBy != null ? ", sealed by platform key " + sealedBy : ", not sealed yet (the session has not ended)");
    return new Result(true, lines.size(), 0, message, sealedBy, Rule.NONE, signed);
  }

  private static String checkSeal(EvidenceRecord r, String head, PublicKey trusted) {
    JsonObject d = r.data();
    if (!head.equals(d.getString("signed"))) return "it signs " + d.getString("signed") + ", not the chain's head";
    return ChainSignature.check(d, head, trusted);
  }

  private static String checkCheckpoint(EvidenceRecord r, int n, String head, PublicKey trusted) {
    JsonObject d = r.data();
    Object upTo = d.getValue("upTo");
    if (!(upTo instanceof Number u) || u.longValue() != n - 1) return "it names record " + upTo + ", not the one before it";
    if (!head.equals(d.getString("signed"))) return "it signs " + d.getString("signed") + ", not the chain's head";
    return ChainSignature.check(d, ChainSignature.checkpointMessage(n - 1, head), trusted);
  }
}
