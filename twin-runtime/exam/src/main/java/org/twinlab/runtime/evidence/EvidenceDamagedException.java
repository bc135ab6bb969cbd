package org.twinlab.runtime.evidence;

/** An evidence file that does not verify: it is never extended, and what it says is not to be trusted. */
public final class EvidenceDamagedException extends IllegalStateException {
  private final transient EvidenceVerifier.Result check;

  public EvidenceDamagedException(String message, EvidenceVerifier.Result check) {
    super(message);
    this.check = check;
  }

  public EvidenceVerifier.Result check() {
    return check;
  }
}
