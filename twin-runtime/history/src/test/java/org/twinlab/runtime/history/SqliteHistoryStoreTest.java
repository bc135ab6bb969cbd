package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteHistoryStoreTest extends HistoryStoreContract {
  private static Path dir;
  private static SqliteHistoryStore store;

  @BeforeAll
  static void open() throws Exception {
    dir = Files.createTempDirectory("history");
    store = SqliteHistoryStore.open(dir, 0);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Override
  protected HistoryStore store() {
    return store;
  }

  @Test
  void anotherProcessCanReadWhileTheRuntimeWrites() throws Exception {
    String twin = newTwin();
    store.append(List.of(number(twin, "level", 4, T0)));
    try (SqliteHistoryStore reader = SqliteHistoryStore.openReadOnly(dir)) {
      assertThat(values(reader.raw(HistoryQuery.twin(twin, T0, T0.plusSeconds(1))), "level")).containsExactly(4.0);
      assertThatThrownBy(() -> reader.append(List.of(number(twin, "level", 5, T0)))).isInstanceOf(HistoryException.class)
          .hasMessageContaining("reading only");
    }
  }

  @Test
  void aFullStoreSaysSoAndKeepsWhatItHad(@TempDir Path small) throws Exception {
    try (SqliteHistoryStore capped = SqliteHistoryStore.open(small, 64 * 1024)) {
      String twin = newTwin();
      capped.append(List.of(number(twin, "level", 1, T0)));
      List<HistoryPoint> many = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) many.add(number(twin, "level", i, T0.plusMillis(i + 1)));

      assertThatThrownBy(() -> capped.append(many)).isInstanceOf(HistoryException.class).hasMessageContaining("is full");

      assertThat(values(capped.raw(HistoryQuery.twin(twin, T0, T0.plusSeconds(60))), "level")).containsExactly(1.0);
    }
  }

  @Test
  void anUnwritableLocationIsAClearError(@TempDir Path tmp) throws Exception {
    Path notADirectory = Files.writeString(tmp.resolve("data"), "a file where the data directory should be");

    assertThatThrownBy(() -> SqliteHistoryStore.open(notADirectory, 0)).isInstanceOf(HistoryException.class)
        .hasMessageContaining("cannot open the history store").hasMessageContaining(notADirectory.toString());
  }

  @Test
  void aCopyIsAConsistentStoreOfItsOwn(@TempDir Path tmp) throws Exception {
    String twin = newTwin();
    store.append(List.of(number(twin, "level", 9, T0)));
    Path copyDir = Files.createDirectories(tmp.resolve("copy"));

    store.copyTo(copyDir.resolve(SqliteHistoryStore.FILE_NAME));

    try (SqliteHistoryStore copy = SqliteHistoryStore.openReadOnly(copyDir)) {
      assertThat(values(copy.raw(HistoryQuery.twin(twin, T0, T0.plusSeconds(1))), "level")).containsExactly(9.0);
    }
  }

  /** A store as schema 1 wrote it: its own SQL, a row per point. */
  private static void writeSchemaOne(Path dir, String twin) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteHistoryStore.FILE_NAME));
        java.sql.Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '1')");
      s.execute("CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, twin TEXT NOT NULL, model TEXT NOT NULL,"
          + " property TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL, station TEXT NOT NULL,"
          + " session TEXT NOT NULL, UNIQUE(twin, property, station, session))");
      s.execute("CREATE TABLE IF NOT EXISTS points(series INTEGER NOT NULL, t INTEGER NOT NULL, rt INTEGER NOT NULL,"
          + " v REAL, s TEXT, q INTEGER NOT NULL, reason TEXT, PRIMARY KEY(series, t, rt)) WITHOUT ROWID");
      s.execute("INSERT INTO series VALUES (1, '" + twin + "', 'tank_process', 'level', 'NUMBER', 'mm', 'station-1', '')");
      s.execute("INSERT INTO series VALUES (2, '" + twin + "', 'tank_process', 'mode', 'TEXT', '', 'station-1', 'exam-1')");
      s.execute("INSERT INTO series VALUES (3, '" + twin + "', 'tank_process', 'running', 'BOOLEAN', '', 'station-1', '')");
      s.execute("INSERT INTO series VALUES (4, '" + twin + "', 'tank_process', 'count', 'INTEGER', '', 'station-1', '')");
      long t0 = Micros.of(T0);
      try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO points VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        // 2,500 levels at 10 Hz: more than one chunk's worth; one without a value, one uncertain
        for (int i = 0; i < 2_500; i++) {
          long t = t0 + i * 100_000L;
          ps.setLong(1, 1);
          ps.setLong(2, t);
          ps.setLong(3, t + 3_000);
          if (i == 7) ps.setNull(4, java.sql.Types.REAL);
          else ps.setDouble(4, i * 0.5);
          ps.setNull(5, java.sql.Types.VARCHAR);
          ps.setInt(6, i == 7 ? 2 : i == 8 ? 1 : 0);
          ps.setString(7, i == 7 ? "Bad_CommunicationError" : i == 8 ? "STALE: no sample for 900 ms" : null);
          ps.executeUpdate();
        }
      }
      s.execute("INSERT INTO points VALUES (2, " + t0 + ", " + (t0 + 3_000) + ", NULL, 'FILL', 0, NULL)");
      s.execute("INSERT INTO points VALUES (2, " + (t0 + 1_000_000) + ", " + (t0 + 1_003_000) + ", NULL, '自动 AUTO', 0, NULL)");
      s.execute("INSERT INTO points VALUES (3, " + t0 + ", " + (t0 + 3_000) + ", 1.0, NULL, 0, NULL)");
      s.execute("INSERT INTO points VALUES (3, " + (t0 + 500_000) + ", " + (t0 + 503_000) + ", 0.0, NULL, 0, NULL)");
      s.execute("INSERT INTO points VALUES (4, " + (t0 - 60_000_000) + ", " + (t0 - 59_997_000) + ", 42.0, NULL, 0, NULL)");
    }
  }

  @Test
  void aStoreOfTheRowPerPointSchemaIsConvertedOnceAndAnswersAsBefore(@TempDir Path old) throws Exception {
    String twin = newTwin();
    writeSchemaOne(old, twin);
    assertThatThrownBy(() -> SqliteHistoryStore.openReadOnly(old)).isInstanceOf(HistoryException.class)
        .hasMessageContaining("schema 1").hasMessageContaining("converts");

    try (SqliteHistoryStore converted = SqliteHistoryStore.open(old, 0)) {
      List<Series> all = converted.raw(HistoryQuery.twin(twin, T0.minusSeconds(120), T0.plusSeconds(600)));
      Series level = find(all, "level");
      assertThat(level.points()).hasSize(2_500);
      assertThat(level.key().unit()).isEqualTo("mm");
      assertThat(level.points().get(6).value()).isEqualTo(3.0);
      assertThat(level.points().get(7).value()).isNull();
      assertThat(level.points().get(7).quality()).isEqualTo(org.twinlab.connectors.Quality.bad("Bad_CommunicationError"));
      assertThat(level.points().get(8).quality()).isEqualTo(org.twinlab.connectors.Quality.uncertain("STALE: no sample for 900 ms"));
      assertThat(level.points().get(9).quality()).isEqualTo(org.twinlab.connectors.Quality.GOOD);
      assertThat(level.points().get(2_499).time()).isEqualTo(T0.plusMillis(249_900));
      assertThat(level.points().get(2_499).receivedTime()).isEqualTo(T0.plusMillis(249_903));
      assertThat(values(all, "mode")).containsExactly("FILL", "自动 AUTO");
      assertThat(find(all, "mode").key().session()).isEqualTo("exam-1");
      assertThat(values(all, "running")).containsExactly(true, false);
      assertThat(values(all, "count")).containsExactly(42L);
      assertThat(values(converted.latestBefore(HistoryQuery.twin(twin, T0.plusMillis(150_050), T0.plusSeconds(600))), "level"))
          .containsExactly(750.0);

      converted.append(List.of(number(twin, "level", -1, T0.plusSeconds(1_000))));
      assertThat(converted.deleteBefore(twin, T0.plusSeconds(200))).isEqualTo(2_000 + 2 + 2 + 1);
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old.resolve(SqliteHistoryStore.FILE_NAME));
        java.sql.Statement s = c.createStatement()) {
      try (java.sql.ResultSet r = s.executeQuery("SELECT value FROM meta WHERE key = 'schema'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo(SqliteHistoryStore.SCHEMA_VERSION);
      }
      try (java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'points'")) {
        r.next();
        assertThat(r.getInt(1)).as("the row-per-point table, gone").isZero();
      }
    }
    try (SqliteHistoryStore reopened = SqliteHistoryStore.open(old, 0);
        SqliteHistoryStore reader = SqliteHistoryStore.openReadOnly(old)) {
      assertThat(values(reopened.raw(HistoryQuery.twin(twin, T0, T0.plusSeconds(2_000))), "level")).hasSize(501);
      assertThat(values(reader.raw(HistoryQuery.twin(twin, T0, T0.plusSeconds(2_000))), "level")).hasSize(501).endsWith(-1.0);
    }
  }

  @Test
  void aSeriesWrittenLateAndOftenStaysWholeAcrossManyChunks() throws Exception {
    String twin = newTwin();
    List<HistoryPoint> even = new ArrayList<>();
    List<HistoryPoint> odd = new ArrayList<>();
    for (int i = 0; i < 3 * SqliteHistoryStore.MAX_CHUNK_POINTS; i++) {
      (i % 2 == 0 ? even : odd).add(number(twin, "level", i, T0.plusMillis(i)));
    }
    store.append(even);
    store.append(odd);
    store.append(odd.subList(0, 10));

    List<Object> back = values(store.raw(HistoryQuery.twin(twin, T0, T0.plusSeconds(10))), "level");
    assertThat(back).hasSize(3 * SqliteHistoryStore.MAX_CHUNK_POINTS);
    for (int i = 0; i < back.size(); i++) assertThat(back.get(i)).isEqualTo((double) i);
  }
}
