package org.twinlab.scenarios.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
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
    assertThat(c.title()).isEqualTo("Start, pause and stop the digital-twin application");
    assertThat(c.function().key()).isEqualTo("operation");
    assertThat(c.function().weight()).isEqualTo(45);
    // the same function has another number at level 3
    assertThat(dt.clause("4-04-05-10 L3 4.2.1").orElseThrow().function().key()).isEqualTo("operation");
    assertThat(dt.clause("4-04-05-10 L3 2.1.2").orElseThrow().title()).contains("OPC UA, MQTT");
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
              - {code: 2.1.1, en: Orphan}
        """;
    assertThatThrownBy(() -> StandardLoader.load("x.yaml", new StringReader(yaml)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("x.yaml:6:7: levels[0].functions: weights add up to 40, not 100")
        .hasMessageContaining("level 5 has no function 2");
  }
}
