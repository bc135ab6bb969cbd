package org.twinlab.scenarios.check;

import java.time.Instant;
import org.twinlab.models.expr.Knowledge;

/** A signal's value from this moment until the next sample. */
public record Sample(Instant time, Object value, Knowledge knowledge) {

  public static Sample known(Instant time, Object value) {
    return new Sample(time, value, Knowledge.KNOWN);
  }
}
