package org.twinlab.runtime.scenario;

import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.engine.Observed;

/** What a station shows while no twin application is deployed on it: lifecycle "absent", no values, no alarms. */
final class AbsentTwin {
  private AbsentTwin() {}

  static void observe(TwinModel model, Map<String, Observed> out) {
    out.put("twin.lifecycle", Observed.known("absent"));
    model.properties().keySet().forEach(p -> out.put("twin." + p, Observed.missing()));
    model.alarms().forEach(a -> out.put("alarm." + a.id(), Observed.missing()));
  }
}
