package org.twinlab.connectors;

import java.time.Instant;
import java.util.Optional;

/** A change of a connector's state, with the last error when the link is not up. */
public record ConnectionEvent(String connector, ConnectionState state, Optional<String> lastError, Instant at) {}
