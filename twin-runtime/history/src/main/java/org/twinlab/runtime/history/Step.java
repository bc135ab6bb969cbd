package org.twinlab.runtime.history;

import java.time.Instant;

/**
 * The points of one step of a stepped series, summarised. {@code mean}, {@code min} and {@code max}
 * are null for text values; {@code last} is the last value as its kind.
 */
public record Step(Instant start, long count, Double mean, Double min, Double max, Object last) {}
