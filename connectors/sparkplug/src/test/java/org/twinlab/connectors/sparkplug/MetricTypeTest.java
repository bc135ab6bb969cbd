package org.twinlab.connectors.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.sparkplug.SparkplugPayloads.Metric;

class MetricTypeTest {

  private static Optional<Object> fit(MetricType t, Object v) {
    return t.fit(v, new StringBuilder());
  }

  private static String why(MetricType t, Object v) {
    StringBuilder why = new StringBuilder();
    assertThat(t.fit(v, why)).isEmpty();
    return why.toString();
  }

  @Test
  void writesConvertOnlyAlongTheirKind() {
    // a 20 typed in a form is the Float a setpoint needs; a whole 3.0 fits an Int16
    assertThat(fit(MetricType.FLOAT, 20L)).contains(20f);
    assertThat(fit(MetricType.INT16, 3.0)).contains(3L);
    assertThat(fit(MetricType.UINT32, 4_000_000_000L)).contains(4_000_000_000L);
    assertThat(fit(MetricType.BOOLEAN, true)).contains(true);
    assertThat(fit(MetricType.STRING, "auto")).contains("auto");
    assertThat(why(MetricType.FLOAT, true)).isEqualTo("the metric is a Float, the value a Boolean");
    assertThat(why(MetricType.INT16, 2.5)).isEqualTo("2.5 is not a whole number, as a Int16 needs");
    assertThat(why(MetricType.INT8, 200L)).contains("outside the range of a Int8 (-128..127)");
    assertThat(why(MetricType.UINT8, -1L)).contains("outside the range of a UInt8");
    assertThat(why(MetricType.BOOLEAN, 1L)).isEqualTo("the metric is a Boolean, the value a number");
    assertThat(why(MetricType.FLOAT, 1e39)).contains("beyond the range of a Float");
    assertThat(why(MetricType.UNSUPPORTED, 1L)).contains("not of a scalar type");
  }

  @Test
  void valuesRoundTripThroughTheProtobufAsTheirTypeReadsThem() {
    List<Metric> sent = List.of(Metric.named("i8", MetricType.INT8, -5L), Metric.named("u32", MetricType.UINT32, 4_000_000_000L),
        Metric.named("i64", MetricType.INT64, -7L), Metric.named("f", MetricType.FLOAT, 21.1f),
        Metric.named("d", MetricType.DOUBLE, 0.25), Metric.named("b", MetricType.BOOLEAN, true),
        Metric.named("s", MetricType.STRING, "ok"), Metric.named("n", MetricType.INT32, null));
    SparkplugPayloads.Payload p = SparkplugPayloads.decode(SparkplugPayloads.encode(Instant.ofEpochMilli(1000), OptionalLong.of(7), sent));
    assertThat(p.seq()).hasValue(7);
    assertThat(p.timestamp()).contains(Instant.ofEpochMilli(1000));
    assertThat(p.metrics()).extracting(m -> m.value(MetricType.of(m.datatype())))
        .containsExactly(-5L, 4_000_000_000L, -7L, 21.1, 0.25, true, "ok", null);
    assertThat(p.metrics().get(7).isNull()).isTrue();
  }

  @Test
  void typeCodesAreTheSpecificationsAndUnknownCodesAreUnsupported() {
    assertThat(MetricType.of(9)).isEqualTo(MetricType.FLOAT);
    assertThat(MetricType.of(11)).isEqualTo(MetricType.BOOLEAN);
    assertThat(MetricType.of(16)).isEqualTo(MetricType.UNSUPPORTED); // DataSet
    assertThat(MetricType.of(0)).isEqualTo(MetricType.UNSUPPORTED);
  }
}
