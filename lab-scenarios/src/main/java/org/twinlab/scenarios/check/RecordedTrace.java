package org.twinlab.scenarios.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.expr.Knowledge;

/**
 * A trace built as a run goes: samples and events appended in time order (one writer). A sample
 * equal to the signal's current value and knowledge is not kept: only changes matter.
 */
public final class RecordedTrace implements Trace {
  private final Map<String, List<Sample>> signals = new HashMap<>();
  private final List<Event> events = new ArrayList<>();

  public RecordedTrace sample(String signal, Instant time, Object value, Knowledge knowledge) {
    List<Sample> list = signals.computeIfAbsent(signal, k -> new ArrayList<>());
    if (!list.isEmpty()) {
      Sample last = list.get(list.size() - 1);
      if (time.isBefore(last.time())) throw new IllegalArgumentException(signal + ": sample at " + time + " before " + last.time());
      if (java.util.Objects.equals(last.value(), value) && last.knowledge() == knowledge) return this;
    }
    list.add(new Sample(time, value, knowledge));
    return this;
  }

  public RecordedTrace sample(String signal, Instant time, Object value) {
    return sample(signal, time, value, Knowledge.KNOWN);
  }

  public RecordedTrace event(Instant time, String kind, Map<String, String> attributes) {
    if (!events.isEmpty() && time.isBefore(events.get(events.size() - 1).time())) {
      throw new IllegalArgumentException(kind + " at " + time + " before the last event");
    }
    events.add(new Event(time, kind, attributes));
    return this;
  }

  public RecordedTrace event(Instant time, String kind) {
    return event(time, kind, Map.of());
  }

  @Override
  public List<Sample> samples(String signal) {
    return Collections.unmodifiableList(signals.getOrDefault(signal, List.of()));
  }

  @Override
  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }
}
