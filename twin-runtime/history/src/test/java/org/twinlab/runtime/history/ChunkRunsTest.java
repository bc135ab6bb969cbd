package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;

class ChunkRunsTest {
  private static ChunkPoint p(long t, long rt, double v) {
    return new ChunkPoint(t, rt, true, v, null, Quality.GOOD);
  }

  @Test
  void pointsWrittenTogetherAreOrderedByTimeThenReceiptAndEachPlaceKeepsTheLastWritten() {
    List<ChunkPoint> in = new ArrayList<>(List.of(p(30, 1, 1), p(10, 5, 2), p(10, 2, 3), p(30, 1, 4), p(20, 0, 5)));

    assertThat(ChunkRuns.ordered(in)).extracting(ChunkPoint::number).containsExactly(3.0, 2.0, 5.0, 4.0);
  }

  @Test
  void aMergeInterleavesAndTheNewerRunWinsAPlaceInBoth() {
    List<ChunkPoint> older = List.of(p(10, 0, 1), p(20, 0, 2), p(30, 0, 3));
    List<ChunkPoint> newer = List.of(p(15, 0, 9), p(20, 0, 8), p(40, 0, 7));

    assertThat(ChunkRuns.merge(older, newer)).extracting(ChunkPoint::number).containsExactly(1.0, 9.0, 8.0, 3.0, 7.0);
  }

  @Test
  void chunksAreCutToSizeButNeverBetweenPointsOfOneTime() {
    List<ChunkPoint> in = new ArrayList<>();
    for (int i = 0; i < 10; i++) in.add(p(i / 2, i, i)); // times 0 0 1 1 2 2 3 3 4 4

    List<List<ChunkPoint>> chunks = ChunkRuns.split(in, 3);

    assertThat(chunks).extracting(List::size).containsExactly(2, 2, 2, 2, 2);
    assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(10);
    List<ChunkPoint> sameTime = new ArrayList<>();
    for (int i = 0; i < 7; i++) sameTime.add(p(5, i, i));
    sameTime.add(p(6, 0, 9));
    assertThat(ChunkRuns.split(sameTime, 3)).extracting(List::size).containsExactly(7, 1);
  }
}
