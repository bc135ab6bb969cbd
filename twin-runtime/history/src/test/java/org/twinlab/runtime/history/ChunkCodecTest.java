package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;

class ChunkCodecTest {
  private static final long T0 = 1_764_700_000_000_000L;

  @Test
  void numbersTextsNoValuesAndQualitiesComeBackAsTheyWent() {
    List<ChunkPoint> points = List.of(
        new ChunkPoint(T0, T0 + 2_000, true, 12.5, null, Quality.GOOD),
        new ChunkPoint(T0 + 100_000, T0 + 101_500, true, -0.0, null, Quality.GOOD),
        new ChunkPoint(T0 + 100_000, T0 + 103_000, true, Double.NaN, null, Quality.uncertain("STALE: no sample for 900 ms")),
        new ChunkPoint(T0 + 200_000, T0 + 150_000, false, 0, null, Quality.bad("Bad_CommunicationError")),
        new ChunkPoint(T0 + 300_000, T0 + 300_001, false, 0, "自动 AUTO, \"quoted\"", Quality.bad("Bad_CommunicationError")),
        new ChunkPoint(T0 + 400_000, T0 + 400_001, false, 0, "", Quality.GOOD),
        new ChunkPoint(T0 + 500_000, T0 + 500_001, true, Double.MAX_VALUE, null, new Quality(Quality.Level.GOOD, "restored")));

    List<ChunkPoint> back = ChunkCodec.decode(ChunkCodec.encode(points));

    assertThat(back).hasSize(points.size());
    for (int i = 0; i < points.size(); i++) {
      ChunkPoint a = points.get(i);
      ChunkPoint b = back.get(i);
      assertThat(b.t()).isEqualTo(a.t());
      assertThat(b.rt()).isEqualTo(a.rt());
      assertThat(b.hasNumber()).isEqualTo(a.hasNumber());
      assertThat(Double.doubleToRawLongBits(b.number())).isEqualTo(Double.doubleToRawLongBits(a.number()));
      assertThat(b.text()).isEqualTo(a.text());
      assertThat(b.quality()).isEqualTo(a.quality());
    }
  }

  @Test
  void timesBeforeTheEpochAndFarApartSurvive() {
    List<ChunkPoint> points = List.of(new ChunkPoint(-5_000_000_000L, Long.MAX_VALUE / 4, true, 1, null, Quality.GOOD),
        new ChunkPoint(Long.MAX_VALUE / 4, -5_000_000_000L, true, 2, null, Quality.GOOD));

    assertThat(ChunkCodec.decode(ChunkCodec.encode(points))).isEqualTo(points);
  }

  @Test
  void aRegularTenHertzSampleTakesTwelveBytesOrSo() {
    List<ChunkPoint> points = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      long t = T0 + i * 100_000L;
      points.add(new ChunkPoint(t, t + 1_800 + (i % 7) * 100, true, Math.sin(i), null, Quality.GOOD));
    }

    assertThat(ChunkCodec.encode(points).length).isLessThanOrEqualTo(100 * 13);
  }

  @Test
  void anEmptyChunkAndADamagedOneAreToldApart() {
    assertThat(ChunkCodec.decode(ChunkCodec.encode(List.of()))).isEmpty();
    byte[] data = ChunkCodec.encode(List.of(new ChunkPoint(T0, T0, false, 0, "FILL", Quality.GOOD)));

    assertThatThrownBy(() -> ChunkCodec.decode(Arrays.copyOf(data, data.length - 1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChunkCodec.decode(Arrays.copyOf(data, data.length + 1))).isInstanceOf(IllegalArgumentException.class);
    data[0] = 9;
    assertThatThrownBy(() -> ChunkCodec.decode(data)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
  }
}
