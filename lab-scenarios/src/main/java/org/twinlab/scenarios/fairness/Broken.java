package org.twinlab.scenarios.fairness;

/** A rule a scenario breaks, and how, in words a trainer can act on. */
public record Broken(Rule rule, String message) {
  @Override
  public String toString() {
    return rule.key() + ": " + message;
  }
}
