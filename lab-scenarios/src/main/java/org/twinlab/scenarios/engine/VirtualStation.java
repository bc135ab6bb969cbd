package org.twinlab.scenarios.engine;

import java.time.Duration;

/** A station whose rig and twin move only when told: the engine drives it on virtual time. */
public interface VirtualStation extends Station {

  /** Catches the rig's physics and the twin's view of it up with the clock, which has just moved on by dt. */
  void advance(Duration dt);
}
