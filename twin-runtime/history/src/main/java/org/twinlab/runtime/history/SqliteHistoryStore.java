package org.twinlab.runtime.history;

import java.nio.file.Files;
import org.twinlab.runtime.durable.OwnerOnly;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.twinlab.connectors.Quality;

/**
 * The embedded history store: one SQLite file in the data directory.
 *
 * <p>Durability: the file runs in WAL mode with {@code synchronous=FULL}, so a batch is fsynced to
 * the write-ahead log before {@link #append} returns; an acknowledged batch survives a crash of the
 * process and of the machine. Other processes may read the file while the runtime writes it (export
 * and backup do).
 */
public final class SqliteHistoryStore implements HistoryStore {
  public static final String FILE_NAME = "history.db";
  private static final int READERS = 4;
  private static final String SCHEMA_VERSION = "1";

  private final Path file;
  private final long maxBytes;
  // the writing connection, opened again after a failed transaction (null until then)
  private Connection writer;
  private PreparedStatement insert;
  private PreparedStatement upsertSeries;
  private final Map<SeriesKey, Long> seriesIds = new HashMap<>();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final boolean readOnly;

  private SqliteHistoryStore(Path file, long maxBytes, boolean readOnly) throws HistoryException {
    this.file = file;
    this.maxBytes = maxBytes;
    this.readOnly = readOnly;
    try {
      if (!readOnly) {
        // SQLite gives its write-ahead log the database file's mode, so both are owner-only
        OwnerOnly.createFile(file);
      } else if (!Files.isRegularFile(file)) {
        throw new HistoryException("no history store at " + file);
      }
      if (readOnly) writer = open(true);
      else openWriter();
    } catch (SQLException | java.io.IOException e) {
      throw new HistoryException("cannot open the history store " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens (creating when needed) the store in a data directory; {@code maxBytes} 0 means no cap. */
  public static SqliteHistoryStore open(Path dataDir, long maxBytes) throws HistoryException {
    return new SqliteHistoryStore(dataDir.resolve(FILE_NAME), maxBytes, false);
  }

  /** Opens an existing store for reading only, beside a runtime that may be writing it. */
  public static SqliteHistoryStore openReadOnly(Path dataDir) throws HistoryException {
    return new SqliteHistoryStore(dataDir.resolve(FILE_NAME), 0, true);
  }

  /**
   * Opens the writing connection with its settings (synchronous and the size cap hold per
   * connection) and statements, in a transaction.
   */
  private void openWriter() throws SQLException {
    Connection c = open(false);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        if (maxBytes > 0) {
          long pageSize = 4096;
          try (ResultSet r = s.executeQuery("PRAGMA page_size")) {
            if (r.next()) pageSize = r.getLong(1);
          }
          s.execute("PRAGMA max_page_count=" + Math.max(8, maxBytes / pageSize));
        }
        createSchema(s);
      }
      c.setAutoCommit(false);
      insert = c.prepareStatement(
          "INSERT OR REPLACE INTO points(series, t, rt, v, s, q, reason) VALUES (?, ?, ?, ?, ?, ?, ?)");
      upsertSeries = c.prepareStatement(
          "INSERT INTO series(twin, model, property, kind, unit, station, session) VALUES (?, ?, ?, ?, ?, ?, ?) "
              + "ON CONFLICT(twin, property, station, session) DO UPDATE SET model = excluded.model, "
              + "kind = excluded.kind, unit = excluded.unit RETURNING id");
      writer = c;
    } catch (SQLException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** The writing connection, opened again when a failure discarded it. */
  private Connection writer() throws SQLException {
    if (writer == null) openWriter();
    return writer;
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // it is being given up
    }
  }

  private Connection open(boolean ro) throws SQLException {
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setReadOnly(ro);
    config.setBusyTimeout(5_000);
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
  }

  private static void createSchema(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '" + SCHEMA_VERSION + "')");
    s.execute("CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, twin TEXT NOT NULL, model TEXT NOT NULL,"
        + " property TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL, station TEXT NOT NULL,"
        + " session TEXT NOT NULL, UNIQUE(twin, property, station, session))");
    // clustered by series and time: a chart reads one contiguous range per property
    s.execute("CREATE TABLE IF NOT EXISTS points(series INTEGER NOT NULL, t INTEGER NOT NULL, rt INTEGER NOT NULL,"
        + " v REAL, s TEXT, q INTEGER NOT NULL, reason TEXT, PRIMARY KEY(series, t, rt)) WITHOUT ROWID");
  }

  @Override
  public synchronized void append(List<HistoryPoint> points) throws HistoryException {
    if (readOnly) throw new HistoryException("the history store " + file + " is open for reading only");
    if (points.isEmpty()) return;
    try {
      Connection w = writer();
      for (HistoryPoint p : points) {
        insert.setLong(1, seriesId(SeriesKey.of(p)));
        insert.setLong(2, Micros.of(p.time()));
        insert.setLong(3, Micros.of(p.receivedTime()));
        Double n = p.numeric();
        if (n == null) insert.setNull(4, java.sql.Types.REAL);
        else insert.setDouble(4, n);
        insert.setString(5, p.kind() == ValueKind.TEXT && p.value() != null ? p.value().toString() : null);
        insert.setInt(6, p.quality().level().ordinal());
        insert.setString(7, p.quality().reason().isEmpty() ? null : p.quality().reason());
        insert.addBatch();
      }
      insert.executeBatch();
      w.commit();
    } catch (SQLException e) {
      rollback();
      throw new HistoryException(explain(e), e);
    }
  }

  private String explain(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    if (m.contains("SQLITE_FULL")) return "the history store " + file + " is full (disk or size cap): " + m;
    if (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN") || m.contains("SQLITE_IOERR")) {
      return "cannot write the history store " + file + ": " + m;
    }
    return "history store " + file + ": " + m;
  }

  /**
   * Gives up the writing connection after a failure. A COMMIT that fails on a full disk lets SQLite
   * roll the transaction back by itself, and the driver then never begins the next one (its
   * ROLLBACK fails with "no transaction is active" too), so every later commit would fail the same
   * way: the next append opens a fresh connection instead.
   */
  private void rollback() {
    if (writer != null) {
      try {
        writer.rollback();
      } catch (SQLException ignored) {
        // the transaction is gone already
      }
      closeQuietly(writer);
      writer = null;
    }
    // ids assigned in the failed transaction are gone with it
    seriesIds.clear();
  }

  private long seriesId(SeriesKey k) throws SQLException {
    Long id = seriesIds.get(k);
    if (id != null) return id;
    upsertSeries.setString(1, k.twin());
    upsertSeries.setString(2, k.model());
    upsertSeries.setString(3, k.property());
    upsertSeries.setString(4, k.kind().name());
    upsertSeries.setString(5, k.unit());
    upsertSeries.setString(6, k.station() == null ? "" : k.station());
    upsertSeries.setString(7, k.session() == null ? "" : k.session());
    try (ResultSet r = upsertSeries.executeQuery()) {
      r.next();
      id = r.getLong(1);
    }
    seriesIds.put(k, id);
    return id;
  }

  /** Series with points in the window, as InfluxDB answers: a series with none is left out. */
  @Override
  public List<Series> raw(HistoryQuery query) throws HistoryException {
    return read(query, (conn, key, id) -> new Series(key, points(conn, key,
        "SELECT " + POINT_COLUMNS + " FROM points WHERE series = ? AND t >= ? AND t < ? ORDER BY t, rt",
        id, Micros.of(query.from()), Micros.of(query.to()))))
        .stream().filter(x -> !x.points().isEmpty()).toList();
  }

  @Override
  public List<Series> latestBefore(HistoryQuery query) throws HistoryException {
    return read(query, (conn, key, id) -> new Series(key, points(conn, key,
        "SELECT " + POINT_COLUMNS + " FROM points WHERE series = ? AND t < ? ORDER BY t DESC, rt DESC LIMIT 1",
        id, Micros.of(query.from()))))
        .stream().filter(x -> !x.points().isEmpty()).toList();
  }

  @Override
  public List<SteppedSeries> stepped(HistoryQuery query, Duration step) throws HistoryException {
    return read(query, (SeriesReader<SteppedSeries>) (conn, key, id) -> {
      StepAccumulator acc = new StepAccumulator(step);
      boolean text = key.kind() == ValueKind.TEXT;
      // only the columns a step needs: the hot path of every chart
      try (PreparedStatement ps = conn.prepareStatement("SELECT t, " + (text ? "s" : "v")
          + " FROM points WHERE series = ? AND t >= ? AND t < ? ORDER BY t, rt")) {
        ps.setLong(1, id);
        ps.setLong(2, Micros.of(query.from()));
        ps.setLong(3, Micros.of(query.to()));
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            if (text) {
              acc.add(r.getLong(1), r.getString(2), null);
            } else {
              double v = r.getDouble(2);
              if (r.wasNull()) continue;
              acc.add(r.getLong(1), key.kind().fromStored(v, null), v);
            }
          }
        }
      }
      return new SteppedSeries(key, step, acc.finish());
    }).stream().filter(x -> !x.steps().isEmpty()).toList();
  }

  private interface SeriesReader<T> {
    T read(Connection conn, SeriesKey key, long id) throws SQLException;
  }

  private <T> List<T> read(HistoryQuery query, SeriesReader<T> reader) throws HistoryException {
    Connection conn = null;
    try {
      conn = borrow();
      // one snapshot for the whole answer: series and points agree
      conn.setAutoCommit(false);
      List<T> out = new ArrayList<>();
      for (Map.Entry<Long, SeriesKey> e : matchingSeries(conn, query).entrySet()) {
        out.add(reader.read(conn, e.getValue(), e.getKey()));
      }
      conn.commit();
      return out;
    } catch (SQLException e) {
      throw new HistoryException(explain(e), e);
    } finally {
      giveBack(conn);
    }
  }

  private Map<Long, SeriesKey> matchingSeries(Connection conn, HistoryQuery q) throws SQLException {
    Map<Long, SeriesKey> out = new java.util.LinkedHashMap<>();
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT id, twin, model, property, kind, unit, station, session FROM series"
            + " WHERE (?1 IS NULL OR twin = ?1) AND (?2 IS NULL OR session = ?2) ORDER BY twin, property, station, session")) {
      ps.setString(1, q.twin());
      ps.setString(2, q.session());
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          String station = r.getString(7);
          String session = r.getString(8);
          SeriesKey k = new SeriesKey(r.getString(2), r.getString(3), r.getString(4), ValueKind.valueOf(r.getString(5)),
              r.getString(6), station.isEmpty() ? null : station, session.isEmpty() ? null : session);
          if (q.matches(k.twin(), k.property(), k.session())) out.put(r.getLong(1), k);
        }
      }
    }
    return out;
  }

  private static final String POINT_COLUMNS = "t, v, s, q, reason, rt";

  /** Runs a query over {@link #POINT_COLUMNS} with the given long parameters and reads its points. */
  private static List<StoredPoint> points(Connection conn, SeriesKey key, String sql, long... parameters) throws SQLException {
    List<StoredPoint> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) ps.setLong(i + 1, parameters[i]);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          double v = r.getDouble(2);
          Double value = r.wasNull() ? null : v;
          out.add(new StoredPoint(Micros.toInstant(r.getLong(1)), key.kind().fromStored(value, r.getString(3)),
              quality(r.getInt(4), r.getString(5)), Micros.toInstant(r.getLong(6))));
        }
      }
    }
    return out;
  }


  private static Quality quality(int level, String reason) {
    return new Quality(Quality.Level.values()[level], reason == null ? "" : reason);
  }

  @Override
  public synchronized long deleteBefore(Instant cutoff) throws HistoryException {
    if (readOnly) throw new HistoryException("the history store " + file + " is open for reading only");
    try (PreparedStatement ps = writer().prepareStatement("DELETE FROM points WHERE t < ?")) {
      ps.setLong(1, Micros.of(cutoff));
      int n = ps.executeUpdate();
      writer.commit();
      return n;
    } catch (SQLException e) {
      rollback();
      throw new HistoryException(explain(e), e);
    }
  }

  @Override
  public synchronized long deleteBefore(String twin, Instant cutoff) throws HistoryException {
    if (readOnly) throw new HistoryException("the history store " + file + " is open for reading only");
    try (PreparedStatement ps = writer().prepareStatement(
        "DELETE FROM points WHERE t < ? AND series IN (SELECT id FROM series WHERE twin = ?)")) {
      ps.setLong(1, Micros.of(cutoff));
      ps.setString(2, twin);
      int n = ps.executeUpdate();
      writer.commit();
      return n;
    } catch (SQLException e) {
      rollback();
      throw new HistoryException(explain(e), e);
    }
  }

  /**
   * Writes a consistent copy of the store to {@code target} while writers go on: SQLite's own
   * {@code VACUUM INTO}, which reads one snapshot.
   */
  public void copyTo(Path target) throws HistoryException {
    Connection conn = null;
    try {
      conn = borrow();
      conn.setAutoCommit(true);
      try (PreparedStatement ps = conn.prepareStatement("VACUUM INTO ?")) {
        ps.setString(1, target.toAbsolutePath().toString());
        ps.execute();
      }
    } catch (SQLException e) {
      throw new HistoryException("cannot copy the history store " + file + " to " + target + ": " + e.getMessage(), e);
    } finally {
      giveBack(conn);
    }
  }

  private Connection borrow() throws SQLException {
    Connection c = readers.poll();
    return c != null ? c : open(true);
  }

  private void giveBack(Connection c) {
    if (c == null) return;
    try {
      if (!c.getAutoCommit()) c.rollback();
      if (!readers.offer(c)) c.close();
    } catch (SQLException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing more to release
      }
    }
  }

  @Override
  public String describe() {
    return "embedded SQLite store " + file;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    List<Connection> all = new ArrayList<>();
    readers.drainTo(all);
    if (writer != null) all.add(writer);
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}
