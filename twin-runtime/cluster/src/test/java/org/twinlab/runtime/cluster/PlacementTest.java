package org.twinlab.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementTest {
  private static final List<String> TWINS = List.of("c1", "c2", "t1", "m1");
  private static final ClusterConfig CONFIG = new ClusterConfig("a", "127.0.0.1", 5701, List.of("127.0.0.1:5701"), false, 1, 5,
      Map.of("c1", "a", "c2", "a", "t1", "b"), 10);

  @Test
  void twinsGoToTheNodesTheyPreferAndTheRestWaitForThem() {
    assertThat(Placement.moves(TWINS, Map.of(), Set.of("a"), CONFIG, false)).isEqualTo(Map.of("c1", "a", "c2", "a"));
  }

  @Test
  void onceTheWaitIsOverTheRestGoToTheLeastLoadedNode() {
    assertThat(Placement.moves(TWINS, Map.of("c1", "a", "c2", "a"), Set.of("a", "c"), CONFIG, true))
        .isEqualTo(Map.of("t1", "c", "m1", "c"));
  }

  @Test
  void aDeadOwnersTwinsMoveAtOnceAndThoseThatPreferOneNodeStayTogether() {
    // c1 and c2 may be one station's twins: they move to one node, not one each
    Map<String, String> owners = Map.of("c1", "a", "c2", "a", "t1", "b", "m1", "c");
    assertThat(Placement.moves(TWINS, owners, Set.of("b", "c"), CONFIG, false)).isEqualTo(Map.of("c1", "b", "c2", "b"));
  }

  @Test
  void twinsWithoutAPreferenceSpreadOverTheLeastLoadedNodes() {
    Map<String, String> owners = Map.of("c1", "b", "c2", "b", "t1", "b", "m1", "a");
    ClusterConfig none = new ClusterConfig("a", "127.0.0.1", 5701, List.of("127.0.0.1:5701"), false, 1, 5, Map.of(), 10);
    assertThat(Placement.moves(List.of("c1", "c2", "t1", "m1", "x1"), owners, Set.of("b", "c", "d"), none, false))
        .isEqualTo(Map.of("m1", "c"));
  }

  @Test
  void aNodeThatComesBackTakesNothingBack() {
    Map<String, String> owners = Map.of("c1", "b", "c2", "c", "t1", "b", "m1", "c");
    assertThat(Placement.moves(TWINS, owners, Set.of("a", "b", "c"), CONFIG, true)).isEmpty();
  }
}
