package org.twinlab.scenarios.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.twinlab.models.expr.Knowledge;

/**
 * A trace built as a run goes (one writer): each signal's samples and every event, kept in time
 * order by the time they happened, not by when they were heard. Something heard late (a sample
 * that took longer to arrive than the one after it, an action recorded after a fault that came
 * later) takes its own place in the order, so a check judges it at its own time. A sample heard in
 * order that repeats the signal's last value and knowledge is not kept: only changes matter.
 */
public final class RecordedTrace implements Trace {
  private final Map<String, Series> signals = new HashMap<>();

  /** One signal's samples, and its last one at hand: nearly every sample is heard in order. */
  private static final class Series {
    final List<Sample> samples = new ArrayList<>();
    Sample last;
  }
  private final List<Event> events = new ArrayList<>();

  public RecordedTrace sample(String signal, Instant time, Object value, Knowledge knowledge) {
    Series series = signals.get(signal);
    if (series == null) {
      series = new Series();
      signals.put(signal, series);
    }
    Sample last = series.last;
    if (last == null || !last.time().isAfter(time)) {
      if (last == null || !same(last, value, knowledge)) {
        Sample next = new Sample(time, value, knowledge);
        series.samples.add(next);
        series.last = next;
      }
    } else {
      // heard late: always kept, since what came before it may still be heard later and make it a change
      series.samples.add(after(series.samples, time, Sample::time), new Sample(time, value, knowledge));
    }
    return this;
  }

  public RecordedTrace sample(String signal, Instant time, Object value) {
    return sample(signal, time, value, Knowledge.KNOWN);
  }

  /** Adds an event after every event at or before its time. */
  public RecordedTrace event(Instant time, String kind, Map<String, String> attributes) {
    events.add(after(events, time, Event::time), new Event(time, kind, attributes));
    return this;
  }

  public RecordedTrace event(Instant time, String kind) {
    return event(time, kind, Map.of());
  }

  @Override
  public List<Sample> samples(String signal) {
    Series series = signals.get(signal);
    return series == null ? List.of() : Collections.unmodifiableList(series.samples);
  }

  @Override
  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }

  private static boolean same(Sample a, Object value, Knowledge knowledge) {
    return a.knowledge() == knowledge && Objects.equals(a.value(), value);
  }

  /** Where something at {@code time} goes: after everything at or before it (almost always the end). */
  private static <T> int after(List<T> list, Instant time, java.util.function.Function<T, Instant> timeOf) {
    int hi = list.size();
    if (hi == 0 || !timeOf.apply(list.get(hi - 1)).isAfter(time)) return hi;
    int lo = 0;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (timeOf.apply(list.get(mid)).isAfter(time)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
