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
}
