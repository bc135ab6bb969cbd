package org.twinlab.scenarios.engine;

import org.twinlab.models.expr.Knowledge;

/** A signal's value as a station sees it now, with how far it can be trusted. */
public record Observed(Object value, Knowledge knowledge) {

  public static Observed known(Object value) {
    return new Observed(value, Knowledge.KNOWN);
  }

  /** No trustworthy value, for a reason the candidate answers for (a broken binding, an injected fault). */
  public static Observed missing() {
    return new Observed(null, Knowledge.MISSING);
  }

  /** The platform itself could not read it. */
  public static Observed unknown() {
    return new Observed(null, Knowledge.UNKNOWN);
  }
}
