package org.twinlab.scenarios.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.models.expr.Knowledge;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Setup;

/**
 * A station whose signals a test sets by hand (read on every tick) or reports as they change (at a
 * moment of the test's choosing), and which remembers what was done to it.
 */
final class FakeStation implements Station {
  final Map<String, Observed> signals = new LinkedHashMap<>();
  private SignalFeed feed;
  final List<String> log = new ArrayList<>();
  boolean refuseNext;
  Setup prepared;

  void set(String signal, Object value) {
    signals.put(signal, Observed.known(value));
  }

  void unknown(String signal) {
    signals.put(signal, new Observed(null, Knowledge.UNKNOWN));
  }

  /** Reports a change of a twin's signal, as a live or simulated station hears of one. */
  void changed(String signal, Instant at, Object value) {
    feed.changed(signal, at, Observed.known(value));
  }

  @Override
  public void follow(SignalFeed feed) {
    this.feed = feed;
  }

  @Override
  public void prepare(Setup setup) {
    prepared = setup;
  }

  @Override
  public Map<String, Observed> observe() {
    return Map.copyOf(signals);
  }

  @Override
  public String inject(FaultDef fault) {
    log.add("inject " + fault.id());
    return fault.id();
  }

  @Override
  public void clear(String handle) {
    log.add("clear " + handle);
  }

  @Override
  public ActionOutcome perform(String who, String kind, Map<String, Object> fields) {
    log.add(who + " " + kind);
    if (refuseNext) {
      refuseNext = false;
      return ActionOutcome.refused("not now");
    }
    return kind.equals("test_suite")
        ? new ActionOutcome(true, "graded", Map.of("detected", "6"))
        : ActionOutcome.accepted("done");
  }
}
