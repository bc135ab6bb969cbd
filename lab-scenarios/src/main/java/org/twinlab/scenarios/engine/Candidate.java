package org.twinlab.scenarios.engine;

/** Whoever acts on a station during a run: a scripted candidate in a dry run, or nobody at all. */
@FunctionalInterface
public interface Candidate {

  /** Called after every tick: acts on the run (through {@link ScenarioRun#act}) when it wants to. */
  void act(ScenarioRun run);

  /** The candidate who does nothing: a scenario it passes assesses nothing. */
  Candidate IDLE = run -> { };
}
