package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

class ModelImportGraderTest {
  private final ModelImportGrader tank = new ModelImportGrader(ModelLibrary.loadBuiltIn("tank-process"));
  private final String source = ModelLibrary.builtInSource("tank-process");

  private ActionOutcome imported(String text) {
    return tank.grade(Map.of("file", "tank-process.yaml", "text", text));
  }

  private String with(String from, String to) {
    assertThat(source).contains(from);
    return source.replace(from, to);
  }

  @Test
  void theRigsOwnModelLoadsIsClassifiedIntegratesAndHasEveryParameter() {
    ActionOutcome o = imported(source);
    assertThat(o.result()).containsEntry("loaded", "true").containsEntry("problems", "0").containsEntry("model", "tank-process")
        .containsEntry("kind", "plc-station").containsEntry("kind_matches", "true").containsEntry("signals", "17")
        .containsEntry("bound", "17").containsEntry("integrates", "true").containsEntry("parameters_right", "true")
        .containsEntry("parameters_wrong", "");
    assertThat(o.result().get("parameters")).isEqualTo(o.result().get("parameters_matched"));
  }

  @Test
  void aModelThatDoesNotLoadComesBackWithEachProblemAtFileLineColumn() {
    ActionOutcome o = imported(with("kind: plc-station", "kind: plc-stattion").replace("{id: open, type: bool, writable: true",
        "{id: open, type: bool, writeable: true"));
    assertThat(o.accepted()).isTrue();
    assertThat(o.result()).containsEntry("loaded", "false").containsEntry("problems", "2").doesNotContainKey("integrates");
    assertThat(o.result().get("problem.1")).matches("tank-process\\.yaml:\\d+:\\d+: kind: .*");
    assertThat(o.result().get("problem.2")).matches("tank-process\\.yaml:\\d+:\\d+: components\\[1\\]\\.properties\\[0\\]\\.writeable: unknown field.*");
    assertThat(o.detail()).contains("does not load: 2 problems").contains(o.result().get("problem.1"));
  }

  @Test
  void aSensorNodeIsTheWrongObjectType() {
    ActionOutcome o = imported(with("kind: plc-station", "kind: sensor-node"));
    assertThat(o.result()).containsEntry("loaded", "true").containsEntry("kind", "sensor-node").containsEntry("kind_matches", "false");
  }

  @Test
  void aRangeOffTheDataSheetIsNamedAndTheModelStillIntegrates() {
    ActionOutcome o = imported(with("{id: rate, type: double, unit: L/min, range: [0, 30]", "{id: rate, type: double, unit: L/min, range: [0, 60]")
        .replace("{id: level, type: double, unit: mm, range: [0, 500]", "{id: level, type: double, unit: m, range: [0, 500]"));
    assertThat(o.result()).containsEntry("integrates", "true").containsEntry("parameters_right", "false")
        .containsEntry("parameters_wrong", "tank.level,flow.rate");
    assertThat(Integer.parseInt(o.result().get("parameters_matched"))).isEqualTo(Integer.parseInt(o.result().get("parameters")) - 2);
  }

  @Test
  void aModelWithoutASignalTheStationBindsOrWithAnotherTypeDoesNotIntegrate() {
    ActionOutcome o = imported(with("{id: open, type: bool, writable: true", "{id: open, type: int, writable: true"));
    assertThat(o.result()).containsEntry("loaded", "true").containsEntry("bound", "16").containsEntry("integrates", "false");
    ActionOutcome renamed = imported(with("model: tank-process", "model: my-tank"));
    assertThat(renamed.result()).containsEntry("bound", "17").containsEntry("integrates", "false");
  }

  @Test
  void aMalformedImportIsRefusedNamingTheField() {
    assertThatThrownBy(() -> tank.grade(Map.of("file", "tank.yaml")))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("text"));
    assertThatThrownBy(() -> tank.grade(Map.of("file", "../etc/tank.yaml", "text", source)))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("file"));
    assertThatThrownBy(() -> tank.grade(Map.of("file", "tank.yaml", "text", source, "integrates", "true")))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("integrates"));
    assertThatThrownBy(() -> tank.grade(Map.of("file", "tank.yaml", "text", "x".repeat(ModelImportGrader.MAX_CHARS + 1))))
        .isInstanceOf(TwinRequestException.class)
        .satisfies(e -> assertThat(((TwinRequestException) e).field()).isEqualTo("text"));
  }
}
