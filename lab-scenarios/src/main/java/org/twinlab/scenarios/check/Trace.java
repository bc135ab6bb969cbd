package org.twinlab.scenarios.check;

import java.util.List;

/** What a run recorded: each signal's samples and every event, both oldest first. */
public interface Trace {

  /** The samples of a signal such as {@code twin.tank.level}; empty when it was never sampled. */
  List<Sample> samples(String signal);

  List<Event> events();
}
