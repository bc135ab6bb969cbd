package org.twinlab.scenarios.engine;

import java.util.Map;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Setup;

/**
 * What the engine needs of a station, live or virtual: a twin application and the rig it mirrors.
 * Signals are named as checks name them: {@code twin.<property>} (what the twin shows, and
 * {@code twin.lifecycle}), {@code rig.<property>} (the rig's ground truth) and {@code alarm.<id>}
 * (whether the twin's alarm is active). What the twin shows arrives as it changes, through the
 * {@link SignalFeed} the run gives the station; the rig's ground truth is read on the run's ticks.
 */
public interface Station {

  /** Brings the station to the scenario's starting state before the clock starts. */
  void prepare(Setup setup) throws StationException;

  /**
   * Has the station report the twin's signals ({@code twin.*}, {@code alarm.*}) to the feed as they
   * change, from their state now on; called once as a run begins (before {@link #prepare} when it
   * starts afresh).
   */
  void follow(SignalFeed feed) throws StationException;

  /**
   * The signals that can only be read as they are now (the rig's ground truth, {@code rig.*}): the
   * run reads them on every tick of its clock.
   */
  Map<String, Observed> observe();

  /** Injects a fault into the rig; returns a handle to clear it with. */
  String inject(FaultDef fault) throws StationException;

  void clear(String handle);

  /**
   * Carries out a candidate action ({@code write}, {@code binding_edit}, {@code report}, …) with its
   * fields as the API takes them, and says whether the station accepted it.
   */
  ActionOutcome perform(String who, String kind, Map<String, Object> fields);
}
