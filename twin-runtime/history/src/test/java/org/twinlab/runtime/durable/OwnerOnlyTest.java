package org.twinlab.runtime.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.history.SqliteHistoryStore;

/** Accounts, evidence, keys and history hold what no other user of the machine may read. */
class OwnerOnlyTest {
  @TempDir
  Path tmp;

  @BeforeEach
  void needsPosix() {
    org.junit.jupiter.api.Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system here has no POSIX permissions");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void filesReplacedOrAppendedAreTheOwnersFromTheStart() throws Exception {
    Path data = tmp.resolve("data");
    DurableFiles.replace(data.resolve("sessions/exam-1/checkpoint.json"), "{}");
    try (FileChannel ch = DurableFiles.openForAppend(data.resolve("audit.jsonl"))) {
      DurableFiles.appendLine(ch, "{}");
    }
    assertThat(mode(data)).isEqualTo("rwx------");
    assertThat(mode(data.resolve("sessions"))).isEqualTo("rwx------");
    assertThat(mode(data.resolve("sessions/exam-1"))).isEqualTo("rwx------");
    assertThat(mode(data.resolve("sessions/exam-1/checkpoint.json"))).isEqualTo("rw-------");
    assertThat(mode(data.resolve("audit.jsonl"))).isEqualTo("rw-------");
  }

  @Test
  void aFileLeftWorldReadableIsNotReusedForItsReplacement() throws Exception {
    Path target = tmp.resolve("accounts.json");
    Path leftOver = tmp.resolve("accounts.json.tmp");
    Files.writeString(leftOver, "half");
    Files.setPosixFilePermissions(leftOver, PosixFilePermissions.fromString("rw-r--r--"));
    DurableFiles.replace(target, "{}");
    assertThat(mode(target)).isEqualTo("rw-------");
  }

  @Test
  void theHistoryDatabaseAndItsWriteAheadLogAreTheOwners() throws Exception {
    Path data = tmp.resolve("lab");
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data, 0)) {
      assertThat(mode(data.resolve(SqliteHistoryStore.FILE_NAME))).isEqualTo("rw-------");
      Path wal = data.resolve(SqliteHistoryStore.FILE_NAME + "-wal");
      if (Files.exists(wal)) assertThat(mode(wal)).isEqualTo("rw-------");
    }
    assertThat(mode(data)).isEqualTo("rwx------");
  }
}
