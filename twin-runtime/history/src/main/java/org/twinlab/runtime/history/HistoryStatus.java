package org.twinlab.runtime.history;

import java.time.Instant;

/**
 * How history writing goes, for the status endpoint and the logs.
 *
 * @param acknowledged points the store has made durable since the start
 * @param queued points accepted and waiting for the store
 * @param dropped points refused because the queue was full while the store could not write
 * @param spooled points the store holds locally until their final place can take them
 * @param lastError the store's last failure, or null once a write succeeds again
 */
public record HistoryStatus(String store, long acknowledged, long queued, long dropped, long spooled, long batches,
    double lastBatchMillis, String lastError, Instant lastErrorAt) {

  public boolean healthy() {
    return lastError == null && dropped == 0;
  }
}
