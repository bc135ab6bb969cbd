package org.twinlab.runtime.twin;

/** Something that changed in a twin: what the live feed, history and checks consume. */
public sealed interface Change {
  String twin();

  record PropertyChanged(String twin, PropertyState state) implements Change {}

  record AlarmChanged(String twin, AlarmState state) implements Change {}

  record LifecycleChanged(String twin, Lifecycle lifecycle) implements Change {}
}
