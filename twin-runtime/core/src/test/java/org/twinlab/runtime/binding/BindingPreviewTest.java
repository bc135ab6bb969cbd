package org.twinlab.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;

/** An edited binding's value before it is saved: from its own signal, or from the signal another property of the twin reads. */
class BindingPreviewTest {
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  private static final Map<String, String> CONNECTIONS = Map.of("plc-1", "opcua");
  private static final BindingSet IN_FORCE = load("""
      twin: tank-1
      model: tank-process
      bindings:
        - {property: tank.level, connection: plc-1, address: 'ns=3;i=1000', transform: {scale: 0.5}}
        - {property: pid.setpoint, connection: plc-1, address: 'ns=3;i=1002', transform: {scale: 2, offset: -1}}
      """);
  private static final Map<String, Object> NOW = Map.of("tank.level", 0.25, "pid.setpoint", 3.0);

  private static BindingSet load(String yaml) {
    try {
      return BindingLoader.load("tank-1.yaml", yaml, TANK, CONNECTIONS);
    } catch (org.twinlab.models.yaml.InvalidInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Binding edited(String yamlBinding) {
    return load("twin: tank-1\nmodel: tank-process\nbindings:\n  - " + yamlBinding + "\n").bindings().get(0);
  }

  @Test
  void theSameSignalIsMappedThroughTheEditedTransform() {
    BindingPreview p = BindingPreview.of(edited("{property: tank.level, connection: plc-1, address: 'ns=3;i=1000', transform: {scale: 0.25}}"),
        IN_FORCE, NOW::get);
    assertThat(((Number) p.raw()).doubleValue()).isEqualTo(0.5);
    assertThat(((Number) p.value()).doubleValue()).isEqualTo(0.125);
    assertThat(p.note()).isEqualTo("from the current reading");
  }

  @Test
  void anAddressAnotherPropertyReadsShowsItsValueBeforeSaving() {
    // the setpoint shows 3.0 through scale 2, offset -1: its raw value is 2.0
    BindingPreview p = BindingPreview.of(edited("{property: tank.level, connection: plc-1, address: 'ns=3;i=1002'}"), IN_FORCE, NOW::get);
    assertThat(((Number) p.raw()).doubleValue()).isEqualTo(2.0);
    assertThat(((Number) p.value()).doubleValue()).isEqualTo(2.0);
    assertThat(p.note()).contains("pid.setpoint");
  }

  @Test
  void aSignalNoBindingReadsWaitsForTheSave() {
    BindingPreview p = BindingPreview.of(edited("{property: tank.level, connection: plc-1, address: 'ns=3;i=4242'}"), IN_FORCE, NOW::get);
    assertThat(p.value()).isNull();
    assertThat(p.note()).contains("save to see its value");
  }

  @Test
  void noReadingYetSaysSo() {
    BindingPreview p = BindingPreview.of(edited("{property: tank.level, connection: plc-1, address: 'ns=3;i=1002'}"), IN_FORCE, k -> null);
    assertThat(p.value()).isNull();
    assertThat(p.note()).isEqualTo("no reading yet");
  }
}
