package org.twinlab.runtime.history;

import java.time.Instant;
import org.twinlab.connectors.Quality;

/** One point read back from history. */
public record StoredPoint(Instant time, Object value, Quality quality, Instant receivedTime) {}
