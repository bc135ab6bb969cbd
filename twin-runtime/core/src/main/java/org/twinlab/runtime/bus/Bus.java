package org.twinlab.runtime.bus;

/** The event-bus addresses of the runtime. */
public final class Bus {
  /** Every connection state change, published. */
  public static final String CONNECTIONS = "twinlab.connections";

  /**
   * Published (with the session's id) whenever who reaches which twin may have changed: a session
   * planned or ended, a station started or ended. Followers of the live feed decide again then.
   */
  public static final String ACCESS = "twinlab.access";

  private Bus() {}

  /** Where a twin's samples are sent (point to point: the twin's verticle). */
  public static String samples(String twin) {
    return "twinlab.twin." + twin + ".samples";
  }

  /** Where a twin's changes are published, for the live feed and anything else that follows it. */
  public static String changes(String twin) {
    return "twinlab.twin." + twin + ".changes";
  }

  /** Where the actions taken on a twin are published, for the scenario run on its station. */
  public static String actions(String twin) {
    return "twinlab.twin." + twin + ".actions";
  }
}
