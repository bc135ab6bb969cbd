package org.twinlab.runtime.history.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import com.influxdb.query.FluxTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.config.InfluxConfig;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.HistoryPoint;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.HistoryStore;
import org.twinlab.runtime.history.Series;
import org.twinlab.runtime.history.SteppedSeries;

/**
 * History in an InfluxDB 2 bucket. A batch goes straight to the server when nothing waits before it;
 * when the server cannot take it (down, overloaded, refusing the token) the batch goes to a durable
 * local {@link Spool} instead, and a single drainer delivers the spool oldest first, retrying with
 * backoff, so nothing acknowledged is lost and order is kept. A batch the server refuses as malformed
 * is set aside in the spool's {@code rejected} folder with the reason.
 */
public final class InfluxHistoryStore implements HistoryStore {
  private static final Logger LOG = LoggerFactory.getLogger(InfluxHistoryStore.class);
  private static final long MAX_BACKOFF_MS = 30_000;

  private final InfluxConfig config;
  private final InfluxDBClient client;
  private final Spool spool;
  private final FluxQueries flux;
  private final ScheduledExecutorService drainer;
  private final Object order = new Object();
  private long backoffMs = 500;
  private boolean drainScheduled;
  private volatile String problem;

  /** @param clock dates what the spool sets aside */
  public InfluxHistoryStore(InfluxConfig config, String token, Path spoolDir, java.time.Clock clock) throws HistoryException {
    this.config = config;
    try {
      this.spool = new Spool(spoolDir, clock);
    } catch (IOException e) {
      throw new HistoryException("cannot open the InfluxDB spool " + spoolDir + ": " + e.getMessage(), e);
    }
    OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(30));
    this.client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder().url(config.url())
        .authenticateToken(token.toCharArray()).org(config.org()).bucket(config.bucket()).okHttpClient(http).build());
    this.flux = new FluxQueries(config.bucket());
    this.drainer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "twinlab-influx-spool");
      t.setDaemon(true);
      return t;
    });
    if (!spool.isEmpty()) {
      LOG.info("history: {} points wait in the InfluxDB spool {}; delivering them first", spool.lines(), spoolDir);
      scheduleDrain(0);
    }
  }

  @Override
  public void append(List<HistoryPoint> points) throws HistoryException {
    if (points.isEmpty()) return;
    List<String> lines = new ArrayList<>(points.size());
    for (HistoryPoint p : points) lines.add(LineProtocol.line(p));
    synchronized (order) {
      if (spool.isEmpty()) {
        try {
          write(lines);
          return;
        } catch (InfluxException e) {
          if (isMalformed(e)) {
            keepRejected(lines, e);
            return;
          }
          problem = "InfluxDB " + config.url() + " cannot take writes: " + message(e) + "; spooling to " + spool.directory();
          LOG.warn("history: {}", problem);
        }
      }
      try {
        spool.append(lines);
      } catch (IOException e) {
        throw new HistoryException("InfluxDB is out of reach and the spool " + spool.directory() + " cannot be written: "
            + e.getMessage(), e);
      }
      scheduleDrain(backoffMs);
    }
  }

  private void write(List<String> lines) {
    client.getWriteApiBlocking().writeRecords(config.bucket(), config.org(), WritePrecision.US, lines);
  }

  private void keepRejected(List<String> lines, InfluxException e) throws HistoryException {
    try {
      Path kept = spool.setAside(lines, message(e));
      LOG.error("history: InfluxDB refused a batch of {} points as malformed ({}); kept in {}", lines.size(), message(e), kept);
    } catch (IOException io) {
      throw new HistoryException("InfluxDB refused a batch (" + message(e) + ") and it cannot be set aside: " + io.getMessage(), io);
    }
  }

  private static boolean isMalformed(InfluxException e) {
    return e.status() == 400 || e.status() == 413 || e.status() == 422;
  }

  private static String message(InfluxException e) {
    String m = e.getMessage();
    if (e.status() > 0) return "HTTP " + e.status() + (m == null ? "" : ": " + m);
    Throwable c = e.getCause() != null ? e.getCause() : e;
    return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
  }

  private void scheduleDrain(long delayMs) {
    synchronized (order) {
      if (drainScheduled || drainer.isShutdown()) return;
      drainScheduled = true;
      drainer.schedule(this::drain, delayMs, TimeUnit.MILLISECONDS);
    }
  }

  /** Delivers the spool oldest first; on failure tries again later with a longer wait. */
  private void drain() {
    synchronized (order) {
      drainScheduled = false;
    }
    try {
      while (true) {
        var segment = spool.oldest();
        if (segment.isEmpty()) break;
        try {
          write(segment.get().lines());
          spool.delivered(segment.get());
        } catch (InfluxException e) {
          if (isMalformed(e)) {
            spool.reject(segment.get(), message(e));
            LOG.error("history: InfluxDB refused spooled batch {} as malformed ({}); set aside", segment.get().seq(), message(e));
            continue;
          }
          problem = "InfluxDB " + config.url() + " cannot take writes: " + message(e) + "; " + spool.lines()
              + " points wait in " + spool.directory();
          backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
          scheduleDrain(backoffMs);
          return;
        }
      }
      if (problem != null) LOG.info("history: InfluxDB {} takes writes again; the spool is empty", config.url());
      problem = null;
      backoffMs = 500;
    } catch (IOException | RuntimeException e) {
      problem = "the InfluxDB spool " + spool.directory() + " cannot be read: " + e.getMessage();
      LOG.error("history: {}", problem);
      scheduleDrain(MAX_BACKOFF_MS);
    }
  }

  @Override
  public List<Series> raw(HistoryQuery query) throws HistoryException {
    return flux.raw(query(flux.rawFlux(query)));
  }

  @Override
  public List<Series> latestBefore(HistoryQuery query) throws HistoryException {
    return flux.latest(query(flux.latestBeforeFlux(query)));
  }

  @Override
  public List<SteppedSeries> stepped(HistoryQuery query, Duration step) throws HistoryException {
    return flux.stepped(query(flux.steppedFlux(query, step)), step);
  }

  private List<FluxTable> query(String text) throws HistoryException {
    try {
      return client.getQueryApi().query(text, config.org());
    } catch (InfluxException e) {
      throw new HistoryException("InfluxDB " + config.url() + " cannot answer: " + message(e), e);
    }
  }

  @Override
  public long deleteBefore(Instant cutoff) throws HistoryException {
    try {
      client.getDeleteApi().delete(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
          cutoff.atOffset(ZoneOffset.UTC), "", config.bucket(), config.org());
      return -1;
    } catch (InfluxException e) {
      throw new HistoryException("InfluxDB " + config.url() + " cannot delete: " + message(e), e);
    }
  }

  @Override
  public long pending() {
    return spool.lines();
  }

  @Override
  public String problem() {
    return problem;
  }

  @Override
  public String describe() {
    return "InfluxDB " + config.url() + " org " + config.org() + " bucket " + config.bucket();
  }

  /** Waits until the spool is delivered, for tests and shutdown. */
  public boolean awaitDrained(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!spool.isEmpty()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(10);
    }
    return true;
  }

  /** Stops delivering; what is still spooled stays on disk for the next start. */
  @Override
  public void close() {
    drainer.shutdownNow();
    try {
      drainer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}
