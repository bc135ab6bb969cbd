package org.twinlab.runtime.evidence;

/**
 * A session whose evidence is not as it should be, for health: {@code unwritable} (the disk refuses
 * writes; the session refuses changes until it takes them again), {@code damaged} (the log does not
 * verify; the session takes no change), {@code unsealed} (ended, the seal not yet written) or
 * {@code unrestored} (not read back at all).
 */
public record EvidenceProblem(String session, String state, String problem) {}
