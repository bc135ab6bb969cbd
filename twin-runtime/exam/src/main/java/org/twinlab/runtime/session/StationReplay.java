package org.twinlab.runtime.session;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.scenario.LiveRun;
import org.twinlab.scenarios.check.Verdict;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.FaultRecord;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.model.Scenario;

/**
 * One station read back from its session's evidence after a restart: whether and when it started,
 * its clock (limit, active time, paused or ended), the actions the run counted (its candidate's,
 * once done: an action recorded without an outcome, or refused, never happened for the run), staff's
 * interventions, the faults, the verdicts it decided and the examiners' marks.
 */
final class StationReplay {
  private final StationPlan plan;
  private final Scenario scenario;
  boolean started;
  boolean paused;
  boolean ended;
  Instant startedAt;
  Duration limit;
  private Duration banked = Duration.ZERO;
  private Instant runningSince;
  Instant lastAt;
  final List<ActionRecord> actions = new ArrayList<>();
  /** Actions recorded before they were carried out, waiting for their outcome, by seq. */
  private final Map<Long, EvidenceRecord> taken = new LinkedHashMap<>();
  private final Map<Long, Intervention> intervened = new LinkedHashMap<>();
  final Map<String, FaultRecord> faults = new LinkedHashMap<>();
  final Map<String, Verdict> verdicts = new LinkedHashMap<>();
  final List<StationClock.Entry> clock = new ArrayList<>();
  final Marks marks = new Marks();

  StationReplay(StationPlan plan, Scenario scenario) {
    this.plan = plan;
    this.scenario = scenario;
    this.limit = scenario.timeLimit();
  }

  void apply(EvidenceRecord r) {
    JsonObject d = r.data();
    lastAt = r.at();
    switch (r.kind()) {
      case "station.started" -> {
        started = true;
        startedAt = r.at();
        runningSince = r.at();
        limit = Duration.ofSeconds(d.getLong("limitSeconds", scenario.timeLimit().toSeconds()));
        clock.add(new StationClock.Entry(r.at(), "start", r.by(), "", Duration.ZERO));
      }
      case "station.start_failed" -> {
        // the start was on record before the rig was set up, and the setup failed: still ready
        started = false;
        startedAt = null;
        runningSince = null;
        clock.clear();
      }
      case "station.paused" -> {
        banked = Duration.ofSeconds(d.getLong("elapsedSeconds"));
        paused = true;
        clock.add(new StationClock.Entry(r.at(), "pause", r.by(), d.getString("reason", ""), banked));
      }
      case "station.resumed", "station.restored" -> {
        banked = Duration.ofSeconds(d.getLong("elapsedSeconds"));
        paused = d.getBoolean("paused", false);
        runningSince = r.at();
        clock.add(new StationClock.Entry(r.at(), r.kind().substring(8), r.by(), d.getString("reason", ""), banked));
      }
      case "station.extended" -> {
        limit = Duration.ofSeconds(d.getLong("limitSeconds"));
        clock.add(new StationClock.Entry(r.at(), "extend +" + d.getLong("seconds") + " s", r.by(), d.getString("reason", ""), elapsedAt(r.at())));
      }
      case "station.ended" -> {
        banked = Duration.ofSeconds(d.getLong("elapsedSeconds"));
        ended = true;
        clock.add(new StationClock.Entry(r.at(), "end", r.by(), d.getString("reason", ""), banked));
      }
      case LabSession.ACTION -> {
        if (d.containsKey("result")) actions.add(action(r, r, d)); // recorded once done, before actions had outcomes
        else taken.put(r.seq(), r);
      }
      case LabSession.INTERVENTION -> intervened.put(r.seq(), new Intervention(r.seq(), r.at(), d.getLong("elapsedSeconds", 0L),
          r.by(), d.getString("role"), d.getString("twin"), d.getString("kind"), d.getJsonObject("fields", new JsonObject()).getMap(),
          Intervention.PENDING, ""));
      case LabSession.OUTCOME -> settled(r, d);
      case "fault.injected" -> scenario.faults().stream().filter(f -> f.id().equals(d.getString("fault"))).findFirst()
          .ifPresent(f -> faults.put(f.id(), new FaultRecord(f, Instant.parse(d.getString("at")),
              Duration.ofSeconds(d.getLong("elapsedSeconds", 0L)), null)));
      case "fault.cleared" -> faults.computeIfPresent(d.getString("fault"),
          (k, f) -> new FaultRecord(f.fault(), f.injectedAt(), f.elapsed(), r.at()));
      case "check.decided" -> verdicts.put(d.getString("check"), new Verdict(
          Verdict.Outcome.valueOf(d.getString("outcome").toUpperCase(java.util.Locale.ROOT)),
          "null".equals(d.getString("at")) ? null : Instant.parse(d.getString("at")), d.getString("because")));
      case "mark" -> marks.put(d.getString("check"), r.by(), d.getInteger("mark"));
      case LabSession.MARK_CONFIRMED -> marks.confirm(d.getString("check"), r.by(), r.at());
      default -> {
        // session records and setup failures do not change the station's run
      }
    }
  }

  /** The station's active time at a moment, pauses left out. */
  Duration elapsedAt(Instant at) {
    if (!started || paused || ended || runningSince == null) return banked;
    return banked.plus(Duration.between(runningSince, at));
  }

  /** Staff's interventions in the order they were taken, each with what became of it (pending: the runtime stopped first). */
  List<Intervention> interventions() {
    return List.copyOf(intervened.values());
  }

  boolean active() {
    return started && !ended;
  }

  /** An action's outcome: a done action of the candidate's becomes the run's; an intervention shows how it ended. */
  private void settled(EvidenceRecord r, JsonObject d) {
    long seq = d.getLong("action");
    boolean accepted = d.getBoolean("accepted", false);
    Intervention i = intervened.get(seq);
    if (i != null) intervened.put(seq, i.settled(accepted, d.getString("detail", "")));
    EvidenceRecord action = taken.remove(seq);
    if (action == null || !accepted) return; // a refused action never happened: no check sees it
    JsonObject a = action.data().copy().put("result", d.getJsonObject("result", new JsonObject()));
    var done = new org.twinlab.runtime.twin.CandidateAction(a.getString("twin"), r.at(), action.by(), a.getString("role"),
        a.getString("kind"), Map.of(), Map.of());
    // the run counts what the live run would have: its candidate's actions only, at the time it heard of them
    if (LiveRun.counts(done, plan.candidate())) actions.add(action(action, r, a));
  }

  ScenarioRun.Prior prior() {
    return new ScenarioRun.Prior(actions, List.copyOf(faults.values()), verdicts);
  }

  /** An action as the run recorded it: taken as one record says, done when another says (the same for old logs). */
  private ActionRecord action(EvidenceRecord taken, EvidenceRecord r, JsonObject d) {
    int rig = plan.twins().indexOf(d.getString("twin"));
    Map<String, Object> fields = LiveRun.fieldsOn(rig > 0 ? scenario.rigs().get(rig) : null,
        d.getJsonObject("fields", new JsonObject()).getMap());
    Map<String, String> result = new LinkedHashMap<>();
    d.getJsonObject("result", new JsonObject()).forEach(e -> result.put(e.getKey(), String.valueOf(e.getValue())));
    ActionOutcome outcome = paused ? ActionOutcome.refused("taken while the clock was paused")
        : new ActionOutcome(true, "taken through the API", result);
    return new ActionRecord(r.at(), elapsedAt(r.at()), taken.by(), d.getString("kind"), fields, outcome);
  }
}
