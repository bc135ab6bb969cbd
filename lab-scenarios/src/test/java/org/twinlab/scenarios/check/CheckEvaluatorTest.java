package org.twinlab.scenarios.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.twinlab.models.expr.Knowledge;
import org.twinlab.scenarios.check.Verdict.Outcome;

/** The semantics of every operator, at the edges of its window. Times are seconds after the start. */
class CheckEvaluatorTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  static Verdict judge(String check, RecordedTrace trace, double now, boolean finished) throws Exception {
    return CheckEvaluator.evaluate(CheckParser.parse(check), trace, T0, at(now), finished);
  }

  static Outcome finished(String check, RecordedTrace trace, double end) throws Exception {
    return judge(check, trace, end, true).outcome();
  }

  static RecordedTrace rises(String signal, double from, double before, double after) {
    return new RecordedTrace().sample(signal, T0, before).sample(signal, at(from), after);
  }

  @Nested
  class Eventually {
    @Test
    void theWindowIncludesItsEnd() throws Exception {
      RecordedTrace t = rises("twin.x", 10, 0.0, 9.0);
      assertThat(finished("eventually twin.x > 5 within 10s", t, 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("eventually twin.x > 5 within 9999ms", t, 60)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void passesAsSoonAsSeenAndWaitsWhileTheWindowIsOpen() throws Exception {
      RecordedTrace t = rises("twin.x", 10, 0.0, 9.0);
      assertThat(judge("eventually twin.x > 5 within 30s", t, 5, false).outcome()).isEqualTo(Outcome.PENDING);
      Verdict v = judge("eventually twin.x > 5 within 30s", t, 12, false);
      assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(v.at()).isEqualTo(at(10));
      assertThat(v.because()).contains("+10.0 s");
      assertThat(judge("eventually twin.x > 50 within 30s", t, 29, false).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(judge("eventually twin.x > 50 within 30s", t, 30, false).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void anEventCountsAtItsInstantInAWindowAfterAnAnchor() throws Exception {
      RecordedTrace onTime = new RecordedTrace().sample("alarm.high", T0, false).sample("alarm.high", at(20), true)
          .event(at(50), "action.emergency_stop");
      RecordedTrace late = new RecordedTrace().sample("alarm.high", T0, false).sample("alarm.high", at(20), true)
          .event(at(50.001), "action.emergency_stop");
      String check = "eventually action.emergency_stop within 30s after first alarm.high";
      assertThat(finished(check, onTime, 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished(check, late, 60)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void beforeAnAnchorStopsShortOfIt() throws Exception {
      String check = "eventually action.emergency_stop before first rig.level >= 490";
      RecordedTrace same = rises("rig.level", 40, 100.0, 490.0).event(at(40), "action.emergency_stop");
      RecordedTrace justBefore = rises("rig.level", 40, 100.0, 490.0).event(at(39.999), "action.emergency_stop");
      RecordedTrace noHazard = new RecordedTrace().sample("rig.level", T0, 100.0).event(at(100), "action.emergency_stop");
      RecordedTrace nothing = new RecordedTrace().sample("rig.level", T0, 100.0);
      assertThat(finished(check, same, 120)).isEqualTo(Outcome.FAILED);
      assertThat(finished(check, justBefore, 120)).isEqualTo(Outcome.PASSED);
      assertThat(finished(check, noHazard, 120)).as("without the hazard the window runs to the end").isEqualTo(Outcome.PASSED);
      assertThat(finished(check, nothing, 120)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void anAnchorThatNeverHappensLeavesNoWindow() throws Exception {
      RecordedTrace t = rises("twin.x", 10, 0.0, 9.0);
      assertThat(finished("eventually twin.x > 5 after first fault.never", t, 60)).isEqualTo(Outcome.FAILED);
      assertThat(finished("never twin.x > 5 after first fault.never", t, 60)).isEqualTo(Outcome.PASSED);
      assertThat(judge("eventually twin.x > 5 after first fault.never", t, 30, false).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void offsetsMoveAnchors() throws Exception {
      RecordedTrace t = new RecordedTrace().event(at(10), "fault.jam").event(at(16), "action.emergency_stop");
      assertThat(finished("eventually action.emergency_stop within 10s after first fault.jam + 5s", t, 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("eventually action.emergency_stop within 10s after first fault.jam + 7s", t, 60)).isEqualTo(Outcome.FAILED);
      assertThat(finished("eventually action.emergency_stop between start and first fault.jam + 6s", t, 60)).isEqualTo(Outcome.PASSED);
    }
  }

  @Nested
  class AlwaysAndNever {
    @Test
    void aChangeAtTheLastMomentOfTheWindowCounts() throws Exception {
      RecordedTrace t = rises("rig.level", 60, 100.0, 500.0);
      assertThat(finished("never rig.level >= 500 within 60s", t, 120)).isEqualTo(Outcome.FAILED);
      assertThat(finished("never rig.level >= 500 within 59999ms", t, 120)).isEqualTo(Outcome.PASSED);
      assertThat(finished("always rig.level < 500 within 59999ms", t, 120)).isEqualTo(Outcome.PASSED);
    }

    @Test
    void failsAtTheFirstCounterexampleAndPassesOnlyWhenTheWindowCloses() throws Exception {
      RecordedTrace t = rises("twin.x", 10, 1.0, 0.0);
      Verdict failed = judge("always twin.x > 0", t, 11, false);
      assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(failed.at()).isEqualTo(at(10));
      assertThat(failed.because()).contains("twin.x = 0.0");
      assertThat(judge("always twin.x > 0", t, 9, false).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(judge("always twin.x > 0 within 9s", t, 9, false).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void neverSeesAnEventAtItsInstant() throws Exception {
      RecordedTrace t = new RecordedTrace().event(at(5), "action.write", Map.of("property", "pid.kp", "value", "2"));
      assertThat(finished("never action.write[property=pid.kp]", t, 10)).isEqualTo(Outcome.FAILED);
      assertThat(finished("never action.write[property=pid.ti]", t, 10)).isEqualTo(Outcome.PASSED);
      assertThat(finished("never action.write[property=pid.kp, value=2.0]", t, 10)).as("numbers compare as numbers").isEqualTo(Outcome.FAILED);
      assertThat(finished("never action.write within 4999ms", t, 10)).isEqualTo(Outcome.PASSED);
    }
  }

  @Nested
  class Filters {
    private final RecordedTrace writes = new RecordedTrace()
        .event(at(1), "action.write", Map.of("property", "pid.setpoint", "value", "350"))
        .event(at(2), "action.write", Map.of("property", "pid.mode", "value", "manual"))
        .event(at(3), "action.write", Map.of("property", "pid.bias", "value", "-2.5"))
        .event(at(4), "action.report", Map.of("cause", "pump drive jammed at full speed", "text", "rose to 480."))
        .event(at(5), "action.export", Map.of("properties", "tank.level,flow.rate", "values", "10,20.5"));

    private boolean seen(String event) throws Exception {
      return finished("eventually " + event, writes, 10) == Outcome.PASSED;
    }

    @Test
    void equalityIsWhatItWas() throws Exception {
      assertThat(seen("action.write[property=pid.setpoint, value=350]")).isTrue();
      assertThat(seen("action.write[value=350.0]")).as("numbers compare as numbers").isTrue();
      assertThat(seen("action.write[value==manual]")).isTrue();
      assertThat(seen("action.write[value=auto]")).isFalse();
      assertThat(seen("action.write[colour=red]")).as("an attribute the event lacks").isFalse();
    }

    @Test
    void notEqualNeedsTheAttributeToBeThere() throws Exception {
      assertThat(seen("action.write[property!=pid.setpoint, value=manual]")).isTrue();
      assertThat(seen("action.write[property=pid.setpoint, value!=350.0]")).isFalse();
      assertThat(seen("action.report[property!=pid.setpoint]")).as("the report has no property").isFalse();
    }

    @Test
    void orderingComparesNumbersOnlyNegativesIncluded() throws Exception {
      assertThat(seen("action.write[property=pid.setpoint, value>349]")).isTrue();
      assertThat(seen("action.write[property=pid.setpoint, value>350]")).isFalse();
      assertThat(seen("action.write[property=pid.setpoint, value>=350]")).isTrue();
      assertThat(seen("action.write[property=pid.setpoint, value<351]")).isTrue();
      assertThat(seen("action.write[property=pid.setpoint, value<350]")).isFalse();
      assertThat(seen("action.write[property=pid.setpoint, value<=350]")).isTrue();
      assertThat(seen("action.write[value<=-2.5]")).isTrue();
      assertThat(seen("action.write[value<-2.5]")).isFalse();
      assertThat(seen("action.write[value>-3, value<0]")).as("every filter must pass").isTrue();
      assertThat(seen("action.write[property=pid.mode, value>-1000000]")).as("manual is not a number").isFalse();
      assertThat(seen("action.write[property=pid.mode, value<1000000]")).isFalse();
    }

    @Test
    void aRangeIncludesItsBounds() throws Exception {
      assertThat(seen("action.write[property=pid.setpoint, value in 340..350]")).isTrue();
      assertThat(seen("action.write[property=pid.setpoint, value in 350..360]")).isTrue();
      assertThat(seen("action.write[property=pid.setpoint, value in 350.001..360]")).isFalse();
      assertThat(seen("action.write[property=pid.setpoint, value in 300..349.999]")).isFalse();
      assertThat(seen("action.write[value in -5..-2.5]")).isTrue();
      assertThat(seen("action.write[value in -2.4..0]")).isFalse();
      assertThat(seen("action.write[property=pid.mode, value in -1000000..1000000]")).isFalse();
    }

    @Test
    void containsFindsTextAnywhereAndNumbersWhole() throws Exception {
      assertThat(seen("action.report[cause contains jammed]")).isTrue();
      assertThat(seen("action.report[cause contains \"full speed\"]")).isTrue();
      assertThat(seen("action.report[cause contains Jammed]")).as("texts compare exactly").isFalse();
      assertThat(seen("action.report[text contains 480]")).as("a full stop ends the number").isTrue();
      assertThat(seen("action.report[text contains 48]")).isFalse();
      assertThat(seen("action.export[properties contains flow.rate]")).as("an item of a list").isTrue();
      assertThat(seen("action.export[values contains 20.5]")).isTrue();
      assertThat(seen("action.export[values contains 2]")).as("not part of 20.5").isFalse();
      assertThat(seen("action.export[values contains 0.5]")).isFalse();
      assertThat(seen("action.write[value contains 2.5]")).as("not the magnitude of -2.5").isFalse();
      assertThat(seen("action.write[value contains -2.5]")).isTrue();
    }
  }

  @Nested
  class HoldsFor {
    @Test
    void aRunOfExactlyTheDurationHolds() throws Exception {
      RecordedTrace t = new RecordedTrace().sample("twin.x", T0, 0.0).sample("twin.x", at(10), 5.0).sample("twin.x", at(40), 0.0);
      assertThat(finished("twin.x > 1 holds for 30s", t, 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("twin.x > 1 holds for 30001ms", t, 60)).isEqualTo(Outcome.FAILED);
      Verdict v = judge("twin.x > 1 holds for 30s", t, 60, true);
      assertThat(v.at()).isEqualTo(at(40));
    }

    @Test
    void aRunCutByTheWindowCountsOnlyInsideIt() throws Exception {
      RecordedTrace t = rises("twin.x", 10, 0.0, 5.0);
      assertThat(finished("twin.x > 1 holds for 30s within 39s", t, 60)).isEqualTo(Outcome.FAILED);
      assertThat(finished("twin.x > 1 holds for 30s within 40s", t, 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("twin.x > 1 holds for 30s", t, 39)).as("a run to the end of the run").isEqualTo(Outcome.FAILED);
      assertThat(judge("twin.x > 1 holds for 30s", t, 35, false).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(judge("twin.x > 1 holds for 30s", t, 40, false).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aBreakRestartsTheRun() throws Exception {
      RecordedTrace t = new RecordedTrace().sample("twin.x", T0, 5.0).sample("twin.x", at(20), 0.0).sample("twin.x", at(20.5), 5.0);
      assertThat(finished("twin.x > 1 holds for 30s", t, 50)).isEqualTo(Outcome.FAILED);
      assertThat(finished("twin.x > 1 holds for 30s", t, 50.5)).isEqualTo(Outcome.PASSED);
    }
  }

  @Nested
  class Count {
    static RecordedTrace acks(double... times) {
      RecordedTrace t = new RecordedTrace();
      for (double s : times) t.event(at(s), "action.alarm_ack");
      return t;
    }

    @Test
    void atLeastPassesOnTheNthEvent() throws Exception {
      Verdict v = judge("count action.alarm_ack >= 2", acks(5, 9, 30), 10, false);
      assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(v.at()).isEqualTo(at(9));
      assertThat(judge("count action.alarm_ack >= 2", acks(5), 10, false).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(finished("count action.alarm_ack >= 2", acks(5), 60)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void atMostAndExactlyFailOnTheEventTooMany() throws Exception {
      assertThat(judge("count action.alarm_ack <= 1", acks(5), 10, false).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(judge("count action.alarm_ack <= 1", acks(5, 8), 10, false).outcome()).isEqualTo(Outcome.FAILED);
      assertThat(finished("count action.alarm_ack == 1", acks(5), 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("count action.alarm_ack == 0", acks(), 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("count action.alarm_ack < 1", acks(5), 60)).isEqualTo(Outcome.FAILED);
      assertThat(finished("count action.alarm_ack != 1", acks(5, 6), 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("count action.alarm_ack > 1", acks(5, 6), 60)).isEqualTo(Outcome.PASSED);
    }

    @Test
    void theWindowsEdgesAreCountedAsTheWindowSays() throws Exception {
      assertThat(finished("count action.alarm_ack == 2 within 10s", acks(0, 10, 10.001), 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("count action.alarm_ack == 1 before first action.alarm_ack + 10s", acks(0, 10), 60))
          .isEqualTo(Outcome.PASSED);
    }
  }

  @Nested
  class Tracks {
    static RecordedTrace levels(double[][] twinAndRig) {
      RecordedTrace t = new RecordedTrace();
      for (double[] s : twinAndRig) {
        t.sample("twin.level", at(s[0]), s[1]).sample("rig.level", at(s[0]), s[2]);
      }
      return t;
    }

    @Test
    void aDifferenceOfExactlyTheToleranceStillTracks() throws Exception {
      RecordedTrace t = levels(new double[][] {{0, 100, 102}, {30, 110, 112}, {31, 0, 112}});
      assertThat(finished("tracks twin.level rig.level within 2 for 30s", t, 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("tracks twin.level rig.level within 1.99 for 30s", t, 60)).isEqualTo(Outcome.FAILED);
      assertThat(finished("tracks twin.level rig.level within 2 for 31001ms", t, 60)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void whatThePlatformCouldNotSeeMakesItIndeterminateNeverFailed() throws Exception {
      RecordedTrace t = new RecordedTrace()
          .sample("rig.level", T0, 100.0)
          .sample("twin.level", T0, 100.0)
          .sample("twin.level", at(10), null, Knowledge.UNKNOWN)
          .sample("twin.level", at(25), 100.0);
      assertThat(finished("tracks twin.level rig.level within 2 for 30s", t, 30)).isEqualTo(Outcome.INDETERMINATE);
      assertThat(finished("tracks twin.level rig.level within 2 for 30s", t, 60)).as("a clean run later").isEqualTo(Outcome.PASSED);
    }

    @Test
    void aValueMissingThroughTheCandidateCountsAgainstThem() throws Exception {
      RecordedTrace t = new RecordedTrace()
          .sample("rig.level", T0, 100.0)
          .sample("twin.level", T0, 100.0)
          .sample("twin.level", at(10), null, Knowledge.MISSING)
          .sample("twin.level", at(25), 100.0);
      assertThat(finished("tracks twin.level rig.level within 2 for 30s", t, 30)).isEqualTo(Outcome.FAILED);
    }
  }

  @Nested
  class Unknowns {
    @Test
    void eventuallyIsIndeterminateOnlyIfNeverSeenTrue() throws Exception {
      RecordedTrace unseen = new RecordedTrace().sample("twin.x", T0, 0.0).sample("twin.x", at(10), null, Knowledge.UNKNOWN);
      assertThat(finished("eventually twin.x > 5", unseen, 60)).isEqualTo(Outcome.INDETERMINATE);
      RecordedTrace seen = new RecordedTrace().sample("twin.x", T0, 9.0).sample("twin.x", at(10), null, Knowledge.UNKNOWN);
      assertThat(finished("eventually twin.x > 5", seen, 60)).isEqualTo(Outcome.PASSED);
    }

    @Test
    void alwaysFailsOnASeenCounterexampleEvenWithUnknowns() throws Exception {
      RecordedTrace t = new RecordedTrace().sample("twin.x", T0, null, Knowledge.UNKNOWN).sample("twin.x", at(10), 0.0);
      assertThat(finished("always twin.x > 5", t, 60)).isEqualTo(Outcome.FAILED);
      assertThat(finished("always twin.x > 5 within 9s", t, 60)).isEqualTo(Outcome.INDETERMINATE);
    }

    @Test
    void kleeneLogicLetsAKnownSideDecide() throws Exception {
      RecordedTrace t = new RecordedTrace().sample("twin.x", T0, null, Knowledge.UNKNOWN).sample("rig.y", T0, 1.0);
      assertThat(finished("always twin.x > 5 or rig.y == 1", t, 60)).isEqualTo(Outcome.PASSED);
      assertThat(finished("eventually twin.x > 5 and rig.y == 2", t, 60)).isEqualTo(Outcome.FAILED);
    }
  }

  @Nested
  class Anchors {
    @Test
    void lastIsKnownOnlyAtTheEnd() throws Exception {
      RecordedTrace t = new RecordedTrace().event(at(10), "action.start").event(at(30), "action.start")
          .sample("twin.running", T0, false).sample("twin.running", at(31), true);
      String check = "eventually twin.running == true within 2s after last action.start";
      assertThat(judge(check, t, 40, false).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(finished(check, t, 40)).isEqualTo(Outcome.PASSED);
    }

    @Test
    void textsAndTruthValuesCompareForEquality() throws Exception {
      RecordedTrace t = new RecordedTrace().sample("twin.panel.state", T0, "idle").sample("twin.panel.state", at(5), "estop")
          .sample("alarm.overflow", T0, false).sample("alarm.overflow", at(4), true);
      assertThat(finished("eventually twin.panel.state == \"estop\" after first alarm.overflow", t, 10)).isEqualTo(Outcome.PASSED);
      assertThat(finished("eventually twin.panel.state == 'estop' within 4s", t, 10)).isEqualTo(Outcome.FAILED);
      assertThat(finished("never twin.panel.state > 'a'", t, 10)).as("texts have no order").isEqualTo(Outcome.PASSED);
    }
  }
}
