package org.twinlab.runtime.twin;

/** An action's outcome, on its way to the evidence where the action itself is recorded already. */
public record Settled(Taken taken, Outcome outcome) {}
