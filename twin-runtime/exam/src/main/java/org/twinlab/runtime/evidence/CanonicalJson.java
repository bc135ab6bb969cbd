package org.twinlab.runtime.evidence;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The one byte form of a JSON object that its hash is taken over: RFC 8785 (JSON Canonicalization
 * Scheme), so any tool that reads the log can recompute a record's hash.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  static byte[] bytes(JsonObject o) {
    try {
      return new JsonCanonicalizer(o.encode()).getEncodedUTF8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
