package org.twinlab.runtime.evidence;

import java.security.PublicKey;
import java.util.List;

/**
 * Where the sessions' evidence logs are kept, one per session id: files in the data directory
 * ({@link FileEvidenceStore}, the default) or a shared database. Blocking.
 */
public interface EvidenceStore extends AutoCloseable {

  /** Whether a session of this id has a log (or had one begun). */
  boolean exists(String session);

  /** The sessions with a log, in id order. */
  List<String> sessions();

  /** A new, empty log for a session. */
  SessionEvidence create(String session);

  /** Takes a session's log up again, checked first: one that does not verify throws {@link EvidenceDamagedException}. */
  SessionEvidence open(String session, PublicKey trusted);

  /** A log that does not verify, kept so its session can be shown: it takes nothing and says why. */
  SessionEvidence damaged(String session, String why);

  /** Removes a log that holds no record (its session's first record could not be written). */
  void discard(String session);

  /**
   * A session's log in the file format, as it is kept, whether or not it verifies: what
   * {@code twinlab evidence verify} reads. {@link java.util.NoSuchElementException} for an unknown session.
   */
  byte[] export(String session) throws java.io.IOException;

  /** Where a session's log is kept, for messages. */
  String where(String session);

  @Override
  void close();
}
