package org.twinlab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.Sample;

/** Keeps what a connector reports: the latest sample per signal, counts, and every state change. */
public final class RecordingListener implements ConnectorListener {
  private final Map<String, Sample> latest = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final List<Sample> bad = new CopyOnWriteArrayList<>();
  private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onSamples(List<Sample> samples) {
    for (Sample s : samples) {
      latest.put(s.signal(), s);
      counts.computeIfAbsent(s.signal(), k -> new AtomicLong()).incrementAndGet();
      if (s.quality().isBad()) bad.add(s);
    }
  }

  @Override
  public void onStateChanged(ConnectionEvent event) {
    events.add(event);
  }

  public Sample latest(String signal) {
    return latest.get(signal);
  }

  public long count(String signal) {
    AtomicLong c = counts.get(signal);
    return c == null ? 0 : c.get();
  }

  public List<Sample> badSamples() {
    return new ArrayList<>(bad);
  }

  public List<ConnectionState> states() {
    return events.stream().map(ConnectionEvent::state).toList();
  }

  public List<ConnectionEvent> events() {
    return new ArrayList<>(events);
  }
}
