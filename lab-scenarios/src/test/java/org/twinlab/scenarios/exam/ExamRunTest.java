package org.twinlab.scenarios.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.Observed;
import org.twinlab.scenarios.engine.ScenarioRun;
import org.twinlab.scenarios.engine.SignalFeed;
import org.twinlab.scenarios.engine.Station;
import org.twinlab.scenarios.engine.StationClock;
import org.twinlab.scenarios.engine.VirtualRun;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.Setup;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

class ExamRunTest {
  private static final Standard STANDARD = StandardLoader.digitalTwinTechnician();
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(STANDARD));

  private final VirtualTime time = new VirtualTime(VirtualRun.EPOCH);
  private final QuietStation station = new QuietStation();

  /** A station that shows nothing and accepts every action: the exam's bookkeeping is under test, not the rig. */
  private static final class QuietStation implements Station {
    int prepared;

    @Override public void prepare(Setup setup) { prepared++; }
    @Override public void follow(SignalFeed feed) { }
    @Override public Map<String, Observed> observe() { return Map.of(); }
    @Override public String inject(FaultDef fault) { return fault.id(); }
    @Override public void clear(String handle) { }
    @Override public ActionOutcome perform(String who, String kind, Map<String, Object> fields) { return ActionOutcome.accepted("done"); }
  }

  private static ExamPart part(String id, Duration time) {
    Scenario s = LIBRARY.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    return new ExamPart(s, s.tasks().stream().map(t -> t.id()).toList(), time);
  }

  private static Exam exam(Exam.Order order) {
    return new Exam("l4-run", 1, Localized.of("run"), Localized.of("run"), Level.L4, Duration.ofMinutes(120), order, 60,
        List.of(part("l4-debug-tank-level-scale", Duration.ofMinutes(30)), part("l4-operate-tank-setpoint", Duration.ofMinutes(40)),
            part("l4-operate-tank-overflow-estop", Duration.ofMinutes(40))),
        List.of("tank-process"), "test");
  }

  private ExamRun started(Exam.Order order) {
    return new ExamRun(exam(order), station, time, new Scoring(STANDARD), new ExamScoring(STANDARD));
  }

  private void pass(Duration d) {
    for (long s = 0; s < d.toSeconds(); s += 10) {
      time.advance(Duration.ofSeconds(10));
    }
  }

  @Test
  void theGivenOrderIsKeptAndOnePartRunsAtATime() throws Exception {
    ExamRun run = started(Exam.Order.GIVEN);
    assertThatThrownBy(() -> run.startPart("l4-operate-tank-setpoint", "candidate"))
        .hasMessageContaining("given order").hasMessageContaining("l4-debug-tank-level-scale");
    ScenarioRun first = run.startPart("l4-debug-tank-level-scale", "candidate");
    assertThat(station.prepared).as("each part prepares the station for its own setup").isEqualTo(1);
    assertThat(first.clock().limit()).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> run.startPart("l4-operate-tank-setpoint", "candidate")).hasMessageContaining("still running");
    run.finishPart("candidate", "handed in");
    assertThat(first.ended()).isTrue();
    assertThatThrownBy(() -> run.startPart("l4-debug-tank-level-scale", "candidate")).hasMessageContaining("sat already");
    run.startPart("l4-operate-tank-setpoint", "candidate");
    assertThat(run.toSit()).extracting(ExamPart::id).containsExactly("l4-operate-tank-overflow-estop");
  }

  @Test
  void inTheCandidatesOrderAnyPartNotYetSatMayComeNext() throws Exception {
    ExamRun run = started(Exam.Order.CANDIDATE);
    run.startPart("l4-operate-tank-overflow-estop", "candidate");
    run.finishPart("candidate", "handed in");
    run.startPart("l4-debug-tank-level-scale", "candidate");
    assertThat(run.toSit()).extracting(ExamPart::id).containsExactly("l4-operate-tank-setpoint");
    assertThatThrownBy(() -> run.startPart("no-such-part", "candidate")).hasMessageContaining("no part 'no-such-part'");
  }

  @Test
  void thePartsMakeUpOneClockAndTimeAddedToAPartIsNotTakenFromTheNext() throws Exception {
    ExamRun run = started(Exam.Order.GIVEN);
    ScenarioRun first = run.startPart("l4-debug-tank-level-scale", "candidate");
    pass(Duration.ofMinutes(30));
    run.tick();
    assertThat(first.ended()).as("the part's own time is up").isTrue();
    pass(Duration.ofMinutes(10)); // the station is set up for the next part: off the exam's clock
    ScenarioRun second = run.startPart("l4-operate-tank-setpoint", "candidate");
    second.clock().extend(Duration.ofMinutes(20), "examiner", "the rig's pump was replaced");
    pass(Duration.ofMinutes(60));
    run.tick();
    assertThat(second.ended()).isTrue();
    assertThat(run.elapsed()).as("30 + 40, the 20 added for the incident the second part's own").isEqualTo(Duration.ofMinutes(70));
    ScenarioRun third = run.startPart("l4-operate-tank-overflow-estop", "candidate");
    assertThat(third.clock().limit()).isEqualTo(Duration.ofMinutes(40));
    run.finishPart("candidate", "handed in");
    run.tick();
    assertThat(run.ended()).as("every part sat").isTrue();
  }

  @Test
  void aPartsTimeIsItsBudgetCutToWhatTheExamHasLeftAndThePartsNotSatScoreNothing() throws Exception {
    Exam tight = new Exam("l4-tight", 1, Localized.of("tight"), Localized.of("tight"), Level.L4, Duration.ofMinutes(120),
        Exam.Order.GIVEN, 60, List.of(part("l4-debug-tank-level-scale", Duration.ofMinutes(70)),
            part("l4-operate-tank-setpoint", Duration.ofMinutes(70)), part("l4-operate-tank-overflow-estop", Duration.ofMinutes(40))),
        List.of("tank-process"), "test");
    ExamRun run = new ExamRun(tight, station, time, new Scoring(STANDARD), new ExamScoring(STANDARD));
    run.startPart("l4-debug-tank-level-scale", "candidate");
    pass(Duration.ofMinutes(70));
    ScenarioRun second = run.startPart("l4-operate-tank-setpoint", "candidate");
    assertThat(second.clock().limit()).as("70 minutes of budget, 50 left on the exam's clock").isEqualTo(Duration.ofMinutes(50));
    pass(Duration.ofMinutes(50));
    run.tick();
    assertThat(run.ended()).as("the exam's 120 minutes are used up").isTrue();
    assertThatThrownBy(() -> run.startPart("l4-operate-tank-overflow-estop", "candidate")).hasMessageContaining("ended");

    ExamSheet sheet = run.sheet();
    assertThat(sheet.parts()).extracting(ExamSheet.PartScore::started).containsExactly(true, true, false);
    ExamSheet.PartScore never = sheet.parts().get(2);
    assertThat(never.earned()).isZero();
    assertThat(never.possible()).isPositive();
    assertThat(sheet.total()).as("an idle candidate's exam earns nothing").isZero();
  }

  @Test
  void aPauseStopsTheExamsClockAndThePartsAlike() throws Exception {
    ExamRun run = started(Exam.Order.GIVEN);
    ScenarioRun first = run.startPart("l4-debug-tank-level-scale", "candidate");
    pass(Duration.ofMinutes(5));
    run.pause("examiner", "the rig's power failed");
    pass(Duration.ofMinutes(20));
    run.resume("examiner");
    assertThat(run.elapsed()).isEqualTo(Duration.ofMinutes(5));
    assertThat(first.clock().elapsed()).isEqualTo(Duration.ofMinutes(5));
    assertThat(first.clock().state()).isEqualTo(StationClock.State.RUNNING);
  }
}
