package org.twinlab.scenarios.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.models.yaml.InvalidInputException;

class StandardLoaderTest {
  private final Standard dt = StandardLoader.digitalTwinTechnician();

  @Test
  void everyLevelsWeightsAddUpTo100() {
    for (Level l : Level.values()) {
      assertThat(dt.functions(l).stream().mapToInt(SkillFunction::weight).sum()).as(l.name()).isEqualTo(100);
    }
  }

  @Test
  void citationsResolveToTheirFunction() {
    Clause c = dt.clause("4-04-05-10 L5 3.1.3").orElseThrow();
    assertThat(c.title().en()).isEqualTo("Start, pause and stop the digital-twin application");
    // in Chinese, the standard's own words of the skill requirement (003 §3.1)
    assertThat(c.title().zh()).isEqualTo("能操控数字孪生应用，进行启动、暂停和停止");
    assertThat(c.function().key()).isEqualTo("operation");
    assertThat(c.function().weight()).isEqualTo(45);
    // the same function has another number at level 3
    assertThat(dt.clause("4-04-05-10 L3 4.2.1").orElseThrow().function().key()).isEqualTo("operation");
    assertThat(dt.clause("4-04-05-10 L3 2.1.2").orElseThrow().title().en()).contains("OPC UA, MQTT");
  }

  @Test
  void levels2And1HoldEverySkillOfTheStandardWithItsFunctionsAndWeights() {
    // 003 §3.4 and §3.5: 13 work items with 37 skills at level 2, 9 with 27 at level 1
    assertThat(dt.clauses(Level.L2)).hasSize(37);
    assertThat(dt.clauses(Level.L1)).hasSize(27);
    assertThat(workItems(Level.L2)).containsExactly("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "6.1", "6.2");
    assertThat(workItems(Level.L1)).containsExactly("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2");
    for (Level l : Level.values()) {
      assertThat(dt.clauses(l)).as(l.name()).allSatisfy(c -> assertThat(c.code()).matches("\\d\\.\\d\\.\\d"));
    }
    // §4.2, the skill-requirement weight table
    assertThat(dt.functions(Level.L2)).extracting(f -> f.name().zh() + " " + f.weight()).containsExactly(
        "应用方案规划 20", "应用开发 25", "应用测试 15", "应用操作 20", "技术管理 10", "培训指导 10");
    assertThat(dt.functions(Level.L1)).extracting(f -> f.name().zh() + " " + f.weight()).containsExactly(
        "应用方案规划 30", "应用开发 25", "技术管理 25", "培训指导 20");
    assertThat(dt.functions(Level.L2).get(0).name().en()).isEqualTo("Application solution planning");
    assertThat(dt.functions(Level.L1).get(2).name().en()).isEqualTo("Technical management");
    assertThat(dt.clause("4-04-05-10 L2 6.2.3").orElseThrow().function().key()).isEqualTo("training");
    assertThat(dt.clause("4-04-05-10 L1 2.2.5").orElseThrow().title().en()).isEqualTo("Manage model versions");
    // every clause of every level has the standard's Chinese text: a skill requirement starts 能 (can)
    for (Level l : Level.values()) {
      assertThat(dt.clauses(l)).as(l.name()).allSatisfy(c -> assertThat(c.title().zh()).startsWith("能"));
    }
    assertThat(dt.explain("4-04-05-10 L1 2.1")).contains("level 1 of 4-04-05-10 has no clause 2.1");
  }

  private List<String> workItems(Level level) {
    return dt.clauses(level).stream().map(c -> c.code().substring(0, c.code().lastIndexOf('.'))).distinct().toList();
  }

  @Test
  void badCitationsSayWhy() {
    assertThat(dt.explain("4-04-05-10 L5 9.9.9")).contains("level 5 of 4-04-05-10 has no clause 9.9.9");
    assertThat(dt.explain("L5 3.1.3")).get().asString().contains("is not a clause reference");
    assertThat(dt.explain("4-04-05-10 L4 3.1.2")).isEmpty();
  }

  @Test
  void aStandardWhoseWeightsDoNotAddUpIsRejectedAtItsLine() {
    String yaml = """
        code: x
        name: {en: X, zh: X}
        levels:
          - level: 5
            functions:
              - {number: 1, key: a, weight: 40, name: {en: A, zh: A}}
            clauses:
              - {code: 2.1.1, en: Orphan, zh: 能}
        """;
    assertThatThrownBy(() -> StandardLoader.load("x.yaml", new StringReader(yaml)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("x.yaml:6:7: levels[0].functions: weights add up to 40, not 100")
        .hasMessageContaining("level 5 has no function 2");
  }
}
