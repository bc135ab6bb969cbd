package org.twinlab.runtime.twin;

import java.util.Map;

/** What became of an action once it was carried out: done (with what it gave) or refused, and why. */
public record Outcome(boolean accepted, String detail, Map<String, String> result) {
  public Outcome {
    detail = detail == null ? "" : detail;
    result = Map.copyOf(result);
  }

  public static Outcome done(String detail, Map<String, String> result) {
    return new Outcome(true, detail, result);
  }

  public static Outcome done() {
    return done("", Map.of());
  }

  public static Outcome refused(String detail) {
    return new Outcome(false, detail, Map.of());
  }
}
