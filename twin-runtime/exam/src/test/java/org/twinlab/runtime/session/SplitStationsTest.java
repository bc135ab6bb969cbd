package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SplitStationsTest {
  private static final Map<String, String> OWNERS = Map.of("tank-1", "n1", "motor-1", "n1", "motor-2", "n2");

  @Test
  void aStationWhoseTwinsRunOnOneNodeIsFine() {
    StationPlan s = new StationPlan("s1", "l3-debug-joint-tank-motor", "cand1", List.of("tank-1", "motor-1"), List.of("exam1"));
    assertThat(SplitStations.problems(List.of(s), t -> Optional.ofNullable(OWNERS.get(t)))).isEmpty();
  }

  // a station split over two nodes would run twice or not at all: the refusal names each twin and its node
  @Test
  void aStationSplitOverNodesIsRefusedNamingTheTwinsAndTheirNodes() {
    StationPlan s = new StationPlan("s2", "l3-debug-joint-tank-motor", "cand2", List.of("tank-1", "motor-2"), List.of("exam1"));
    assertThat(SplitStations.problems(List.of(s), t -> Optional.ofNullable(OWNERS.get(t))))
        .containsExactly("station s2: its twins run on different nodes (tank-1 on n1, motor-2 on n2); a station runs on one node:"
            + " place its twins together in cluster.yaml");
  }

  @Test
  void aTwinNoNodeRunsNowCountsAsElsewhere() {
    StationPlan s = new StationPlan("s3", "l3-debug-joint-tank-motor", "cand3", List.of("tank-1", "motor-9"), List.of("exam1"));
    assertThat(SplitStations.problems(List.of(s), t -> Optional.ofNullable(OWNERS.get(t))).get(0)).contains("motor-9 on no node now");
  }
}
