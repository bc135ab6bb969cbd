package org.twinlab.runtime.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogTest {
  @TempDir
  Path dir;

  private Path sealedLog(PlatformKey key) {
    Path file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject().put("plan", new JsonObject().put("id", "exam-a")));
      log.append("action", "cand1", "s1", new JsonObject().put("kind", "binding_edit").put("fields", new JsonObject()
          .put("property", "vibration.rms_x").put("note", "中文 and \"quotes\"")));
      log.append("mark", "exam2", "s1", new JsonObject().put("check", "record-explains").put("mark", 3));
      log.seal(key, "exam1");
    }
    return file;
  }

  @Test
  void aSealedLogVerifiesAgainstThePlatformKey() throws Exception {
    PlatformKey key = PlatformKey.openOrCreate(dir.resolve("data"));
    Path file = sealedLog(key);
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, key.publicKey());
    assertThat(r.ok()).as(r.message()).isTrue();
    assertThat(r.records()).isEqualTo(4);
    assertThat(r.sealedBy()).isEqualTo(PlatformKey.fingerprint(key.publicKey()));
    // the same key is read back from the data directory
    assertThat(PlatformKey.openOrCreate(dir.resolve("data")).publicKey()).isEqualTo(key.publicKey());
  }

  @Test
  void everySingleByteChangeIsCaughtAndTheLineNamed() throws Exception {
    Path file = sealedLog(PlatformKey.openOrCreate(dir.resolve("data")));
    byte[] original = Files.readAllBytes(file);
    Path copy = dir.resolve("copy.jsonl");
    for (int i = 0; i < original.length; i++) {
      byte[] changed = original.clone();
      changed[i] = (byte) (changed[i] == 'a' ? 'b' : 'a');
      Files.write(copy, changed);
      EvidenceVerifier.Result r = EvidenceVerifier.verify(copy, null);
      assertThat(r.ok()).as("byte %d changed", i).isFalse();
      int line = 1 + (int) new String(original, 0, i, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
      // a changed newline joins or splits lines; otherwise the changed line itself is named
      if (original[i] != '\n') assertThat(r.line()).as("byte %d: %s", i, r.message()).isEqualTo(line);
    }
  }

  @Test
  void aSealByAnotherKeyIsRefusedWhenThePlatformKeyIsGiven() throws Exception {
    Path file = sealedLog(PlatformKey.openOrCreate(dir.resolve("other")));
    PlatformKey platform = PlatformKey.openOrCreate(dir.resolve("data"));
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, platform.publicKey());
    assertThat(r.ok()).isFalse();
    assertThat(r.line()).isEqualTo(4);
    assertThat(r.message()).contains("not the trusted platform key");
  }

  @Test
  void aRemovedRecordBreaksTheChain() throws Exception {
    Path file = sealedLog(PlatformKey.openOrCreate(dir.resolve("data")));
    List<String> lines = Files.readAllLines(file);
    Files.write(file, List.of(lines.get(0), lines.get(2), lines.get(3)));
    EvidenceVerifier.Result r = EvidenceVerifier.verify(file, null);
    assertThat(r.ok()).isFalse();
    assertThat(r.line()).isEqualTo(2);
  }

  @Test
  void aTornLastLineFromACrashIsCutOffAndTheLogGoesOn() throws Exception {
    Path file = dir.resolve("evidence.jsonl");
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject());
      log.append("station.started", "exam1", "s1", new JsonObject());
    }
    Files.writeString(file, "{\"seq\":3,\"at\":\"2026-", java.nio.file.StandardOpenOption.APPEND);
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      EvidenceRecord r = log.append("station.paused", "exam1", "s1", new JsonObject().put("reason", "fire drill"));
      // the cut is on record first
      assertThat(r.seq()).isEqualTo(4);
    }
    assertThat(EvidenceVerifier.verify(file, null).ok()).isTrue();
    assertThat(EvidenceLog.read(file)).extracting(EvidenceRecord::kind)
        .containsExactly("session.created", "station.started", EvidenceLog.REPAIRED, "station.paused");
  }

  @Test
  void aDamagedLogIsNotExtendedAndASealedOneTakesNothingMore() throws Exception {
    Path file = sealedLog(PlatformKey.openOrCreate(dir.resolve("data")));
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      assertThat(log.sealed()).isTrue();
      assertThatThrownBy(() -> log.append("mark", "exam1", "s1", new JsonObject())).hasMessageContaining("sealed");
    }
    Files.writeString(file, Files.readString(file).replace("exam2", "exam9"));
    assertThatThrownBy(() -> EvidenceLog.open(file, Clock.systemUTC())).hasMessageContaining("does not verify");
  }
}
