package org.twinlab.runtime.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.check.SignalNames;
import org.twinlab.scenarios.engine.CandidateView;
import org.twinlab.scenarios.model.Scenario;

/**
 * The names a scenario's rig models give their properties and alarms, read once per set of rigs:
 * the candidate's page asks for its view every few seconds.
 */
final class StationModelNames {
  private static final Map<List<String>, SignalNames> BY_RIGS = new ConcurrentHashMap<>();

  private StationModelNames() {}

  /** The names for candidates: the scenario's hidden faults are never named. */
  static SignalNames of(Scenario scenario) {
    return forExaminers(scenario).hiding(CandidateView.hiddenFaults(scenario));
  }

  /** The names for examiners, who see every fault. */
  static SignalNames forExaminers(Scenario scenario) {
    return BY_RIGS.computeIfAbsent(scenario.rigs(), rigs -> {
      // a rig the built-in library does not know simply has no names: checks then show its paths
      List<TwinModel> models = rigs.stream().filter(ModelLibrary.BUILT_IN::contains).map(ModelLibrary::loadBuiltIn).toList();
      return SignalNames.of(models, java.util.Set.of());
    });
  }
}
