package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarksTest {
  @Test
  void theMedianOfTheExaminersMarksCounts() {
    assertThat(Marks.median(List.of(3, 1, 2))).isEqualTo(2);
    assertThat(Marks.median(List.of(3, 3, 0))).isEqualTo(3);
    assertThat(Marks.median(List.of(1, 2))).as("half up").isEqualTo(2);
    assertThat(Marks.median(List.of(0, 1, 1, 3))).isEqualTo(1);
    assertThat(Marks.median(List.of(2))).isEqualTo(2);
  }

  @Test
  void marksTwoApartAreFlaggedAndAnExaminerMayChangeTheirs() {
    Marks m = new Marks();
    m.put("record", "exam1", 3);
    m.put("record", "exam2", 2);
    m.put("safety", "exam1", 1);
    m.put("safety", "exam2", 3);
    assertThat(m.disagreements()).containsExactly("safety");
    m.put("safety", "exam2", 2);
    assertThat(m.disagreements()).isEmpty();
    assertThat(m.combined()).containsEntry("record", 3).containsEntry("safety", 2);
  }

  @Test
  void theStandardsExaminerRulesAreWarnedAbout() {
    List<StationPlan> stations = new java.util.ArrayList<>();
    for (int i = 1; i <= 6; i++) stations.add(new StationPlan("s" + i, "x", "cand" + i, List.of("t" + i), List.of("exam1")));
    SessionPlan plan = new SessionPlan("p", "p", stations);
    assertThat(plan.warnings()).contains("examiner exam1 has 6 stations; at most 5 per examiner")
        .anyMatch(w -> w.startsWith("station s1 has 1 examiner(s)"));
  }
}
