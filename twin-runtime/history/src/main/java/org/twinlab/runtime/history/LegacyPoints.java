package org.twinlab.runtime.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.connectors.Quality;

/**
 * Converts a store of schema 1 (a {@code points} row per point, clustered by series, t and rt) to
 * chunks, once, in one transaction: a file either converts whole or stays as it was.
 */
final class LegacyPoints {
  static final String SCHEMA = "1";
  private static final Logger LOG = LoggerFactory.getLogger(LegacyPoints.class);
  private static final Quality.Level[] LEVELS = Quality.Level.values();

  private LegacyPoints() {}

  /** Converts the file the connection (in auto-commit) has open; commits, or rolls back and throws. */
  static void convert(Connection c, Path file) throws SQLException {
    long start = System.nanoTime();
    c.setAutoCommit(false);
    long points = 0;
    long chunks = 0;
    try (Statement s = c.createStatement()) {
      SqliteHistoryStore.createTables(s);
      Map<Long, ValueKind> kinds = new HashMap<>();
      try (ResultSet r = s.executeQuery("SELECT id, kind FROM series")) {
        while (r.next()) kinds.put(r.getLong(1), ValueKind.valueOf(r.getString(2)));
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO chunks(series, t_first, t_last, n, data) VALUES (?, ?, ?, ?, ?)");
          ResultSet r = s.executeQuery("SELECT series, t, rt, v, s, q, reason FROM points ORDER BY series, t, rt")) {
        long series = Long.MIN_VALUE;
        List<ChunkPoint> run = new ArrayList<>();
        while (r.next()) {
          long id = r.getLong(1);
          if (id != series) {
            chunks += flush(insert, series, run);
            series = id;
          }
          ValueKind kind = kinds.getOrDefault(id, ValueKind.NUMBER);
          double v = r.getDouble(4);
          boolean hasNumber = !r.wasNull() && kind != ValueKind.TEXT;
          String text = kind == ValueKind.TEXT ? r.getString(5) : null;
          String reason = r.getString(7);
          ChunkPoint p = new ChunkPoint(r.getLong(2), r.getLong(3), hasNumber, hasNumber ? v : 0, text,
              new Quality(LEVELS[r.getInt(6)], reason == null ? "" : reason));
          // a full chunk is cut only where the time moves on: chunks of a series share no time
          if (run.size() >= SqliteHistoryStore.MAX_CHUNK_POINTS && run.get(run.size() - 1).t() != p.t()) {
            chunks += flush(insert, series, run);
          }
          run.add(p);
          points++;
        }
        chunks += flush(insert, series, run);
      }
      s.execute("DROP TABLE points");
      s.execute("UPDATE meta SET value = '" + SqliteHistoryStore.SCHEMA_VERSION + "' WHERE key = 'schema'");
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the transaction is gone already
      }
      throw e instanceof SQLException q ? q : new SQLException("cannot convert " + file + ": " + e.getMessage(), e);
    } finally {
      c.setAutoCommit(true);
    }
    LOG.info("history: converted {} from a row per point to chunks: {} points in {} chunks, {} ms", file, points, chunks,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static int flush(PreparedStatement insert, long series, List<ChunkPoint> run) throws SQLException {
    if (run.isEmpty()) return 0;
    insert.setLong(1, series);
    insert.setLong(2, run.get(0).t());
    insert.setLong(3, run.get(run.size() - 1).t());
    insert.setInt(4, run.size());
    insert.setBytes(5, ChunkCodec.encode(run));
    insert.executeUpdate();
    run.clear();
    return 1;
  }
}
