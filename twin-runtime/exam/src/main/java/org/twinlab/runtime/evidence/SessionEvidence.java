package org.twinlab.runtime.evidence;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A session's evidence as the session sees it: a hash chain of records, each one kept for good
 * before {@link #append} returns, its head signed now and then and sealed at the end. The file log
 * ({@link EvidenceLog}) is the default; a shared database may keep it instead. Every method that
 * writes or reads back blocks, so call them from worker threads.
 */
public interface SessionEvidence extends AutoCloseable {

  /** Adds a record; it is kept for good when this returns, and nothing of it is when this throws. */
  EvidenceRecord append(String kind, String by, String station, JsonObject data);

  /** Signs the chain's head in a checkpoint record, when something was added since the last signature. */
  Optional<EvidenceRecord> checkpoint(PlatformKey key, String by);

  /** Whether a checkpoint is due: something was added since the last signature, and it is {@code every} old or more. */
  boolean checkpointDue(Duration every);

  /** Signs the chain's head in a last record; the log takes nothing after it. */
  EvidenceRecord seal(PlatformKey key, String by);

  /** After a failed append: whether the log takes writes again. */
  boolean recheck();

  /** The hash of the last record. */
  String head();

  boolean sealed();

  /** Whether the session's end is on record. */
  boolean ended();

  /** Why the log cannot be written now, or null. */
  String problem();

  /** Whether the log does not verify, so it never takes a record. */
  boolean damaged();

  /** The number of the last record signed with the platform key, 0 for none. */
  long signedUpTo();

  /** The number of the last record. */
  long seq();

  /** Every record read back (for a damaged log: up to the first that does not read). */
  List<EvidenceRecord> records() throws IOException;

  /**
   * The log in the file format, one JSON line per whole record: what {@code twinlab evidence verify}
   * reads, and what a download of the session's evidence gives.
   */
  byte[] export() throws IOException;

  /** Where the log is kept, for messages. */
  String where();

  /**
   * Takes in records other nodes appended to a shared log since this node last looked (their end
   * and seal above all), so what this node knows of the chain is the store's. A file log, which
   * only this node writes, has nothing to take in.
   */
  default void caughtUp(List<EvidenceRecord> records) {}

  /** Keeps the stations' active time, by station, in milliseconds, where every node finds it (a shared store). */
  default void saveClocks(io.vertx.core.json.JsonObject elapsedMs) {}

  /** The stations' active time as {@link #saveClocks} last kept it, by station; empty where it is not kept. */
  default io.vertx.core.json.JsonObject savedClocks() {
    return new io.vertx.core.json.JsonObject();
  }

  @Override
  void close();
}
