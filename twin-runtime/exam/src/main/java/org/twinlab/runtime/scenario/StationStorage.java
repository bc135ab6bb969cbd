package org.twinlab.runtime.scenario;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.history.ChangeHistory;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.MemoryHistoryStore;
import org.twinlab.runtime.history.SessionTags;
import org.twinlab.runtime.history.StorageStrategies;
import org.twinlab.runtime.history.StorageStrategy;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * A simulated station's history, kept as the runtime keeps a live twin's (the same points, the same
 * storage strategy applied on their way in), so a strategy set and a chart saved on the station are
 * judged from what its store holds.
 */
final class StationStorage {
  private final TwinModel model;
  private final String twin;
  private final Clock clock;
  private final MemoryHistoryStore store = new MemoryHistoryStore();
  private final StorageStrategies strategies = new StorageStrategies();
  private final ChangeHistory points;

  StationStorage(TwinModel model, String twin, Clock clock) {
    this.model = model;
    this.twin = twin;
    this.clock = clock;
    this.points = new ChangeHistory(new TwinConfig(twin, model, new BindingSet(twin, model.id(), List.of(), List.of())), new SessionTags(), clock);
  }

  void record(List<org.twinlab.runtime.twin.Change> changes) {
    store.append(strategies.apply(twin, points.points(changes)));
  }

  /** Puts a strategy in force as the runtime does: open intervals of the previous one stored, its retention applied at once. */
  ActionOutcome strategy(Map<String, Object> fields) {
    StorageStrategy s = StorageStrategyReader.read(fields, model);
    if (s.store() != org.twinlab.runtime.config.HistoryConfig.Store.EMBEDDED) {
      return ActionOutcome.refused("store: this station keeps history on the embedded store");
    }
    store.append(strategies.set(twin, s));
    s.retention().ifPresent(keep -> store.deleteBefore(twin, clock.instant().minus(keep)));
    return new ActionOutcome(true, "storage strategy in force: " + s.properties().size() + " properties kept", StorageStrategyReader.result(s));
  }

  ActionOutcome chart(Map<String, Object> fields, Instant now) {
    ChartSpec chart = ChartReader.read(fields, model, now);
    try {
      return new ChartMeasure(model).measure(chart, twin, store);
    } catch (HistoryException e) {
      return ActionOutcome.refused("history: " + e.getMessage()); // not on a store in memory
    }
  }
}
