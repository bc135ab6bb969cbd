package org.twinlab.models.expr;

/** A value with how far it is known, as an expression reads it. */
public record Reading(Object value, Knowledge knowledge) {
  public static final Reading MISSING = new Reading(null, Knowledge.MISSING);
  public static final Reading UNKNOWN = new Reading(null, Knowledge.UNKNOWN);

  public static Reading known(Object value) {
    return new Reading(value, Knowledge.KNOWN);
  }

  /** A value as a twin holds it: known when there, missing when not. */
  public static Reading ofNullable(Object value) {
    return value == null ? MISSING : known(value);
  }
}
