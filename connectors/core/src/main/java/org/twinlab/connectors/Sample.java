package org.twinlab.connectors;

import java.time.Instant;

/**
 * One reading of a signal.
 *
 * @param signal the id the subscriber gave the signal in its {@link SignalRequest}
 * @param address where it came from: a node id, or the concrete topic for a wildcard subscription
 * @param value Boolean, Long, Double or String; null when the quality is BAD and no value exists
 * @param sourceTime when the rig took the reading (or the receive time if the rig sends none)
 */
public record Sample(String signal, String address, Object value, Instant sourceTime, Quality quality) {}
