package org.twinlab.runtime.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.Quality;
import org.twinlab.runtime.history.HistoryPoint;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.SqliteHistoryStore;
import org.twinlab.runtime.history.StoredPoint;
import org.twinlab.runtime.history.ValueKind;

class DataBackupTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir
  Path tmp;

  private static List<HistoryPoint> batch(long first, int n) {
    List<HistoryPoint> out = new ArrayList<>();
    for (long i = first; i < first + n; i++) {
      out.add(new HistoryPoint("tank-1", "tank_process", "tank.level", ValueKind.NUMBER, "mm", (double) i, Quality.GOOD,
          T0.plusMillis(i), T0.plusMillis(i), "station-3", null));
    }
    return out;
  }

  private Path dataWithHistory(int points) throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data, 0)) {
      store.append(batch(0, points));
    }
    Files.createDirectories(data.resolve("bindings"));
    Files.writeString(data.resolve("bindings/tank-1.jsonl"), "{\"version\":1}\n{\"version\":2}\n");
    return data;
  }

  private static List<Object> levels(Path data) throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.openReadOnly(data)) {
      return store.raw(HistoryQuery.twin("tank-1", T0, T0.plusSeconds(3600))).stream()
          .flatMap(s -> s.points().stream()).map(StoredPoint::value).toList();
    }
  }

  @Test
  void aBackupTakenWhileTheStoreIsWrittenRestoresToAConsistentStore() throws Exception {
    Path data = dataWithHistory(1000);
    Files.writeString(data.resolve("bindings/tank-1.jsonl"), "{\"version\":3, \"half writ", java.nio.file.StandardOpenOption.APPEND);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong written = new AtomicLong(1000);
    Thread writer;
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data, 0)) {
      writer = new Thread(() -> {
        while (writing.get()) {
          try {
            store.append(batch(written.get(), 500));
            written.addAndGet(500);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      });
      writer.start();
      // the backup begins while the writer is at work
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> written.get() > 1000);
      Path backup = tmp.resolve("backup.zip");

      BackupManifest manifest = DataBackup.create(data, backup, false, Instant.now());
      long atLeast = written.get();
      writing.set(false);
      writer.join();

      assertThat(manifest.files()).extracting(BackupManifest.Entry::path).containsExactly("history.db", "bindings/tank-1.jsonl");
      Path restored = tmp.resolve("restored");
      DataBackup.restore(backup, restored);
      List<Object> values = levels(restored);
      // one snapshot: a gapless prefix of what was written, at least what was there before the backup began
      assertThat(values.size()).isGreaterThanOrEqualTo(1000).isLessThanOrEqualTo((int) written.get()).isEqualTo(values.size() / 500 * 500);
      for (int i = 0; i < values.size(); i++) assertThat(values.get(i)).isEqualTo((double) i);
      assertThat(Files.readString(restored.resolve("bindings/tank-1.jsonl"))).isEqualTo("{\"version\":1}\n{\"version\":2}\n");
      assertThat(atLeast).isPositive();
    }
  }

  private static String permissions(Path p) throws Exception {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static List<String> names(Path zip) throws Exception {
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      return z.stream().map(ZipEntry::getName).toList();
    }
  }

  // whoever holds the private key signs evidence as the platform: it leaves only when asked for
  @Test
  void thePrivateSigningKeyIsBackedUpOnlyWhenAskedFor() throws Exception {
    Path data = dataWithHistory(10);
    org.twinlab.runtime.evidence.PlatformKey.openOrCreate(data);
    org.twinlab.connectors.opcua.OpcUaPki.at(data.resolve("pki")).ownCertificate();
    Path plain = tmp.resolve("plain.zip");
    Path withKey = tmp.resolve("with-key.zip");
    DataBackup.create(data, plain, false, Instant.now());
    DataBackup.create(data, withKey, true, Instant.now());

    assertThat(names(plain)).contains("keys/platform-ed25519.pub", "pki/own/cert.der")
        .doesNotContain(DataBackup.PRIVATE_KEY, DataBackup.OPCUA_PRIVATE_KEY);
    assertThat(names(withKey)).contains("keys/platform-ed25519.pub", DataBackup.PRIVATE_KEY, DataBackup.OPCUA_PRIVATE_KEY);
    assertThat(DataBackup.verify(plain).files()).noneMatch(e -> e.path().equals(DataBackup.PRIVATE_KEY));

    // restored without it, the platform makes no new key: that would make every signed session look forged
    Path restored = tmp.resolve("restored-without-key");
    DataBackup.restore(plain, restored);
    String publicBefore = Files.readString(restored.resolve("keys/platform-ed25519.pub"));
    assertThatThrownBy(() -> org.twinlab.runtime.evidence.PlatformKey.openOrCreate(restored))
        .hasMessageContaining("private key").hasMessageContaining("--include-keys");
    assertThat(Files.readString(restored.resolve("keys/platform-ed25519.pub"))).isEqualTo(publicBefore);
    assertThat(org.twinlab.runtime.evidence.PlatformKey.openOrCreate(restoredWithKey(withKey)).publicKey().getEncoded())
        .isEqualTo(org.twinlab.runtime.evidence.PlatformKey.openOrCreate(data).publicKey().getEncoded());
  }

  private Path restoredWithKey(Path backup) throws Exception {
    Path restored = tmp.resolve("restored-with-key");
    DataBackup.restore(backup, restored);
    return restored;
  }

  // a backup holds account hashes and evidence; a restore must not open the signing key to others
  @Test
  void backupsAndRestoredDataAreTheirOwnersAlone() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions on this file system");
    Path data = dataWithHistory(10);
    org.twinlab.runtime.evidence.PlatformKey.openOrCreate(data);
    Files.createDirectories(data.resolve("sessions/exam-1"));
    Files.writeString(data.resolve("sessions/exam-1/evidence.jsonl"), "{}\n");
    Path backup = tmp.resolve("b.zip");
    DataBackup.create(data, backup, true, Instant.now());
    assertThat(permissions(backup)).isEqualTo("rw-------");
    Path dir = org.twinlab.runtime.durable.OwnerOnly.directory(tmp.resolve("backups/nested"));
    assertThat(permissions(dir)).isEqualTo("rwx------");

    Path restored = tmp.resolve("restored");
    DataBackup.restore(backup, restored);
    assertThat(permissions(restored.resolve("keys"))).isEqualTo("rwx------");
    assertThat(permissions(restored.resolve(DataBackup.PRIVATE_KEY))).isEqualTo("rw-------");
    try (var walk = Files.walk(restored)) {
      for (Path p : walk.toList()) {
        assertThat(permissions(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
      }
    }
    assertThat(levels(restored)).hasSize(10);
  }

  @Test
  void aRestoreIntoADirectoryThatHoldsDataIsRefused() throws Exception {
    Path data = dataWithHistory(10);
    Path backup = tmp.resolve("b.zip");
    DataBackup.create(data, backup, false, Instant.now());

    assertThatThrownBy(() -> DataBackup.restore(backup, data)).isInstanceOf(BackupException.class).hasMessageContaining("not empty");
  }

  @Test
  void noChangedByteEverRestoresWrongData() throws Exception {
    Path data = dataWithHistory(2000);
    Path backup = tmp.resolve("b.zip");
    DataBackup.create(data, backup, false, Instant.now());
    byte[] good = Files.readAllBytes(backup);
    int refused = 0;
    int samples = 60;
    for (int k = 0; k < samples; k++) {
      int at = (int) ((long) good.length * k / samples) + 7;
      byte[] bad = good.clone();
      bad[at] ^= 0x01;
      Path damaged = tmp.resolve("damaged-" + k + ".zip");
      Files.write(damaged, bad);
      Path target = tmp.resolve("target-" + k);
      try {
        DataBackup.restore(damaged, target);
        // only bytes no data depends on (a timestamp in a header, say) can change unnoticed
        assertThat(levels(target)).hasSize(2000);
      } catch (BackupException e) {
        refused++;
        assertThat(e.getMessage()).contains(damaged.toString());
        assertThat(target).doesNotExist();
      }
    }
    assertThat(refused).as("changed bytes refused of " + samples).isGreaterThan(samples * 3 / 4);
  }

  @Test
  void aByteChangedInTheHistoryIsNamed() throws Exception {
    Path data = dataWithHistory(2000);
    Path backup = tmp.resolve("b.zip");
    DataBackup.create(data, backup, false, Instant.now());
    byte[] bytes = Files.readAllBytes(backup);
    int[] entry = entryData(bytes, "history.db");
    bytes[entry[0] + entry[1] / 2] ^= 0x40; // halfway through history.db's bytes in the zip

    Files.write(backup, bytes);

    assertThatThrownBy(() -> DataBackup.verify(backup)).isInstanceOf(BackupException.class).hasMessageContaining("is damaged");
  }

  /** Where an entry's (compressed) bytes start in a zip and how many there are, from the central directory. */
  private static int[] entryData(byte[] zip, String name) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 46 < zip.length; i++) {
      if (b.getInt(i) != 0x02014b50) continue;
      int nameLength = b.getShort(i + 28) & 0xFFFF;
      if (!new String(zip, i + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8).equals(name)) continue;
      int size = b.getInt(i + 20);
      int local = b.getInt(i + 42);
      int start = local + 30 + (b.getShort(local + 26) & 0xFFFF) + (b.getShort(local + 28) & 0xFFFF);
      return new int[] {start, size};
    }
    throw new AssertionError("no entry " + name + " in the zip");
  }

  @Test
  void aCutShortFileOrAnotherZipIsNotTakenForABackup() throws Exception {
    Path data = dataWithHistory(100);
    Path backup = tmp.resolve("b.zip");
    DataBackup.create(data, backup, false, Instant.now());
    byte[] bytes = Files.readAllBytes(backup);
    Path cut = tmp.resolve("cut.zip");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path other = tmp.resolve("other.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(other))) {
      z.putNextEntry(new ZipEntry("readme.txt"));
      z.write("hello".getBytes());
    }

    assertThatThrownBy(() -> DataBackup.verify(cut)).isInstanceOf(BackupException.class);
    assertThatThrownBy(() -> DataBackup.verify(other)).isInstanceOf(BackupException.class).hasMessageContaining("not a twinlab backup");
  }

  @Test
  void entriesThatPointOutsideTheDataDirectoryAreRefused() throws Exception {
    Path evil = tmp.resolve("evil.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
      z.putNextEntry(new ZipEntry("../escaped.txt"));
      z.write("x".getBytes());
    }

    assertThatThrownBy(() -> DataBackup.restore(evil, tmp.resolve("target"))).isInstanceOf(BackupException.class)
        .hasMessageContaining("outside the data directory");
    assertThat(tmp.resolve("escaped.txt")).doesNotExist();
  }
}
