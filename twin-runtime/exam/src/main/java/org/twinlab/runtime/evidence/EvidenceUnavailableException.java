package org.twinlab.runtime.evidence;

/**
 * The evidence of a session cannot be written now (a full or failing disk), or not at all (a log
 * that does not verify). Nothing was recorded, so whatever asked must not act: an API answers 503
 * and the caller tries again once health says the evidence can be written.
 */
public final class EvidenceUnavailableException extends RuntimeException {
  public EvidenceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public EvidenceUnavailableException(String message) {
    super(message);
  }
}
