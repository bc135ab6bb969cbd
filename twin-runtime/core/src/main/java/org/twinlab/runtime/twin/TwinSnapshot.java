package org.twinlab.runtime.twin;

import java.util.Collection;
import java.util.List;

/** A consistent copy of a twin's state, taken on its own thread, for readers elsewhere. */
public record TwinSnapshot(String id, String model, Lifecycle lifecycle, Collection<PropertyState> properties,
    Collection<AlarmState> alarms, int bindingsVersion) {

  public TwinSnapshot {
    properties = List.copyOf(properties);
    alarms = List.copyOf(alarms);
  }
}
