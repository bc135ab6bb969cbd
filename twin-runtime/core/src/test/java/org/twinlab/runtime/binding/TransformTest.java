package org.twinlab.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransformTest {
  private static Transform range(double f0, double f1, double t0, double t1) {
    return new Transform(Optional.empty(), false, Optional.of(new double[] {f0, f1, t0, t1}), 1, 0,
        Optional.empty(), Optional.empty(), Optional.empty(), 0);
  }

  @Test
  void theS7AnalogRawRangeMapsToMillimetres() {
    Transform t = range(0, 27648, 0, 500);
    assertThat((Double) t.apply(13824L).value()).isCloseTo(250, offset(1e-9));
    assertThat((Double) t.toRaw(250.0).value()).isCloseTo(13824, offset(1e-9));
  }

  @Test
  void scaleOffsetUnitAndClampApplyInOrderAndInvert() {
    Transform t = new Transform(Optional.empty(), false, Optional.empty(), 0.1, 2, Optional.of("mm"), Optional.of("m"),
        Optional.empty(), 0);
    assertThat((Double) t.apply(1000).value()).isCloseTo(0.102, offset(1e-12));
    assertThat((Double) t.toRaw(0.102).value()).isCloseTo(1000, offset(1e-9));
    Transform clamped = new Transform(Optional.empty(), false, Optional.empty(), 1, 0, Optional.empty(), Optional.empty(),
        Optional.of(new double[] {0, 500}), 0);
    assertThat(clamped.apply(-3.0).value()).isEqualTo(0.0);
  }

  @Test
  void aBitOfAStatusWordAndInversion() {
    Transform bit3 = new Transform(Optional.of(3), false, Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    assertThat(bit3.apply(0b1000L).value()).isEqualTo(true);
    assertThat(bit3.apply(0b0111L).value()).isEqualTo(false);
    assertThat(bit3.toRaw(true).error()).contains("bind the whole word");
    Transform inverted = new Transform(Optional.of(0), true, Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    assertThat(inverted.apply(1L).value()).isEqualTo(false);
    assertThat(Transform.IDENTITY.apply("RUN").value()).isEqualTo("RUN");
  }

  @Test
  void aDeadbandHoldsBackSmallChanges() {
    Transform t = new Transform(Optional.empty(), false, Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), 0.5);
    assertThat(t.passes(10.0, 10.4)).isFalse();
    assertThat(t.passes(10.0, 10.6)).isTrue();
    assertThat(t.passes(null, 10.0)).isTrue();
  }

  @Test
  void unitsConvertWithinAQuantityOnly() {
    assertThat(Units.conversion("°F", "°C").orElseThrow().applyAsDouble(212)).isCloseTo(100, offset(1e-9));
    assertThat(Units.conversion("m/min", "m/s").orElseThrow().applyAsDouble(30)).isCloseTo(0.5, offset(1e-12));
    assertThat(Units.conversion("mm", "°C")).isEmpty();
    assertThat(Units.whyNot("mm", "°C")).contains("length").contains("temperature");
  }

  @Test
  void badRawValuesAreErrorsNotExceptions() {
    Transform bit = new Transform(Optional.of(1), false, Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    assertThat(bit.apply(2.5).error()).contains("non-integer");
  }
}
