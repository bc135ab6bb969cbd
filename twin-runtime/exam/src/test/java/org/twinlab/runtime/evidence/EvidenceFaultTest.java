package org.twinlab.runtime.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.durable.DurableFiles;
import org.twinlab.runtime.durable.FaultyChannel;

/**
 * A disk that fails under the evidence (full mid-write, a failing force, a failing cut) loses
 * nothing acknowledged and leaves no torn record: the log is as it was, says why it cannot be
 * written, and goes on once the disk takes writes again.
 */
class EvidenceFaultTest {
  @TempDir
  Path dir;
  private FaultyChannel disk;

  private EvidenceLog openFaulty(Path file) {
    return EvidenceLog.open(file, Clock.systemUTC(), f -> disk = new FaultyChannel(DurableFiles.openForAppend(f)));
  }

  private static JsonObject mark(int m) {
    return new JsonObject().put("check", "record-explains").put("mark", m);
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheLogAsItWasUntilTheDiskHasRoom() throws Exception {
    Path file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = openFaulty(file)) {
      log.append("session.created", "exam1", null, new JsonObject());
      log.append("mark", "exam1", "s1", mark(1));
      byte[] before = Files.readAllBytes(file);
      String head = log.head();

      disk.failWritesAfter(17);
      for (int attempt = 0; attempt < 3; attempt++) {
        assertThatThrownBy(() -> log.append("mark", "exam1", "s1", mark(2)))
            .isInstanceOf(EvidenceUnavailableException.class).hasMessageContaining("No space left on device");
        assertThat(Files.readAllBytes(file)).as("no torn record after attempt %d", attempt).isEqualTo(before);
      }
      assertThat(log.head()).isEqualTo(head);
      assertThat(log.seq()).isEqualTo(2);
      assertThat(log.problem()).contains("cannot be written").contains("No space left on device");

      disk.heal();
      EvidenceRecord next = log.append("mark", "exam1", "s1", mark(3));
      assertThat(next.seq()).isEqualTo(3);
      assertThat(next.prev()).isEqualTo(head);
      assertThat(log.problem()).isNull();
    }
    assertThat(EvidenceVerifier.verify(file, null).ok()).isTrue();
    try (EvidenceLog reopened = EvidenceLog.open(file, Clock.systemUTC())) {
      assertThat(reopened.seq()).isEqualTo(3);
    }
    List<EvidenceRecord> records = EvidenceLog.read(file);
    assertThat(records).extracting(r -> r.data().getInteger("mark")).containsExactly(null, 1, 3);
  }

  @Test
  void aForceThatFailsIsNotAcknowledgedAndIsCutBack() throws Exception {
    Path file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = openFaulty(file)) {
      log.append("session.created", "exam1", null, new JsonObject());
      byte[] before = Files.readAllBytes(file);
      disk.failForce(true);
      assertThatThrownBy(() -> log.append("mark", "exam1", "s1", mark(2))).isInstanceOf(EvidenceUnavailableException.class);
      assertThat(Files.readAllBytes(file)).isEqualTo(before);
      disk.heal();
      assertThat(log.append("mark", "exam1", "s1", mark(2)).seq()).isEqualTo(2);
    }
    assertThat(EvidenceVerifier.verify(file, null).ok()).isTrue();
    assertThat(EvidenceLog.read(file)).hasSize(2);
  }

  @Test
  void aTornRecordLeftByAFailedCutIsCutBeforeTheNextRecord() throws Exception {
    Path file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = openFaulty(file)) {
      log.append("session.created", "exam1", null, new JsonObject());
      long whole = Files.size(file);
      disk.failWritesAfter(25).failTruncate(true);
      assertThatThrownBy(() -> log.append("mark", "exam1", "s1", mark(2))).isInstanceOf(EvidenceUnavailableException.class);
      assertThat(Files.size(file)).as("the cut failed too: the torn bytes are still there").isEqualTo(whole + 25);

      disk.heal();
      assertThat(log.append("mark", "exam1", "s1", mark(2)).seq()).isEqualTo(2);
    }
    assertThat(EvidenceVerifier.verify(file, null).ok()).as("the torn bytes were cut before the record").isTrue();
    assertThat(EvidenceLog.read(file)).hasSize(2);
  }

  @Test
  void aTornRecordFoundWhenTheLogIsOpenedIsCutAndPutOnRecord() throws Exception {
    Path file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject());
    }
    String torn = "{\"seq\":2,\"at\":\"2026-";
    Files.writeString(file, torn, java.nio.file.StandardOpenOption.APPEND);
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      assertThat(log.seq()).isEqualTo(2);
    }
    List<EvidenceRecord> records = EvidenceLog.read(file);
    assertThat(records).extracting(EvidenceRecord::kind).containsExactly("session.created", EvidenceLog.REPAIRED);
    assertThat(records.get(1).data().getLong("bytesCut")).isEqualTo(torn.length());
    assertThat(EvidenceVerifier.verify(file, null).ok()).isTrue();
  }

  @Test
  void aTornRecordFoundOnAFullDiskIsPutOnRecordBeforeTheNextOne() throws Exception {
    Path file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject());
    }
    Files.writeString(file, "{\"seq\":2", java.nio.file.StandardOpenOption.APPEND);
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC(),
        f -> disk = new FaultyChannel(DurableFiles.openForAppend(f)).failWritesAfter(3))) {
      assertThat(log.problem()).contains("No space left on device");
      assertThatThrownBy(() -> log.append("mark", "exam1", "s1", mark(1))).isInstanceOf(EvidenceUnavailableException.class);
      disk.heal();
      log.append("mark", "exam1", "s1", mark(1));
    }
    assertThat(EvidenceLog.read(file)).extracting(EvidenceRecord::kind).containsExactly("session.created", EvidenceLog.REPAIRED, "mark");
    assertThat(EvidenceVerifier.verify(file, null).ok()).isTrue();
  }

  @Test
  void aLogThatDoesNotVerifyIsKeptReadableButTakesNothing() throws Exception {
    Path file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject());
      log.append("mark", "exam1", "s1", mark(1));
    }
    Files.writeString(file, Files.readString(file).replace("\"mark\":1", "\"mark\":4"));
    EvidenceDamagedException e = org.junit.jupiter.api.Assertions.assertThrows(EvidenceDamagedException.class,
        () -> EvidenceLog.open(file, Clock.systemUTC()));
    try (EvidenceLog damaged = EvidenceLog.damaged(file, Clock.systemUTC(), e.check().message())) {
      assertThat(damaged.damaged()).isTrue();
      assertThat(damaged.recheck()).isFalse();
      assertThat(damaged.problem()).contains("does not verify").contains("line 2");
      assertThatThrownBy(() -> damaged.append("mark", "exam1", "s1", mark(2))).isInstanceOf(EvidenceUnavailableException.class);
    }
    assertThat(EvidenceLog.readable(file)).hasSize(2);
  }
}
