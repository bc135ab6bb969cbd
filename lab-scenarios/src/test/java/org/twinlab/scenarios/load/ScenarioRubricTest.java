package org.twinlab.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.twinlab.models.Localized;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.JudgementEvidence;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.StandardLoader;

/** A judged check's rubric: a descriptor of every mark in both languages, or the file is refused at the place. */
class ScenarioRubricTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader(StandardLoader.digitalTwinTechnician());

  private static final String JUDGED = """
      scenario: rubric-check
      title: {en: Rubrics, zh: 评分细则}
      level: 4
      skill: debug
      clauses: ["4-04-05-10 L4 1.1.2"]
      rig: tank-process
      time_limit: 10m
      tasks:
        - id: fix
          prompt: {en: Fix the scale and record it, zh: 修复量程并记录}
          checks:
            - id: record-filed
              measure: "eventually action.report after first action.binding_edit"
            - id: record-explains
              judge: {en: The record explains the symptom and its cause, zh: 记录说明现象及原因}
              rubric:
                0: {en: "No record, or it names no symptom", zh: 无记录或未说明现象}
                1: {en: The symptom only, zh: 仅有现象}
                2: {en: The symptom and a cause without evidence, zh: 现象及无依据的原因}
                3: {en: "The symptom, the cause and the evidence", zh: 现象、原因及依据}
              points: 2
        - id: tell
          prompt: {en: Tell the shift, zh: 告知班组}
          checks:
            - id: told
              judge: {en: The shift is told, zh: 已告知班组}
              rubric:
                0: {en: Not told, zh: 未告知}
                1: {en: Told late, zh: 告知较晚}
                2: {en: Told without the cause, zh: 告知但无原因}
                3: {en: Told with the cause, zh: 告知并说明原因}
              evidence: [report, write]
      reference:
        - {at: 1m, do: binding_edit, with: {property: tank.level, connection: plc, address: "ns=2;s=Level"}}
        - {at: 2m, do: report, with: {text: wrong range}}
      judgements: {record-explains: 3, told: 3}
      """;

  @Test
  void aRubricGivesEveryMarkItsDescriptorInBothLanguages() throws Exception {
    Scenario s = LOADER.load("ok.yaml", new StringReader(JUDGED));
    CheckDef judged = s.checks().stream().filter(c -> c.id().equals("record-explains")).findFirst().orElseThrow();
    assertThat(judged.judge()).contains(new Localized("The record explains the symptom and its cause", "记录说明现象及原因"));
    assertThat(judged.rubric()).get().satisfies(r -> {
      assertThat(r.descriptor(0)).isEqualTo(new Localized("No record, or it names no symptom", "无记录或未说明现象"));
      assertThat(r.descriptor(3).en()).isEqualTo("The symptom, the cause and the evidence");
      assertThat(r.descriptors()).hasSize(4);
    });
    assertThat(s.checks().get(0).rubric()).as("a measurement has none").isEmpty();
  }

  @Test
  void aJudgementIsMarkedOnWhatItsTaskRewardsUnlessItNamesItsEvidence() throws Exception {
    Scenario s = LOADER.load("ok.yaml", new StringReader(JUDGED));
    assertThat(JudgementEvidence.kinds(s, "record-explains")).containsExactly("report", "binding_edit");
    assertThat(JudgementEvidence.kinds(s, "told")).containsExactly("report", "write");
    String unnamed = JUDGED.replace("        evidence: [report, write]\n", "");
    assertThat(JudgementEvidence.kinds(LOADER.load("ok.yaml", new StringReader(unnamed)), "told"))
        .as("a task that measures no action: what the reference solution does").containsExactly("binding_edit", "report");
    String narrow = JUDGED.replace("- {at: 2m, do: report, with: {text: wrong range}}", "- {at: 2m, do: report, with: {text: wrong range}}\n  - {at: 3m, do: alarm_ack, with: {alarm: level_high}}");
    assertThat(JudgementEvidence.kinds(LOADER.load("ok.yaml", new StringReader(narrow)), "record-explains"))
        .as("what the task looks for, then what the reference solution does").containsExactly("report", "binding_edit", "alarm_ack");
  }

  @Test
  void aMissingMarkIsRefusedAtTheRubricWithItsField() {
    InvalidInputException refused = refused(JUDGED.replace("          2: {en: The symptom and a cause without evidence, zh: 现象及无依据的原因}\n", ""));
    assertThat(refused.problems()).extracting(p -> p.location().line() + ":" + p.location().column(), Problem::field)
        .containsExactly(tuple("17:11", "tasks[0].checks[1].rubric.2"));
    assertThat(refused.problems().get(0).message()).contains("descriptor of mark 2");
  }

  @Test
  void aMissingLanguageIsRefusedAtItsDescriptor() {
    InvalidInputException refused = refused(JUDGED.replace("{en: The symptom and a cause without evidence, zh: 现象及无依据的原因}",
        "{en: The symptom and a cause without evidence}"));
    assertThat(refused.problems()).extracting(p -> p.location().line() + ":" + p.location().column(), Problem::field)
        .containsExactly(tuple("19:14", "tasks[0].checks[1].rubric.2.zh"));
  }

  @Test
  void aJudgedCheckWithoutRubricAMarkBeyondTheScaleAndAnUnknownEvidenceKindAreEachRefused() {
    String rubric = JUDGED.substring(JUDGED.indexOf("        rubric:\n          0: {en: \"No record"), JUDGED.indexOf("        points: 2\n"));
    String text = JUDGED.replace(rubric, "")
        .replace("3: {en: Told with the cause, zh: 告知并说明原因}", "3: {en: Told with the cause, zh: 告知并说明原因}\n          4: {en: More, zh: 更多}")
        .replace("evidence: [report, write]", "evidence: [report, wirte]");
    InvalidInputException refused = refused(text);
    assertThat(refused.problems()).extracting(p -> p.location().line() + ":" + p.location().column(), Problem::field)
        .containsExactlyInAnyOrder(
            tuple("14:9", "tasks[0].checks[1].rubric"),
            tuple("27:11", "tasks[1].checks[0].rubric.4"),
            tuple("28:28", "tasks[1].checks[0].evidence[1]"));
    assertThat(refused.problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("gives its rubric"))
        .anySatisfy(m -> assertThat(m).contains("unknown field"))
        .anySatisfy(m -> assertThat(m).contains("no action 'wirte'").contains("did you mean 'write'"));
  }

  @Test
  void aMeasurementHasNoRubric() {
    String text = JUDGED.replace("measure: \"eventually action.report after first action.binding_edit\"",
        "measure: \"eventually action.report after first action.binding_edit\"\n        rubric: {0: {en: a, zh: a}}");
    InvalidInputException refused = refused(text);
    assertThat(refused.problems()).extracting(p -> p.location().line() + ":" + p.location().column(), Problem::field, Problem::message)
        .containsExactly(tuple("14:17", "tasks[0].checks[0].rubric",
            "rubric: belongs to a judged check (judge: {en, zh}); a measurement is judged by the engine"));
  }

  private static InvalidInputException refused(String text) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> LOADER.load("bad.yaml", new StringReader(text)));
    assertThat(e).as("the loader refuses the file").isNotNull();
    return e;
  }
}
