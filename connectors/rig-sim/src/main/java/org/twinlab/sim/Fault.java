package org.twinlab.sim;

/** A fault a scenario injects into a simulated rig. Sensor faults change what is reported, never the physics. */
public sealed interface Fault {

  /** The signal or actuator the fault acts on; "*" for the whole rig. */
  String target();

  /** The sensor reports a fixed value. */
  record StuckAt(String target, Object value) implements Fault {}

  /** The sensor reports the true value plus a constant. */
  record Offset(String target, double offset) implements Fault {}

  /** The sensor's error grows steadily from the moment of injection. */
  record Drift(String target, double perSecond) implements Fault {}

  /** Gaussian noise on the sensor. */
  record Noise(String target, double stddev) implements Fault {}

  /** The sensor fails to answer on a share of its readings. */
  record Dropout(String target, double probability) implements Fault {
    public Dropout {
      if (probability < 0 || probability > 1) throw new IllegalArgumentException("probability is between 0 and 1");
    }
  }

  /** The actuator (a pusher, a valve, the pump) no longer moves when commanded. */
  record ActuatorJam(String target) implements Fault {}

  /** The rig's link goes down: the OPC UA server stops, or the node's broker link is cut. */
  record CommunicationLoss() implements Fault {
    @Override
    public String target() {
      return "*";
    }
  }

  /** A developing bearing fault: vibration grows by this many mm/s per minute. */
  record BearingWear(String target, double mmPerSecondPerMinute) implements Fault {}
}
