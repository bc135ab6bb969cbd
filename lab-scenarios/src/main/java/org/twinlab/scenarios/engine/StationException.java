package org.twinlab.scenarios.engine;

/** A station could not be prepared as the scenario asks (a setup binding that does not fit, a refused write). */
public final class StationException extends Exception {
  public StationException(String message) {
    super(message);
  }
}
