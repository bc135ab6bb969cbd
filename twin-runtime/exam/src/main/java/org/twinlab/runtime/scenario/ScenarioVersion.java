package org.twinlab.runtime.scenario;

import java.time.Instant;

/**
 * One kept save of a trainer's scenario: its number in the order saved (1 the first), when it was
 * kept, and the {@code version} the text itself declares (what score sheets name).
 */
public record ScenarioVersion(int saved, Instant at, int declared) {}
