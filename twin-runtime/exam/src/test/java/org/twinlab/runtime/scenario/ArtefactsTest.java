package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.VirtualRun;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.model.Setup;

class ArtefactsTest {
  private static final String WRITTEN = "Press the emergency stop on overflow risk and reset it only once the cause is cleared.";

  private static Map<String, Object> procedure() {
    Map<String, Object> sections = new LinkedHashMap<>();
    sections.put("emergency", WRITTEN);
    sections.put("alarms", "see above"); // a heading with a line under it: a token
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("level_high_mm", 450);
    figures.put("ratio", 0.3);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("kind", "procedure");
    f.put("title", "Tank station operating procedure");
    f.put("sections", sections);
    f.put("figures", figures);
    return f;
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> f = procedure();
    f.put(field, value);
    return f;
  }

  private static String refusedField(Map<String, Object> fields) {
    try {
      Artefacts.validate(fields);
    } catch (TwinRequestException e) {
      return e.field();
    }
    throw new AssertionError("accepted " + fields);
  }

  @Test
  void anArtefactIsMeasuredWordsWrittenSectionsAndFiguresQuoted() {
    ActionOutcome o = Artefacts.submit(procedure());
    assertThat(o.accepted()).isTrue();
    assertThat(o.result()).containsEntry("headings", "emergency").containsEntry("quoted", "level_high_mm,ratio")
        .containsEntry("words", Integer.toString(16 + 2));
  }

  @Test
  void aChineseCharacterCountsAsAWord() {
    assertThat(Artefacts.words("液位高于450 mm时急停")).isEqualTo(4 + 1 + 1 + 3);
    Map<String, Object> f = with("sections", Map.of("alarms", "液位高于四百五十毫米时按下急停按钮"));
    assertThat(Artefacts.submit(f).result()).containsEntry("headings", "alarms");
  }

  @Test
  void aMalformedArtefactIsRefusedNamingTheField() {
    assertThat(refusedField(with("kind", "memo"))).isEqualTo("kind");
    assertThat(refusedField(with("title", " "))).isEqualTo("title");
    assertThat(refusedField(with("title", "t".repeat(201)))).isEqualTo("title");
    assertThat(refusedField(with("author", "me"))).isEqualTo("author");
    assertThat(refusedField(with("text", 3))).isEqualTo("text");
    assertThat(refusedField(with("text", "x".repeat(20_001)))).isEqualTo("text");
    assertThat(refusedField(with("sections", List.of("a")))).isEqualTo("sections");
    assertThat(refusedField(with("sections", Map.of("Alarms", WRITTEN)))).isEqualTo("sections.Alarms");
    assertThat(refusedField(with("sections", Map.of("a.b", WRITTEN)))).as("a name posing as another attribute").isEqualTo("sections.a.b");
    assertThat(refusedField(with("sections", Map.of("alarms", 4)))).isEqualTo("sections.alarms");
    assertThat(refusedField(with("sections", Map.of("alarms", "x".repeat(8_001))))).isEqualTo("sections.alarms");
    assertThat(refusedField(with("figures", Map.of("level_high_mm", "450")))).isEqualTo("figures.level_high_mm");
    assertThat(refusedField(with("figures", Map.of("level", Double.NaN)))).isEqualTo("figures.level");
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i < 51; i++) many.put("f" + i, i);
    assertThat(refusedField(with("figures", many))).isEqualTo("figures");
    Map<String, Object> empty = procedure();
    empty.remove("sections");
    assertThat(refusedField(empty)).as("no text and no sections").isEqualTo("text");
  }

  @Test
  void theSimulatedStationTakesItAndRefusesAMalformedOneNamingTheField() throws Exception {
    SimulatedStation s = new SimulatedStation(ModelLibrary.loadBuiltIn("tank-process"), new VirtualTime(VirtualRun.EPOCH));
    s.prepare(new Setup(Map.of(), false, 3, "running", List.of()));
    assertThat(s.perform("cand", "artefact", procedure()).result()).containsEntry("headings", "emergency");
    ActionOutcome bad = s.perform("cand", "artefact", with("figures", Map.of("level_high_mm", "high")));
    assertThat(bad.accepted()).isFalse();
    assertThat(bad.detail()).startsWith("figures.level_high_mm: ");
    assertThatThrownBy(() -> Artefacts.validate(with("kind", null))).isInstanceOf(TwinRequestException.class);
  }
}
