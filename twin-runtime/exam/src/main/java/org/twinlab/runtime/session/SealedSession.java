package org.twinlab.runtime.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.scenario.ScenarioCatalog;
import org.twinlab.scenarios.model.Scenario;

/**
 * A sealed session read from its evidence file alone, with no runtime and no rigs: its stations'
 * results as its evidence says, for what is read after a sitting (item analysis). Only a session
 * whose evidence verifies and is sealed is read; the file is never written.
 */
public final class SealedSession {
  private final SessionPlan plan;
  private final List<StationSession> stations;
  private final String head;
  private final ScenarioCatalog catalog;

  private SealedSession(SessionPlan plan, List<StationSession> stations, String head, ScenarioCatalog catalog) {
    this.plan = plan;
    this.stations = List.copyOf(stations);
    this.head = head;
    this.catalog = catalog;
  }

  /**
   * @throws NoSuchElementException when the data directory has no such session
   * @throws IllegalStateException when its evidence does not verify or the session is not sealed yet, saying which
   */
  public static SealedSession read(Path dataDir, String id, ScenarioCatalog catalog) throws IOException {
    Path file = dataDir.resolve(LabSessions.DIR).resolve(id).resolve(LabSessions.EVIDENCE);
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}") || !Files.isRegularFile(file)) {
      throw new NoSuchElementException("no session '" + id + "' in " + dataDir.resolve(LabSessions.DIR));
    }
    Path keyFile = PlatformKey.publicFile(dataDir);
    PublicKey trusted = null;
    try {
      if (Files.exists(keyFile)) trusted = PlatformKey.readPublic(keyFile);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the platform key " + keyFile + " does not read: " + e.getMessage());
    }
    EvidenceVerifier.Result check = EvidenceVerifier.verify(file, trusted);
    if (!check.ok()) {
      throw new IllegalStateException("the evidence of session " + id + " does not verify at record " + check.line() + ": " + check.message());
    }
    List<EvidenceRecord> records = EvidenceLog.read(file);
    if (records.isEmpty() || !records.get(records.size() - 1).kind().equals(EvidenceLog.SEALED)) {
      throw new IllegalStateException("session " + id + " is not sealed yet: it is analysed once it has ended");
    }
    SessionPlan plan = SessionPlan.fromJson(records.get(0).data().getJsonObject("plan"));
    List<StationSession> stations = new ArrayList<>();
    for (StationPlan p : plan.stations()) {
      org.twinlab.scenarios.exam.Exam exam = p.fromExam() ? catalog.exam(p.exam())
          .orElseThrow(() -> new IllegalStateException("exam " + p.exam() + " of session " + id + " is not in the library")) : null;
      Scenario scenario = (exam != null ? exam.part(p.scenario()).map(org.twinlab.scenarios.exam.ExamPart::scenario) : catalog.find(p.scenario()))
          .orElseThrow(() -> new IllegalStateException("scenario " + p.scenario() + " of session " + id + " is not in the library or uploads"));
      StationReplay replay = new StationReplay(p, scenario);
      records.stream().filter(r -> p.id().equals(r.station())).forEach(replay::apply);
      StationSession st = new StationSession(p, scenario, exam);
      st.restore(replay);
      stations.add(st);
    }
    return new SealedSession(plan, stations, records.get(records.size() - 1).hash(), catalog);
  }

  public SessionPlan plan() {
    return plan;
  }

  /** The hash of its last record, the seal: what its results were drawn from. */
  public String evidenceHead() {
    return head;
  }

  /** Every station's result, in the plan's order. */
  public List<StationResult> results(Function<String, String> displayName) {
    return stations.stream().map(s -> LabSession.result(plan, s, head, true, displayName, catalog.scoring())).toList();
  }
}
