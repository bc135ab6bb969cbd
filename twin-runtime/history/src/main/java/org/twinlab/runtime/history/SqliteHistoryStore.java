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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.twinlab.connectors.Quality;

/**
 * The embedded history store: one SQLite file in the data directory.
 *
 * <p>Layout (schema 2): a row per series per append, a chunk holding all that batch's points of the
 * series ({@link ChunkCodec}), with its first and last time and point count as columns. A series'
 * chunks cover disjoint time ranges (points that arrive late are merged into the chunks they fall
 * in), so a window's chunks are a range of the {@code (series, t_first)} index, and the value in
 * force before a time is the last point of the last chunk starting before it. A row per point cost
 * a b-tree insert and seven bound parameters each; a chunk of a batch's points costs one. A file of
 * schema 1 (a {@code points} row per point) is converted when the runtime opens it.
 *
 * <p>Durability: the file runs in WAL mode with {@code synchronous=FULL}, so a batch is fsynced to
 * the write-ahead log before {@link #append} returns; an acknowledged batch survives a crash of the
 * process and of the machine. Other processes may read the file while the runtime writes it (export
 * and backup do).
 */
public final class SqliteHistoryStore implements HistoryStore {
  public static final String FILE_NAME = "history.db";
  private static final int READERS = 4;
  static final String SCHEMA_VERSION = "2";
  /** The most points a chunk holds (more share a time only): a late point rewrites at most this many. */
  static final int MAX_CHUNK_POINTS = 1_000;

  private final Path file;
  private final long maxBytes;
  // the writing connection, opened again after a failed transaction (null until then)
  private Connection writer;
  private PreparedStatement insertChunk;
  private PreparedStatement lastChunk;
  private PreparedStatement overlapping;
  private PreparedStatement deleteChunk;
  private PreparedStatement upsertSeries;
  /** Series by key instance, the lookup of every point; emptied when it outgrows {@link #seriesByValue}. */
  private final Map<SeriesKey, SeriesSlot> seriesByKey = new IdentityHashMap<>();
  private final Map<SeriesKey, SeriesSlot> seriesByValue = new HashMap<>();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final boolean readOnly;

  /** One series as the writer knows it: its id, its newest time, and the points of the append under way. */
  private static final class SeriesSlot {
    final long id;
    /** The newest t the series holds; {@code Long.MIN_VALUE} for none, null until read. */
    Long last;
    List<ChunkPoint> pending;

    SeriesSlot(long id) {
      this.id = id;
    }
  }

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
      if (readOnly) {
        writer = open(true);
        String v = schema(writer);
        if (v == null) {
          closeQuietly(writer);
          throw new HistoryException("no history store at " + file + " (a file without its tables)");
        }
        if (!SCHEMA_VERSION.equals(v)) {
          closeQuietly(writer);
          throw new HistoryException("the history store " + file + " has schema " + v + "; this twinlab reads schema "
              + SCHEMA_VERSION + ", and converts an older one when the runtime opens it");
        }
      } else {
        openWriter();
      }
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

  /** The schema a file says it has, or null for a file without one (new). */
  private static String schema(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT value FROM meta WHERE key = 'schema'")) {
      return r.next() ? r.getString(1) : null;
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("no such table")) return null;
      throw e;
    }
  }

  /**
   * Opens the writing connection with its settings (synchronous and the size cap hold per
   * connection) and statements, converting a file of the old schema first.
   */
  private void openWriter() throws SQLException {
    Connection c = open(false);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        // before the cap: converting needs room for both layouts until the old table goes
        createSchema(c);
        if (maxBytes > 0) {
          long pageSize = 4096;
          try (ResultSet r = s.executeQuery("PRAGMA page_size")) {
            if (r.next()) pageSize = r.getLong(1);
          }
          s.execute("PRAGMA max_page_count=" + Math.max(8, maxBytes / pageSize));
        }
      }
      c.setAutoCommit(false);
      insertChunk = c.prepareStatement("INSERT INTO chunks(series, t_first, t_last, n, data) VALUES (?, ?, ?, ?, ?)");
      lastChunk = c.prepareStatement("SELECT t_last FROM chunks WHERE series = ? ORDER BY t_first DESC LIMIT 1");
      overlapping = c.prepareStatement("SELECT id, data FROM chunks WHERE series = ?1 AND t_first >= coalesce("
          + "(SELECT max(t_first) FROM chunks WHERE series = ?1 AND t_first <= ?2), ?2) AND t_first <= ?3 AND t_last >= ?2"
          + " ORDER BY t_first");
      deleteChunk = c.prepareStatement("DELETE FROM chunks WHERE id = ?");
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
    // the driver would otherwise prepare and run "SELECT last_insert_rowid()" after every insert
    config.setGetGeneratedKeys(false);
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
  }

  /** Creates the schema of a new file, converts one of schema 1, and refuses one newer than this code. */
  private void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    }
    String v = schema(c);
    if (LegacyPoints.SCHEMA.equals(v)) {
      LegacyPoints.convert(c, file);
      return;
    }
    if (v != null && !v.equals(SCHEMA_VERSION)) {
      throw new SQLException("schema " + v + " is not one this twinlab reads (it reads " + SCHEMA_VERSION + ")");
    }
    try (Statement s = c.createStatement()) {
      createTables(s);
      s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '" + SCHEMA_VERSION + "')");
    }
  }

  /** The tables of schema 2. */
  static void createTables(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, twin TEXT NOT NULL, model TEXT NOT NULL,"
        + " property TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL, station TEXT NOT NULL,"
        + " session TEXT NOT NULL, UNIQUE(twin, property, station, session))");
    // the blobs in a rowid table written in order; the index, small, is what finds a series' window
    s.execute("CREATE TABLE IF NOT EXISTS chunks(id INTEGER PRIMARY KEY, series INTEGER NOT NULL, t_first INTEGER NOT NULL,"
        + " t_last INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL)");
    s.execute("CREATE UNIQUE INDEX IF NOT EXISTS chunks_by_time ON chunks(series, t_first)");
  }

  @Override
  public synchronized void append(List<HistoryPoint> points) throws HistoryException {
    if (readOnly) throw new HistoryException("the history store " + file + " is open for reading only");
    if (points.isEmpty()) return;
    List<SeriesSlot> touched = new ArrayList<>();
    try {
      Connection w = writer();
      for (List<HistoryPoint> part : HistoryBlock.parts(points)) {
        if (part instanceof HistoryBlock block) {
          // read straight from the columns: no point is built
          for (int i = 0; i < block.size(); i++) pend(block.series(i), ChunkPoint.of(block, i), touched);
        } else {
          for (HistoryPoint p : part) pend(p.series(), ChunkPoint.of(p), touched);
        }
      }
      for (SeriesSlot slot : touched) write(slot, ChunkRuns.ordered(slot.pending));
      w.commit();
    } catch (SQLException e) {
      rollback();
      throw new HistoryException(explain(e), e);
    } finally {
      for (SeriesSlot slot : touched) slot.pending = null;
    }
  }

  private void pend(SeriesKey key, ChunkPoint point, List<SeriesSlot> touched) throws SQLException {
    SeriesSlot slot = slot(key);
    if (slot.pending == null) {
      slot.pending = new ArrayList<>();
      touched.add(slot);
    }
    slot.pending.add(point);
  }

  /** Writes one series' new points: as chunks of their own after its newest, else merged into what they overlap. */
  private void write(SeriesSlot slot, List<ChunkPoint> run) throws SQLException {
    if (slot.last == null) {
      lastChunk.setLong(1, slot.id);
      try (ResultSet r = lastChunk.executeQuery()) {
        slot.last = r.next() ? r.getLong(1) : Long.MIN_VALUE;
      }
    }
    long first = run.get(0).t();
    long last = run.get(run.size() - 1).t();
    if (first <= slot.last) run = mergeOverlapping(slot.id, run, first, last);
    for (List<ChunkPoint> chunk : ChunkRuns.split(run, MAX_CHUNK_POINTS)) insertChunk(slot.id, chunk);
    slot.last = Math.max(slot.last, run.get(run.size() - 1).t());
  }

  /** Takes out the chunks sharing the run's time range and returns their points merged with the run's. */
  private List<ChunkPoint> mergeOverlapping(long series, List<ChunkPoint> run, long first, long last) throws SQLException {
    List<ChunkPoint> older = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    overlapping.setLong(1, series);
    overlapping.setLong(2, first);
    overlapping.setLong(3, last);
    try (ResultSet r = overlapping.executeQuery()) {
      while (r.next()) {
        ids.add(r.getLong(1));
        older.addAll(ChunkCodec.decode(r.getBytes(2)));
      }
    }
    for (long id : ids) {
      deleteChunk.setLong(1, id);
      deleteChunk.executeUpdate();
    }
    return older.isEmpty() ? run : ChunkRuns.merge(older, run);
  }

  private void insertChunk(long series, List<ChunkPoint> chunk) throws SQLException {
    insertChunk.setLong(1, series);
    insertChunk.setLong(2, chunk.get(0).t());
    insertChunk.setLong(3, chunk.get(chunk.size() - 1).t());
    insertChunk.setInt(4, chunk.size());
    insertChunk.setBytes(5, ChunkCodec.encode(chunk));
    insertChunk.executeUpdate();
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
    // ids assigned and newest times moved in the failed transaction are gone with it
    forgetSeries();
  }

  private void forgetSeries() {
    seriesByKey.clear();
    seriesByValue.clear();
  }

  /** The series of a key: by identity for the instance a property's points share, else by value. */
  private SeriesSlot slot(SeriesKey k) throws SQLException {
    SeriesSlot slot = seriesByKey.get(k);
    if (slot != null) return slot;
    slot = seriesByValue.get(k);
    if (slot == null) {
      slot = new SeriesSlot(seriesId(k));
      seriesByValue.put(k, slot);
    }
    // keys made per point (not shared) would pile up here: start over when they outnumber the series
    if (seriesByKey.size() > 4 * seriesByValue.size() + 1_024) seriesByKey.clear();
    seriesByKey.put(k, slot);
    return slot;
  }

  private long seriesId(SeriesKey k) throws SQLException {
    upsertSeries.setString(1, k.twin());
    upsertSeries.setString(2, k.model());
    upsertSeries.setString(3, k.property());
    upsertSeries.setString(4, k.kind().name());
    upsertSeries.setString(5, k.unit() == null ? "" : k.unit());
    upsertSeries.setString(6, k.station() == null ? "" : k.station());
    upsertSeries.setString(7, k.session() == null ? "" : k.session());
    try (ResultSet r = upsertSeries.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /** A series' chunks that may hold points in [from, to): the one starting at or before from, and those after. */
  private static final String WINDOW_CHUNKS = "SELECT t_last, data FROM chunks WHERE series = ?1 AND t_first >= coalesce("
      + "(SELECT max(t_first) FROM chunks WHERE series = ?1 AND t_first <= ?2), ?2) AND t_first < ?3 ORDER BY t_first";

  /** Series with points in the window, as InfluxDB answers: a series with none is left out. */
  @Override
  public List<Series> raw(HistoryQuery query) throws HistoryException {
    long from = Micros.of(query.from());
    long to = Micros.of(query.to());
    return read(query, (conn, key, id) -> {
      List<StoredPoint> out = new ArrayList<>();
      window(conn, id, from, to, p -> out.add(stored(key, p)));
      return new Series(key, out);
    }).stream().filter(x -> !x.points().isEmpty()).toList();
  }

  /** Calls back with a series' points in [from, to), oldest first. */
  private static void window(Connection conn, long id, long from, long to, java.util.function.Consumer<ChunkPoint> each)
      throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(WINDOW_CHUNKS)) {
      ps.setLong(1, id);
      ps.setLong(2, from);
      ps.setLong(3, to);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          if (r.getLong(1) < from) continue; // the chunk before the window, ending before it
          for (ChunkPoint p : ChunkCodec.decode(r.getBytes(2))) {
            if (p.t() >= from && p.t() < to) each.accept(p);
          }
        }
      }
    }
  }

  private static StoredPoint stored(SeriesKey key, ChunkPoint p) {
    return new StoredPoint(Micros.toInstant(p.t()), p.value(key.kind()), p.quality(), Micros.toInstant(p.rt()));
  }

  @Override
  public List<Series> latestBefore(HistoryQuery query) throws HistoryException {
    long from = Micros.of(query.from());
    return read(query, (conn, key, id) -> {
      // chunks do not overlap: the last one starting before the time holds the last point before it
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT data FROM chunks WHERE series = ? AND t_first < ? ORDER BY t_first DESC LIMIT 1")) {
        ps.setLong(1, id);
        ps.setLong(2, from);
        try (ResultSet r = ps.executeQuery()) {
          ChunkPoint latest = null;
          if (r.next()) {
            for (ChunkPoint p : ChunkCodec.decode(r.getBytes(1))) {
              if (p.t() < from) latest = p;
            }
          }
          return new Series(key, latest == null ? List.of() : List.of(stored(key, latest)));
        }
      }
    }).stream().filter(x -> !x.points().isEmpty()).toList();
  }

  @Override
  public List<SteppedSeries> stepped(HistoryQuery query, Duration step) throws HistoryException {
    long from = Micros.of(query.from());
    long to = Micros.of(query.to());
    return read(query, (SeriesReader<SteppedSeries>) (conn, key, id) -> {
      StepAccumulator acc = new StepAccumulator(step);
      boolean text = key.kind() == ValueKind.TEXT;
      window(conn, id, from, to, p -> {
        if (text) acc.add(p.t(), p.text(), null);
        else if (p.hasNumber()) acc.add(p.t(), key.kind().fromStored(p.number(), null), p.number());
      });
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
    } catch (SQLException | IllegalArgumentException e) {
      throw new HistoryException(e instanceof SQLException q ? explain(q) : "history store " + file + ": " + e.getMessage(), e);
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

  @Override
  public synchronized long deleteBefore(Instant cutoff) throws HistoryException {
    return deleteBefore("SELECT id FROM series", null, cutoff);
  }

  @Override
  public synchronized long deleteBefore(String twin, Instant cutoff) throws HistoryException {
    return deleteBefore("SELECT id FROM series WHERE twin = ?", twin, cutoff);
  }

  /**
   * Deletes the points before the cutoff of the series the query names, chunk by chunk along the
   * index: whole chunks that end before it go, the one that straddles it is written again with the
   * points it keeps. Returns the points removed.
   */
  private long deleteBefore(String seriesSql, String twin, Instant cutoff) throws HistoryException {
    if (readOnly) throw new HistoryException("the history store " + file + " is open for reading only");
    long t = Micros.of(cutoff);
    try {
      Connection w = writer();
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps = w.prepareStatement(seriesSql)) {
        if (twin != null) ps.setString(1, twin);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) ids.add(r.getLong(1));
        }
      }
      long removed = 0;
      try (PreparedStatement count = w.prepareStatement(
              "SELECT coalesce(sum(n), 0) FROM chunks WHERE series = ? AND t_first < ?2 AND t_last < ?2");
          PreparedStatement delete = w.prepareStatement("DELETE FROM chunks WHERE series = ? AND t_first < ?2 AND t_last < ?2");
          PreparedStatement straddling = w.prepareStatement(
              "SELECT id, data FROM chunks WHERE series = ? AND t_first < ?2 AND t_last >= ?2");
          PreparedStatement rewrite = w.prepareStatement("UPDATE chunks SET t_first = ?, n = ?, data = ? WHERE id = ?")) {
        for (long id : ids) {
          count.setLong(1, id);
          count.setLong(2, t);
          try (ResultSet r = count.executeQuery()) {
            long n = r.next() ? r.getLong(1) : 0;
            if (n == 0) continue;
            removed += n;
          }
          delete.setLong(1, id);
          delete.setLong(2, t);
          delete.executeUpdate();
        }
        for (long id : ids) {
          straddling.setLong(1, id);
          straddling.setLong(2, t);
          try (ResultSet r = straddling.executeQuery()) {
            while (r.next()) {
              List<ChunkPoint> all = ChunkCodec.decode(r.getBytes(2));
              List<ChunkPoint> kept = all.stream().filter(p -> p.t() >= t).toList();
              removed += all.size() - kept.size();
              if (kept.size() == all.size()) continue;
              rewrite.setLong(1, kept.get(0).t());
              rewrite.setInt(2, kept.size());
              rewrite.setBytes(3, ChunkCodec.encode(kept));
              rewrite.setLong(4, r.getLong(1));
              rewrite.executeUpdate();
            }
          }
        }
      }
      w.commit();
      return removed;
    } catch (SQLException e) {
      rollback();
      throw new HistoryException(explain(e), e);
    } finally {
      // a series emptied here has no newest time any more: read it again when it is next written
      forgetSeries();
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
