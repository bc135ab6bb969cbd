package org.twinlab.runtime.shared;

import java.util.function.Supplier;

/**
 * Key pairs one lab keeps once for all its nodes (the platform's signing key): made by whichever
 * node asks first, under the store's lock, and the same pair for every node after. The private half
 * is kept protected (encrypted) by the store. Blocking.
 */
public interface SharedKeys {

  /**
   * The pair kept under {@code name}; when there is none yet, {@code make}'s pair is kept, unless
   * another node kept one first, whose pair is then returned.
   */
  StoredKey getOrCreate(String name, Supplier<StoredKey> make);

  /** A key pair as its encodings: the public key's X.509 SubjectPublicKeyInfo, the private key's PKCS#8. */
  record StoredKey(String algorithm, byte[] publicDer, byte[] privateDer) {}
}
