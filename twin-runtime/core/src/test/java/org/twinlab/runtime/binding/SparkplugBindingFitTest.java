package org.twinlab.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;

/** What the birth says of a metric's type decides whether a binding fits it, as an OPC UA DataType does. */
class SparkplugBindingFitTest {
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");

  private static BindingFit.Subject property(String path) {
    return BindingFit.Subject.of(TANK.property(path).orElseThrow(), Transform.IDENTITY);
  }

  @Test
  void numbersFitNumbersAndBooleansBooleans() {
    assertThat(BindingFit.sparkplug(property("tank.level"), Optional.of("Int16"), "")).isEmpty();
    assertThat(BindingFit.sparkplug(property("tank.level"), Optional.of("Float"), "")).isEmpty();
    assertThat(BindingFit.sparkplug(property("pump.running"), Optional.of("Boolean"), "")).isEmpty();
    assertThat(BindingFit.sparkplug(property("tank.level"), Optional.of("Boolean"), "")).contains(
        "type: the metric's Sparkplug type is Boolean, but tank.level is a double (no transform makes it one)");
    assertThat(BindingFit.sparkplug(property("pump.running"), Optional.of("String"), "").orElseThrow())
        .startsWith("type: the metric's Sparkplug type is String, but pump.running is a bool");
  }

  @Test
  void aCommandsValueMustFitTheMetric() {
    assertThat(BindingFit.sparkplug(BindingFit.Subject.command("panel.estop", true), Optional.of("Boolean"), "")).isEmpty();
    assertThat(BindingFit.sparkplug(BindingFit.Subject.command("panel.estop", true), Optional.of("Float"), "").orElseThrow())
        .contains("the command panel.estop writes a boolean");
  }

  @Test
  void aMetricNoBirthHasIsNamedAndAnUnknownTypeIsLeftAlone() {
    assertThat(BindingFit.sparkplug(property("tank.level"), Optional.empty(), "no birth of lab1/rig-1/tank was seen within 5 s"))
        .contains("metric: no birth of lab1/rig-1/tank was seen within 5 s");
    assertThat(BindingFit.sparkplug(property("tank.level"), Optional.of("Unknown"), "")).isEmpty();
  }
}
