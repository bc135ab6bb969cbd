package org.twinlab.runtime.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with the file but not the platform key rewrites the record: a changed mark with the
 * hash chain recomputed, a stripped seal, stripped checkpoints. Each is caught, naming the record
 * and the rule; what the platform signed is all a log proves.
 */
class EvidenceForgeryTest {
  @TempDir
  Path dir;
  private PlatformKey key;
  private Path file;

  @BeforeEach
  void sealedLog() {
    key = PlatformKey.openOrCreate(dir.resolve("data"));
    file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject());                                       // 1
      log.append("action", "cand1", "s1", new JsonObject().put("kind", "binding_edit"));                    // 2
      log.checkpoint(key, "runtime");                                                                        // 3
      log.append("mark", "exam1", "s1", new JsonObject().put("check", "record-explains").put("mark", 1));   // 4
      log.append("station.ended", "exam1", "s1", new JsonObject().put("reason", "handed in"));              // 5
      log.checkpoint(key, "runtime");                                                                        // 6
      log.append(EvidenceLog.ENDED, "exam1", null, new JsonObject().put("stations", 1));                    // 7
      log.seal(key, "exam1");                                                                                // 8
    }
  }

  /** The forger's tool: edits records, then recomputes every hash and link so the chain is intact again. */
  private void rewrite(UnaryOperator<List<EvidenceRecord>> edit) throws Exception {
    List<EvidenceRecord> edited = edit.apply(new ArrayList<>(EvidenceLog.read(file)));
    List<String> lines = new ArrayList<>();
    String prev = EvidenceRecord.GENESIS;
    long seq = 0;
    for (EvidenceRecord r : edited) {
      EvidenceRecord again = EvidenceRecord.chained(++seq, r.at(), r.kind(), r.by(), r.station(), r.data(), prev);
      lines.add(again.toJson().encode());
      prev = again.hash();
    }
    Files.write(file, lines);
  }

  private static List<EvidenceRecord> changeMark(List<EvidenceRecord> rs) {
    EvidenceRecord m = rs.get(3);
    rs.set(3, new EvidenceRecord(m.seq(), m.at(), m.kind(), m.by(), m.station(), m.data().copy().put("mark", 3), m.prev(), m.hash()));
    return rs;
  }

  private static List<EvidenceRecord> withoutKinds(List<EvidenceRecord> rs, String... kinds) {
    rs.removeIf(r -> List.of(kinds).contains(r.kind()));
    return rs;
  }

  @Test
  void theLogAsWrittenVerifiesAndSaysWhatWasSigned() throws Exception {
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, key.publicKey());
    assertThat(r.ok()).as(r.message()).isTrue();
    assertThat(r.signedUpTo()).isEqualTo(8);
    assertThat(r.message()).contains("signed up to record 8").contains("sealed by");
  }

  @Test
  void aChangedMarkWithTheChainRecomputedAndTheSealStrippedIsCaughtAtTheNextCheckpoint() throws Exception {
    rewrite(rs -> withoutKinds(changeMark(rs), EvidenceLog.SEALED));
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, null);
    assertThat(r.ok()).isFalse();
    assertThat(r.rule()).isEqualTo(EvidenceVerifier.Rule.CHECKPOINT_SIGNATURE);
    assertThat(r.line()).as(r.message()).isEqualTo(6);
    assertThat(r.message()).contains("line 6").contains("checkpoint signature mismatch").contains("records up to 5");
  }

  @Test
  void aForgerWhoAlsoRewritesWhatTheCheckpointSaysItSignsBreaksItsSignature() throws Exception {
    rewrite(rs -> withoutKinds(changeMark(rs), EvidenceLog.SEALED));
    // point the checkpoint at the new head: the signature no longer matches
    List<EvidenceRecord> forged = EvidenceLog.read(file);
    rewrite(rs -> {
      EvidenceRecord c = rs.get(5);
      rs.set(5, new EvidenceRecord(c.seq(), c.at(), c.kind(), c.by(), c.station(), c.data().copy().put("signed", forged.get(4).hash()),
          c.prev(), c.hash()));
      return rs;
    });
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, null);
    assertThat(r.rule()).isEqualTo(EvidenceVerifier.Rule.CHECKPOINT_SIGNATURE);
    assertThat(r.line()).isEqualTo(6);
    assertThat(r.message()).contains("the signature does not verify");
  }

  @Test
  void aLogStrippedOfItsSealFailsBecauseItsSessionEnded() throws Exception {
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, lines.size() - 1));
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, key.publicKey());
    assertThat(r.ok()).isFalse();
    assertThat(r.rule()).isEqualTo(EvidenceVerifier.Rule.ENDED_WITHOUT_SEAL);
    assertThat(r.line()).isEqualTo(7);
    assertThat(r.message()).contains("ended").contains("no seal");
  }

  @Test
  void aChangedMarkWithEverySignatureStrippedIsCaughtAsEndedWithoutSeal() throws Exception {
    rewrite(rs -> withoutKinds(changeMark(rs), EvidenceLog.SEALED, EvidenceLog.CHECKPOINT));
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, null);
    assertThat(r.ok()).isFalse();
    assertThat(r.rule()).isEqualTo(EvidenceVerifier.Rule.ENDED_WITHOUT_SEAL);
  }

  @Test
  void aForgerWhoStripsTheEndTooIsLeftWithALogThatProvesNothingPastItsLastSignature() throws Exception {
    // the forger keeps the first checkpoint (it still verifies) and drops everything signed after the mark
    rewrite(rs -> {
      List<EvidenceRecord> kept = new ArrayList<>(changeMark(rs).subList(0, 5));
      return kept;
    });
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, key.publicKey());
    assertThat(r.ok()).isTrue();
    assertThat(r.signedUpTo()).as("the changed mark (record 4) is not covered by any signature").isEqualTo(3);
    assertThat(r.message()).contains("signed up to record 3").contains("records after it are not signed");
  }

  @Test
  void aCheckpointByAnotherKeyIsRefusedWhenThePlatformKeyIsGiven() throws Exception {
    PlatformKey other = PlatformKey.openOrCreate(dir.resolve("other"));
    Path second = dir.resolve("other.jsonl");
    try (EvidenceLog log = EvidenceLog.open(second, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject());
      log.checkpoint(other, "runtime");
    }
    EvidenceVerifier.Result r = EvidenceVerifier.verify(second, key.publicKey());
    assertThat(r.ok()).isFalse();
    assertThat(r.rule()).isEqualTo(EvidenceVerifier.Rule.CHECKPOINT_SIGNATURE);
    assertThat(r.line()).isEqualTo(2);
    assertThat(r.message()).contains("not the trusted platform key");
    assertThat(EvidenceVerifier.verify(second, other.publicKey()).ok()).isTrue();
  }

  @Test
  void aRecordAddedAfterTheSessionEndedIsRefused() throws Exception {
    rewrite(rs -> {
      EvidenceRecord m = rs.get(3);
      rs.add(7, new EvidenceRecord(0, m.at(), "mark", "exam1", "s1", m.data().copy().put("mark", 3), "", ""));
      return withoutKinds(rs, EvidenceLog.SEALED);
    });
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, null);
    assertThat(r.rule()).isEqualTo(EvidenceVerifier.Rule.AFTER_END);
    assertThat(r.line()).isEqualTo(8);
  }

  @Test
  void aTornSealIsRepairedBySealingAgainNotByEndingTwice() throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    int sealStart = text.lastIndexOf('\n', text.length() - 2) + 1;
    Files.writeString(file, text.substring(0, sealStart + 40)); // the seal was being written when the power went

    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      assertThat(log.ended()).isTrue();
      assertThat(log.sealed()).isFalse();
      log.seal(key, "runtime");
    }
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, key.publicKey());
    assertThat(r.ok()).as(r.message()).isTrue();
    List<String> kinds = EvidenceLog.read(file).stream().map(EvidenceRecord::kind).toList();
    assertThat(kinds).containsSubsequence(EvidenceLog.ENDED, EvidenceLog.REPAIRED, EvidenceLog.SEALED);
    assertThat(kinds.stream().filter(EvidenceLog.ENDED::equals)).hasSize(1);
  }

  @Test
  void aCheckpointIsSignedOnlyWhenSomethingWasAddedSinceTheLastOne() {
    Path f = dir.resolve("quiet.jsonl");
    try (EvidenceLog log = EvidenceLog.open(f, Clock.systemUTC())) {
      assertThat(log.checkpoint(key, "runtime")).as("nothing to sign yet").isEmpty();
      log.append("session.created", "exam1", null, new JsonObject());
      assertThat(log.checkpoint(key, "runtime")).isPresent();
      assertThat(log.checkpoint(key, "runtime")).as("nothing new since").isEmpty();
      assertThat(log.signedUpTo()).isEqualTo(2);
    }
  }

  @Test
  void aCheckpointIsDueEveryThirtySecondsWhileRecordsAreAdded() {
    org.twinlab.runtime.ManualClock clock = new org.twinlab.runtime.ManualClock();
    java.time.Duration every = java.time.Duration.ofSeconds(30);
    try (EvidenceLog log = EvidenceLog.open(dir.resolve("timed.jsonl"), clock)) {
      log.append("session.created", "exam1", null, new JsonObject());
      clock.advance(java.time.Duration.ofSeconds(29));
      assertThat(log.checkpointDue(every)).isFalse();
      clock.advance(java.time.Duration.ofSeconds(1));
      assertThat(log.checkpointDue(every)).isTrue();
      log.checkpoint(key, "runtime");
      clock.advance(java.time.Duration.ofMinutes(5));
      assertThat(log.checkpointDue(every)).as("nothing added since the last one").isFalse();
      log.append("mark", "exam1", "s1", new JsonObject().put("mark", 1));
      assertThat(log.checkpointDue(every)).as("added, and the last signature is old").isTrue();
    }
  }

  @Test
  void aForgedLogMadeToLookLikeATornSealIsNotSealedAgain() throws Exception {
    // the forger changes the mark, drops the signatures after it, and leaves half a line where a seal would be
    rewrite(rs -> withoutKinds(changeMark(rs), EvidenceLog.SEALED, EvidenceLog.CHECKPOINT));
    Files.writeString(file, "{\"seq\":7,\"at\":", java.nio.file.StandardOpenOption.APPEND);
    byte[] found = Files.readAllBytes(file);
    EvidenceDamagedException e = org.junit.jupiter.api.Assertions.assertThrows(EvidenceDamagedException.class,
        () -> EvidenceLog.open(file, Clock.systemUTC(), key.publicKey()));
    assertThat(e.getMessage()).contains("not sealed again").contains("signed up to record 0");
    assertThat(Files.readAllBytes(file)).as("a log that does not verify is left as it was found, torn line and all").isEqualTo(found);
  }

  @Test
  void aLogReSignedWithAnotherKeyIsNotExtendedByThePlatform() throws Exception {
    PlatformKey forger = PlatformKey.openOrCreate(dir.resolve("forger"));
    Path forged = dir.resolve("forged.jsonl");
    try (EvidenceLog log = EvidenceLog.open(forged, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject());
      log.checkpoint(forger, "runtime");
    }
    EvidenceDamagedException e = org.junit.jupiter.api.Assertions.assertThrows(EvidenceDamagedException.class,
        () -> EvidenceLog.open(forged, Clock.systemUTC(), key.publicKey()));
    assertThat(e.getMessage()).contains("not the trusted platform key");
  }
}
