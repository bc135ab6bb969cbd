package org.twinlab.sim;

/** What a sensor reports: the value, or no value and why (a dropout, a broken wire). */
public record Reading(Object value, String failure) {
  public static Reading of(Object value) {
    return new Reading(value, null);
  }

  public static Reading failed(String why) {
    return new Reading(null, why);
  }

  public boolean ok() {
    return failure == null;
  }
}
