package org.twinlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.connectors.Quality;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.history.ChangeHistory;
import org.twinlab.runtime.history.HistoryPoint;
import org.twinlab.runtime.history.SessionTags;
import org.twinlab.runtime.history.StorageStrategies;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.PropertyState;

/**
 * History's share of the event loop: a lab's twins (signal-farm models) turning their change
 * batches into points and through their storage strategy, as {@code HistoryVerticle} does per
 * batch, on this thread; CPU per change. The store's side is in the writer's figures.
 */
final class HistoryHandOver {
  private static final int TWINS = 30;
  private static final int SIGNALS = 200;

  private HistoryHandOver() {}

  static String run() throws Exception {
    TwinModel model = IngestBench.farmModel(SIGNALS, 100);
    SessionTags sessions = new SessionTags();
    StorageStrategies strategies = new StorageStrategies();
    List<String> ids = new ArrayList<>();
    List<ChangeHistory> histories = new ArrayList<>();
    for (int i = 0; i < TWINS; i++) {
      String id = "rig-" + i;
      ids.add(id);
      histories.add(new ChangeHistory(new TwinConfig(id, model, new BindingSet(id, model.id(), List.of()), "station-1"), sessions,
          Clock.systemUTC()));
    }
    // a few ticks of changes made up front: making them is the twin's work, not history's
    int made = 8;
    List<List<List<Change>>> ticks = new ArrayList<>();
    Instant t0 = Instant.now();
    for (int k = 0; k < made; k++) {
      List<List<Change>> tick = new ArrayList<>();
      Instant t = t0.plusMillis(k * 100L);
      for (String id : ids) {
        List<Change> batch = new ArrayList<>(SIGNALS);
        for (int s = 0; s < SIGNALS; s++) {
          batch.add(new Change.PropertyChanged(id, new PropertyState("farm.s" + s, Math.sin(k + s), "", Quality.GOOD, t, t)));
        }
        tick.add(batch);
      }
      ticks.add(tick);
    }
    long sink = 0;
    for (int k = 0; k < 400; k++) sink += convert(ticks.get(k % made), ids, histories, strategies);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    int rounds = 2_000;
    long changes = 0;
    for (int k = 0; k < rounds; k++) changes += convert(ticks.get(k % made), ids, histories, strategies);
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    if (changes == 0 || sink == 0) throw new BenchFailure("the event loop's side converted no changes");
    return String.format("  event loop's side (ChangeHistory and the storage strategy, %d twins x %d signals): %,d changes,"
        + " %.3f µs CPU per change%n", TWINS, SIGNALS, changes, cpu / 1e3 / changes);
  }

  private static long convert(List<List<Change>> tick, List<String> ids, List<ChangeHistory> histories, StorageStrategies strategies) {
    long n = 0;
    for (int i = 0; i < ids.size(); i++) {
      List<HistoryPoint> points = strategies.apply(ids.get(i), histories.get(i).points(tick.get(i)));
      n += points.size();
    }
    return n;
  }
}
