package org.twinlab.runtime.history.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;
import org.twinlab.runtime.history.HistoryPoint;
import org.twinlab.runtime.history.ValueKind;

class LineProtocolTest {
  private static final Instant T = Instant.parse("2026-03-01T08:00:00.123456Z");

  @Test
  void aNumberIsAFloatFieldWithTagsSortedByKey() {
    HistoryPoint p = new HistoryPoint("station-1", "conveyor_sorting", "belt.speed", ValueKind.NUMBER, "m/s", 0.48,
        Quality.GOOD, T, T.plusMillis(2), "bench 3", "exam-7");

    assertThat(LineProtocol.line(p)).isEqualTo("conveyor_sorting,kind=NUMBER,property=belt.speed,session=exam-7,"
        + "station=bench\\ 3,twin=station-1,unit=m/s value=0.48,quality=\"GOOD\",received=1772352000125456i 1772352000123456");
  }

  @Test
  void textBooleansAndMissingValuesAreEncodedSafely() {
    HistoryPoint text = new HistoryPoint("t", "m", "mode", ValueKind.TEXT, "", "say \"hi\", \\ ok", Quality.GOOD, T, T, null, null);
    HistoryPoint bool = new HistoryPoint("t", "m", "lamp", ValueKind.BOOLEAN, "", true, Quality.GOOD, T, T, null, null);
    HistoryPoint bad = new HistoryPoint("t", "m", "level", ValueKind.NUMBER, "mm", null, Quality.bad("Bad_Timeout"), T, T, null, null);

    assertThat(LineProtocol.line(text)).contains("value_text=\"say \\\"hi\\\", \\\\ ok\"").doesNotContain("session=");
    assertThat(LineProtocol.line(bool)).contains(" value=1.0,quality=\"GOOD\"");
    assertThat(LineProtocol.line(bad)).contains(" quality=\"BAD\",reason=\"Bad_Timeout\",received=").doesNotContain("value=");
  }
}
