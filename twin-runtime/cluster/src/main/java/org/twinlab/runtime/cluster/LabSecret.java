package org.twinlab.runtime.cluster;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret the nodes of a lab share: the key of every MAC between them. Its bytes never appear in
 * a log or an exception ({@link #toString()} says where it came from, not what it is).
 */
public final class LabSecret {
  /** Shorter than this is guessable enough to forge messages offline from one captured frame. */
  public static final int MIN_BYTES = 32;
  private final byte[] key;
  private final String from;

  LabSecret(byte[] key, String from) {
    this.key = key.clone();
    this.from = from;
  }

  /** A key nobody else knows: a node alone in its cluster trusts no other (deny by default). */
  static LabSecret ownOnly() {
    byte[] k = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(k);
    return new LabSecret(k, "this node alone");
  }

  byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabSecret s && Arrays.equals(key, s.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "lab secret (" + from + ")";
  }
}
