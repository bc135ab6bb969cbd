package org.twinlab.scenarios.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.models.AlarmDef;
import org.twinlab.models.Localized;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;

/**
 * What a candidate may be told of the names a check reads: the rig models' localized property
 * descriptions (with units) and alarm messages, and which faults are hidden and must never be named.
 *
 * @param properties localized description by property path ({@code tank.level})
 * @param units unit by property path, where it has one
 * @param alarms localized message by alarm id
 * @param hiddenFaults ids of the scenario's hidden faults
 */
public record SignalNames(Map<String, Localized> properties, Map<String, String> units, Map<String, Localized> alarms,
    Set<String> hiddenFaults) {

  public static final SignalNames NONE = new SignalNames(Map.of(), Map.of(), Map.of(), Set.of());

  public SignalNames {
    properties = Map.copyOf(properties);
    units = Map.copyOf(units);
    alarms = Map.copyOf(alarms);
    hiddenFaults = Set.copyOf(hiddenFaults);
  }

  /** The names of the station's rig models; the first model's name wins where two share a path. */
  public static SignalNames of(List<TwinModel> models, Set<String> hiddenFaults) {
    Map<String, Localized> properties = new HashMap<>();
    Map<String, String> units = new HashMap<>();
    Map<String, Localized> alarms = new HashMap<>();
    for (TwinModel m : models) {
      for (PropertyDef p : m.properties().values()) {
        if (p.description() != null && !p.description().en().isBlank()) properties.putIfAbsent(p.path(), p.description());
        if (p.unit() != null && !p.unit().isBlank()) units.putIfAbsent(p.path(), p.unit());
      }
      for (AlarmDef a : m.alarms()) if (a.message() != null) alarms.putIfAbsent(a.id(), a.message());
    }
    return new SignalNames(properties, units, alarms, hiddenFaults);
  }

  /** The same names with these faults hidden. */
  public SignalNames hiding(Set<String> faults) {
    return new SignalNames(properties, units, alarms, faults);
  }

  Optional<Localized> property(String path) {
    return Optional.ofNullable(properties.get(path));
  }

  Optional<String> unit(String path) {
    return Optional.ofNullable(units.get(path));
  }

  Optional<Localized> alarm(String id) {
    return Optional.ofNullable(alarms.get(id));
  }

  boolean hidden(String fault) {
    return hiddenFaults.contains(fault);
  }
}
