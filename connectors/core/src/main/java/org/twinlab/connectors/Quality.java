package org.twinlab.connectors;

/** How far a sample can be trusted, with the reason when it is not GOOD. */
public record Quality(Level level, String reason) {

  public enum Level { GOOD, UNCERTAIN, BAD }

  public static final Quality GOOD = new Quality(Level.GOOD, "");

  public static Quality uncertain(String reason) {
    return new Quality(Level.UNCERTAIN, reason);
  }

  public static Quality bad(String reason) {
    return new Quality(Level.BAD, reason);
  }

  public boolean isGood() {
    return level == Level.GOOD;
  }

  public boolean isBad() {
    return level == Level.BAD;
  }

  @Override
  public String toString() {
    return reason.isEmpty() ? level.name() : level + " (" + reason + ")";
  }
}
