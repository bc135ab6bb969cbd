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
 * its clock (limit, active time, paused or ended), the actions and faults the run recorded, the
 * verdicts it decided and the examiners' marks.
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
      case "action" -> actions.add(action(r, d));
      case "fault.injected" -> scenario.faults().stream().filter(f -> f.id().equals(d.getString("fault"))).findFirst()
          .ifPresent(f -> faults.put(f.id(), new FaultRecord(f, Instant.parse(d.getString("at")),
              Duration.ofSeconds(d.getLong("elapsedSeconds", 0L)), null)));
      case "fault.cleared" -> faults.computeIfPresent(d.getString("fault"),
          (k, f) -> new FaultRecord(f.fault(), f.injectedAt(), f.elapsed(), r.at()));
      case "check.decided" -> verdicts.put(d.getString("check"), new Verdict(
          Verdict.Outcome.valueOf(d.getString("outcome").toUpperCase(java.util.Locale.ROOT)),
          "null".equals(d.getString("at")) ? null : Instant.parse(d.getString("at")), d.getString("because")));
      case "mark" -> marks.put(d.getString("check"), r.by(), d.getInteger("mark"));
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

  boolean active() {
    return started && !ended;
  }

  ScenarioRun.Prior prior() {
    return new ScenarioRun.Prior(actions, List.copyOf(faults.values()), verdicts);
  }

  private ActionRecord action(EvidenceRecord r, JsonObject d) {
    int rig = plan.twins().indexOf(d.getString("twin"));
    Map<String, Object> fields = LiveRun.fieldsOn(rig > 0 ? scenario.rigs().get(rig) : null,
        d.getJsonObject("fields", new JsonObject()).getMap());
    Map<String, String> result = new LinkedHashMap<>();
    d.getJsonObject("result", new JsonObject()).forEach(e -> result.put(e.getKey(), String.valueOf(e.getValue())));
    ActionOutcome outcome = paused ? ActionOutcome.refused("taken while the clock was paused")
        : new ActionOutcome(true, "taken through the API", result);
    return new ActionRecord(r.at(), elapsedAt(r.at()), r.by(), d.getString("kind"), fields, outcome);
  }
}
