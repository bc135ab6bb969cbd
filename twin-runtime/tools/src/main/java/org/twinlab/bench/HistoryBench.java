package org.twinlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.twinlab.connectors.Quality;
import org.twinlab.runtime.config.InfluxConfig;
import org.twinlab.runtime.history.HistoryExport;
import org.twinlab.runtime.history.HistoryPoint;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.HistoryStore;
import org.twinlab.runtime.history.HistoryWriter;
import org.twinlab.runtime.history.SeriesKey;
import org.twinlab.runtime.history.SqliteHistoryStore;
import org.twinlab.runtime.history.TimeWindow;
import org.twinlab.runtime.history.ValueKind;
import org.twinlab.runtime.history.influx.InfluxHistoryStore;

/**
 * History figures: the event loop's side (changes to points), batch appends straight into a store
 * (points/s, batch latency, CPU per point), the same points through the runtime's writer (queue and
 * batching included), the examiner's chart query, 30 minutes of 20 properties at 10 Hz, raw and
 * stepped, with the JSON the API would send, and a lab's rate paced in real time through the
 * writer (its thread's CPU per point).
 */
public final class HistoryBench {
  private static final int PROPERTIES_PER_TWIN = 20;

  /**
   * @param pacedRate points per second offered to the runtime's writer in the paced run (0: none)
   * @param pacedSeries the series of the paced run, each at 10 Hz (a full lab: 30 rigs x 200)
   * @param pacedSeconds how long the paced run offers points
   * @param writerBatch the most points of a writer's batch, 0 for the runtime's default
   * @param writerDelay the longest a point waits in the writer for its batch, null for the runtime's default
   */
  public record Plan(String store, long points, int batch, int series, String influxUrl, String influxOrg,
      String influxBucket, String influxToken, int pacedRate, int pacedSeries, int pacedSeconds, int writerBatch,
      Duration writerDelay) {}

  public record Result(String report) {}

  private HistoryBench() {}

  public static Result run(Plan plan) throws Exception {
    Path dir = Files.createTempDirectory("twinlab-history-bench");
    StringBuilder report = new StringBuilder();
    report.append(String.format("history bench: %s store, %,d points in batches of %,d over %d series (10 Hz each)%n",
        plan.store(), plan.points(), plan.batch(), plan.series()));
    Instant t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    report.append(HistoryHandOver.run());
    try (HistoryStore store = open(plan, dir.resolve("direct"))) {
      report.append(direct(store, plan, t0));
      if (!plan.store().equals("spool")) report.append(queries(store, plan, t0));
    }
    if (plan.store().equals("embedded")) {
      try (HistoryStore store = SqliteHistoryStore.open(dir.resolve("writer"), 0)) {
        report.append(throughWriter(store, plan, t0));
      }
      if (plan.pacedRate() > 0) {
        try (HistoryStore store = SqliteHistoryStore.open(dir.resolve("paced"), 0)) {
          report.append(paced(store, plan));
        }
      }
      long bytes = Files.size(dir.resolve("direct").resolve(SqliteHistoryStore.FILE_NAME));
      report.append(String.format("  on disk: %.1f MB, %.1f bytes per point%n", bytes / 1e6, bytes / (double) plan.points()));
    }
    return new Result(report.toString());
  }

  private static HistoryStore open(Plan plan, Path dir) throws Exception {
    return switch (plan.store()) {
      case "embedded" -> SqliteHistoryStore.open(dir, 0);
      case "influxdb" -> new InfluxHistoryStore(influx(plan), plan.influxToken(), dir.resolve("influx-spool"), Clock.systemUTC());
      // InfluxDB out of reach: every batch goes to the local spool, fsynced
      default -> new InfluxHistoryStore(new InfluxConfig("http://127.0.0.1:9", "bench", "bench", Optional.empty(),
          Optional.empty()), "bench", dir.resolve("influx-spool"), Clock.systemUTC());
    };
  }

  private static InfluxConfig influx(Plan plan) {
    return new InfluxConfig(plan.influxUrl(), plan.influxOrg(), plan.influxBucket(), Optional.empty(), Optional.empty());
  }

  /** The keys of the bench's series, each made once as the runtime's ChangeHistory makes them. */
  private static SeriesKey[] keys(int series) {
    SeriesKey[] keys = new SeriesKey[series];
    for (int s = 0; s < series; s++) {
      keys[s] = new SeriesKey("twin-" + (s / PROPERTIES_PER_TWIN), "bench_model", "p" + (s % PROPERTIES_PER_TWIN),
          ValueKind.NUMBER, "mm", "station-1", null);
    }
    return keys;
  }

  /** Point i: series i % series, at 10 Hz per series. */
  private static HistoryPoint point(long i, SeriesKey[] keys, Instant t0) {
    int s = (int) (i % keys.length);
    long tick = i / keys.length;
    Instant t = t0.plusMillis(tick * 100);
    return new HistoryPoint(keys[s], Math.sin(tick * 0.01 + s) * 100, Quality.GOOD, t, t.plusMillis(2));
  }

  private static String direct(HistoryStore store, Plan plan, Instant t0) throws Exception {
    int batches = (int) Math.max(1, plan.points() / plan.batch());
    long[] latencies = new long[batches];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    SeriesKey[] keys = keys(plan.series());
    long appendCpu = 0;
    long start = System.nanoTime();
    CpuClock cpu0 = CpuClock.read(0);
    for (int b = 0; b < batches; b++) {
      List<HistoryPoint> batch = new ArrayList<>(plan.batch());
      for (long i = (long) b * plan.batch(); i < (long) (b + 1) * plan.batch(); i++) batch.add(point(i, keys, t0));
      long c = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      store.append(batch);
      latencies[b] = System.nanoTime() - s;
      appendCpu += threads.getCurrentThreadCpuTime() - c;
    }
    double secs = (System.nanoTime() - start) / 1e9;
    double cores = cpu0.selfCores(CpuClock.read(0));
    Arrays.sort(latencies);
    long total = (long) batches * plan.batch();
    return String.format("  append: %,.0f points/s; batch write p50 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f %% of one core;"
        + " CPU of the appending thread %.2f µs per point%n",
        total / secs, latencies[batches / 2] / 1e6, latencies[Math.min(batches - 1, (int) (batches * 0.99))] / 1e6,
        latencies[batches - 1] / 1e6, 100 * cores, perPoint(appendCpu, total, "append"));
  }

  private static String throughWriter(HistoryStore store, Plan plan, Instant t0) throws Exception {
    HistoryWriter writer = writer(store, plan);
    SeriesKey[] keys = keys(plan.series());
    long writerCpu0 = writerThreadCpu();
    long start = System.nanoTime();
    List<HistoryPoint> chunk = new ArrayList<>(1000);
    for (long i = 0; i < plan.points(); i++) {
      chunk.add(point(i, keys, t0));
      if (chunk.size() == 1000) {
        // a source faster than the store: hold back rather than overrun the queue
        while (writer.status().queued() > 500_000) Thread.sleep(1);
        writer.offer(chunk);
        chunk = new ArrayList<>(1000);
      }
    }
    writer.offer(chunk);
    writer.awaitIdle(Duration.ofMinutes(10));
    double secs = (System.nanoTime() - start) / 1e9;
    long writerCpu = writerThreadCpu() - writerCpu0;
    var status = writer.status();
    writer.close();
    return String.format("  through the runtime's writer (queue, batches of up to %,d points, %d ms): %,.0f points/s acknowledged,"
        + " %d batches, %d dropped; writer thread CPU %.2f µs per point%n",
        writerBatch(plan), writerDelay(plan).toMillis(), status.acknowledged() / secs, status.batches(), status.dropped(), perPoint(writerCpu, status.acknowledged(), "the writer"));
  }

  /**
   * A lab's rate, paced in real time: every 100 ms one point per series, offered in lists of one
   * rig's 200 points (as a twin's change batch comes), stamped with the wall clock. The writer's
   * thread CPU per point is what history costs a running lab off the event loop.
   */
  private static String paced(HistoryStore store, Plan plan) throws Exception {
    HistoryWriter writer = writer(store, plan);
    int perTick = plan.pacedRate() / 10;
    int rigSize = 200;
    long writerCpu0 = writerThreadCpu();
    CpuClock cpu0 = CpuClock.read(0);
    long start = System.nanoTime();
    long ticks = plan.pacedSeconds() * 10L;
    long offered = 0;
    // one key per series, made once, as the runtime's ChangeHistory makes them
    SeriesKey[] keys = new SeriesKey[plan.pacedSeries()];
    for (int s = 0; s < keys.length; s++) {
      keys[s] = new SeriesKey("rig-" + (s / rigSize), "bench_model", "p" + (s % rigSize), ValueKind.NUMBER, "mm", "station-1", null);
    }
    for (long tick = 0; tick < ticks; tick++) {
      long due = start + tick * 100_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      Instant now = Instant.now();
      for (int from = 0; from < perTick; from += rigSize) {
        List<HistoryPoint> rig = new ArrayList<>(rigSize);
        for (int i = from; i < Math.min(perTick, from + rigSize); i++) {
          int s = i % plan.pacedSeries();
          rig.add(new HistoryPoint(keys[s], Math.sin(tick * 0.01 + s) * 100, Quality.GOOD, now, now.plusMillis(2)));
        }
        offered += rig.size();
        writer.offer(rig);
      }
    }
    writer.awaitIdle(Duration.ofMinutes(5));
    double secs = (System.nanoTime() - start) / 1e9;
    long writerCpu = writerThreadCpu() - writerCpu0;
    double cores = cpu0.selfCores(CpuClock.read(0));
    var status = writer.status();
    writer.close();
    return String.format("  paced, %,d points/s over %,d series for %d s (writer: batches of up to %,d points, %d ms): %,d offered,"
        + " %,d acknowledged in %d batches, %d dropped;"
        + " writer thread CPU %.2f µs per point (%.0f %% of a core); process %.0f %% of a core%n",
        plan.pacedRate(), plan.pacedSeries(), plan.pacedSeconds(), writerBatch(plan), writerDelay(plan).toMillis(), offered, status.acknowledged(), status.batches(), status.dropped(),
        perPoint(writerCpu, status.acknowledged(), "the paced writer"), 100.0 * writerCpu / (secs * 1e9), 100 * cores);
  }

  private static HistoryWriter writer(HistoryStore store, Plan plan) {
    return new HistoryWriter(store, writerBatch(plan), writerDelay(plan), HistoryWriter.DEFAULT_CAPACITY, Clock.systemUTC());
  }

  private static int writerBatch(Plan plan) {
    return plan.writerBatch() > 0 ? plan.writerBatch() : HistoryWriter.DEFAULT_BATCH;
  }

  private static Duration writerDelay(Plan plan) {
    return plan.writerDelay() != null ? plan.writerDelay() : HistoryWriter.DEFAULT_MAX_DELAY;
  }

  /** CPU nanoseconds per point in µs; a run that wrote nothing fails rather than print NaN. */
  private static double perPoint(long cpuNanos, long points, String what) {
    if (points <= 0) throw new BenchFailure(what + " wrote no points: no CPU per point to report");
    if (cpuNanos < 0) throw new BenchFailure("this JVM cannot measure thread CPU time");
    return cpuNanos / 1e3 / points;
  }

  /** CPU time of the history writer's thread so far (the thread it ran on when it has ended). */
  private static long writerThreadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("twinlab-history-writer")) sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
    }
    return sum;
  }

  private static String queries(HistoryStore store, Plan plan, Instant t0) throws Exception {
    long ticks = plan.points() / plan.series();
    Duration stored = Duration.ofMillis(ticks * 100);
    Duration chart = stored.compareTo(Duration.ofMinutes(30)) < 0 ? stored : Duration.ofMinutes(30);
    TimeWindow window = new TimeWindow(t0, t0.plus(chart));
    Set<String> twenty = IntStream.range(0, PROPERTIES_PER_TWIN).mapToObj(i -> "p" + i).collect(Collectors.toSet());
    HistoryQuery q = HistoryQuery.twin("twin-0", window.from(), window.to()).withProperties(twenty);
    StringBuilder out = new StringBuilder(String.format("  chart query, twin-0: 20 properties x %d min at 10 Hz (best and median of 7, JSON included)%n",
        chart.toMinutes()));
    for (String step : new String[] {null, "1s", "5s", "10s"}) {
      long[] times = new long[7];
      int size = 0;
      for (int r = 0; r < times.length; r++) {
        long s = System.nanoTime();
        // what the history route does: the answer and the values in force before the window
        Duration d = step == null ? null : Duration.parse("PT" + step.toUpperCase());
        String json = d == null
            ? HistoryExport.json(window, store.raw(q), store.latestBefore(q)).encode()
            : HistoryExport.json(window, d, store.stepped(q, d), store.latestBefore(q)).encode();
        times[r] = System.nanoTime() - s;
        size = json.length();
      }
      Arrays.sort(times);
      out.append(String.format("    %-8s %7.1f ms best, %7.1f ms median, %,d bytes of JSON%n", step == null ? "raw" : "step " + step,
          times[0] / 1e6, times[times.length / 2] / 1e6, size));
    }
    return out.toString();
  }
}
