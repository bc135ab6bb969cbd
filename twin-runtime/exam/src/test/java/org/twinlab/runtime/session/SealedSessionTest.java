package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.analysis.ItemAnalysis;
import org.twinlab.runtime.analysis.SessionAnalysis;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.scenario.ScenarioCatalog;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.score.CheckScore;

/**
 * A sealed session read from its evidence alone, as {@code twinlab session analyse} reads it: its
 * stations' verdicts and every examiner's own mark come back; a session not sealed, evidence that
 * does not verify and an id that is not a session's are refused, saying which.
 */
class SealedSessionTest {
  static final String SCENARIO = "l4-debug-motor-swapped-axes";
  @TempDir
  Path data;
  private PlatformKey key;
  private ScenarioCatalog catalog;

  @BeforeEach
  void lab() {
    key = PlatformKey.openOrCreate(data);
    catalog = new ScenarioCatalog(data);
  }

  @Test
  void aSealedSessionsResultsComeBackFromItsEvidence() throws Exception {
    write("sit-1", true);
    SealedSession s = SealedSession.read(data, "sit-1", catalog);
    List<StationResult> results = s.results(u -> u);
    assertThat(results).extracting(StationResult::station).containsExactly("s1", "s2");
    assertThat(results).extracting(StationResult::state).containsOnly(StationClock.State.ENDED);
    assertThat(status(results.get(0), "x-rebound")).isEqualTo(CheckScore.Status.PASSED);
    assertThat(status(results.get(1), "x-rebound")).isEqualTo(CheckScore.Status.FAILED);
    assertThat(results.get(0).marks()).isEqualTo(Map.of("record-explains", Map.of("exam1", 3, "exam2", 1)));
    assertThat(results.get(0).sealed()).isTrue();

    SessionAnalysis a = ItemAnalysis.of(s);
    assertThat(a.evidenceHead()).isEqualTo(EvidenceLog.read(file("sit-1")).get(EvidenceLog.read(file("sit-1")).size() - 1).hash());
    var x = a.scenarios().get(0).checks().stream().filter(c -> c.check().equals("x-rebound")).findFirst().orElseThrow();
    assertThat(x.candidates()).isEqualTo(2);
    assertThat(x.p()).isEqualTo(0.5);
    var j = a.scenarios().get(0).judgements().get(0);
    assertThat(j.spread()).singleElement().satisfies(m -> {
      assertThat(m.station()).isEqualTo("s1");
      assertThat(m.wide()).isTrue();
    });
  }

  @Test
  void aSessionNotSealedIsNotAnalysed() throws Exception {
    write("sit-2", false);
    assertThatThrownBy(() -> SealedSession.read(data, "sit-2", catalog)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not sealed");
  }

  @Test
  void evidenceChangedAfterTheSealIsRefused() throws Exception {
    write("sit-3", true);
    Path f = file("sit-3");
    // a mark changed in place: the record's hash no longer matches
    String before = Files.readString(f);
    String after = before.replace("\"mark\":1", "\"mark\":3");
    assertThat(after).isNotEqualTo(before);
    Files.writeString(f, after);
    assertThatThrownBy(() -> SealedSession.read(data, "sit-3", catalog)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not verify");
  }

  @Test
  void anIdThatIsNotASessionsIsNotFoundAndNeverLeavesTheSessionsDirectory() throws Exception {
    write("sit-4", true);
    Files.createDirectories(data.resolve("elsewhere"));
    Files.copy(file("sit-4"), data.resolve("elsewhere").resolve(LabSessions.EVIDENCE));
    for (String id : List.of("no-such", "../elsewhere", "sit-4/..", "")) {
      assertThatThrownBy(() -> SealedSession.read(data, id, catalog)).as(id).isInstanceOf(NoSuchElementException.class);
    }
  }

  /** Two stations of the motor scenario, s1 passing x-rebound and s2 not; two examiners mark both. */
  private void write(String id, boolean sealed) {
    SessionPlan plan = new SessionPlan(id, "Sitting", List.of(
        new StationPlan("s1", SCENARIO, "cand1", List.of("motor-1"), List.of("exam1", "exam2")),
        new StationPlan("s2", SCENARIO, "cand2", List.of("motor-2"), List.of("exam1", "exam2"))));
    try (EvidenceLog log = EvidenceLog.open(file(id), Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject().put("plan", plan.toJson()));
      for (String st : List.of("s1", "s2")) {
        log.append("station.started", "exam1", st, new JsonObject().put("scenario", SCENARIO).put("version", 1).put("limitSeconds", 1200));
      }
      log.append("check.decided", "engine", "s1", decided("x-rebound", "passed"));
      log.append("check.decided", "engine", "s2", decided("x-rebound", "failed"));
      log.append("mark", "exam1", "s1", new JsonObject().put("check", "record-explains").put("mark", 3));
      log.append("mark", "exam2", "s1", new JsonObject().put("check", "record-explains").put("mark", 1));
      log.append("mark", "exam1", "s2", new JsonObject().put("check", "record-explains").put("mark", 2));
      log.append("mark", "exam2", "s2", new JsonObject().put("check", "record-explains").put("mark", 2));
      for (String st : List.of("s1", "s2")) {
        log.append("station.ended", "exam1", st, new JsonObject().put("reason", "the session ended").put("elapsedSeconds", 60));
      }
      log.checkpoint(key, "runtime");
      if (sealed) {
        log.append(EvidenceLog.ENDED, "exam1", null, new JsonObject().put("stations", 2));
        log.seal(key, "exam1");
      }
    }
  }

  private static JsonObject decided(String check, String outcome) {
    return new JsonObject().put("check", check).put("outcome", outcome).put("because", "as seen").put("at", "2026-03-01T08:05:00Z");
  }

  private Path file(String id) {
    return data.resolve(LabSessions.DIR).resolve(id).resolve(LabSessions.EVIDENCE);
  }

  private static CheckScore.Status status(StationResult r, String check) {
    return r.sheet().checks().stream().filter(c -> c.check().equals(check)).findFirst().orElseThrow().status();
  }
}
