package org.twinlab.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.scenarios.check.Check;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.Skill;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.StandardLoader;

class ScenarioLoaderTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader(StandardLoader.digitalTwinTechnician());
  private static final String OVERFLOW = "/scenarios/level-4/l4-operate-tank-overflow-estop.yaml";

  static Scenario builtIn(String resource) throws Exception {
    try (var r = new InputStreamReader(ScenarioLoaderTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return LOADER.load(resource, r);
    }
  }

  @Test
  void aLibraryScenarioLoadsWhole() throws Exception {
    Scenario s = builtIn(OVERFLOW);
    assertThat(s.id()).isEqualTo("l4-operate-tank-overflow-estop");
    assertThat(s.level()).isEqualTo(Level.L4);
    assertThat(s.skill()).isEqualTo(Skill.OPERATE);
    assertThat(s.clauses()).containsExactly("4-04-05-10 L4 3.1.2", "4-04-05-10 L4 3.2.2", "4-04-05-10 L4 3.2.3");
    assertThat(s.timeLimit()).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.passMark()).isEqualTo(60);
    assertThat(s.setup().rigWrites()).containsEntry("pid.setpoint", 300L);
    assertThat(s.faults()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("actuator_jam");
      assertThat(f.target()).isEqualTo("pump");
      assertThat(f.at()).contains(Duration.ofSeconds(5));
      assertThat(f.hidden()).isTrue();
    });
    assertThat(s.tasks()).hasSize(2);
    assertThat(s.checks()).extracting(CheckDef::kind).containsOnly(CheckDef.Kind.MEASUREMENT, CheckDef.Kind.JUDGEMENT);
    assertThat(s.checks().get(0).measure()).get().isInstanceOf(Check.Eventually.class);
    assertThat(s.reference()).hasSize(3);
    assertThat(s.judgements()).containsEntry("cause-explained", 3);
  }

  @Test
  void everyMistakeIsReportedAtItsLineAndColumn() {
    String text = """
        scenario: Bad Id
        title: {en: A broken scenario, zh: 坏场景}
        level: 4
        skill: operating
        clauses: ["4-04-05-10 L4 9.9.9", "4-04-05-10 L5 3.1.3"]
        rig: tank-process
        time_limit: soon
        faults:
          - {id: jam, kind: melt, target: tank.colour, at: 1m}
        tasks:
          - id: t1
            prompt: {en: Do it, zh: 做}
            checks:
              - {id: c1, measure: "eventually twin.tank.levle > 3 within 1m", points: 2}
              - {id: c2, measure: "eventually twin.tank.level > within 1m"}
              - {id: c3, measure: "eventually action.dance", judge: {en: x, zh: x}}
              - {id: c4, measure: "eventually fault.fire"}
        reference:
          - {at: 1m, do: dance}
        colour: blue
        """;
    List<String> found = problems(text);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:1:11").contains("not an id"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:4:8").contains("a skill is install"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:5:11").contains("has no clause 9.9.9"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:5:34").contains("is a level 5 clause"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:7:13").contains("a duration"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:9:").contains("a fault kind is one of"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:9:").contains("no property 'tank.colour'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:14:39").contains("no property 'tank.levle'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:15:57").contains("expected a value, found 'within'").doesNotContain("twin.tank.levle"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:16:").contains("either measure"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:16:39").contains("no action 'dance'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:17:39").contains("no fault 'fire'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:19:").contains("no action 'dance'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:20:1").contains("unknown field"));
  }

  @Test
  void aJointStationNamesItsRigsAndChecksReadBoth() throws Exception {
    Scenario s = builtIn("/scenarios/level-3/l3-debug-joint-tank-motor.yaml");
    assertThat(s.rigs()).containsExactly("tank-process", "motor-vibration");
    assertThat(s.rig()).isEqualTo("tank-process");
    assertThat(s.faults()).singleElement().satisfies(f -> assertThat(f.target()).isEqualTo("motor-vibration"));
  }

  @Test
  void rigsWhoseNamesClashCannotShareAStation() {
    String text = JOINT.replace("RIGS", "[tank-process, conveyor-sorting]");
    assertThat(problems(text)).anySatisfy(p -> assertThat(p).startsWith("joint.yaml:6:6")
        .contains("cannot share a station: both have a component 'panel'"));
  }

  @Test
  void aJointStationsMistakesNameEveryRig() {
    String text = JOINT.replace("RIGS", "[tank-process, motor-vibration, tank-process]")
        .replace("twin.motor.current", "twin.motor.speed");
    List<String> found = problems(text);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("joint.yaml:6:38").contains("'tank-process' is named twice"));
    String fixed = JOINT.replace("RIGS", "[tank-process, motor-vibration]").replace("twin.motor.current", "twin.motor.speed")
        .replace("target: motor-vibration", "target: conveyor-sorting");
    found = problems(fixed);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("joint.yaml:14:")
        .contains("the tank-process and motor-vibration models have no property 'motor.speed'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("joint.yaml:9:")
        .contains("a communication loss targets one of the station's rigs: tank-process, motor-vibration"));
  }

  private static final String JOINT = """
      scenario: joint
      title: {en: Joint, zh: 联调}
      level: 3
      skill: debug
      clauses: ["4-04-05-10 L3 1.1.3"]
      rig: RIGS
      time_limit: 10m
      faults:
        - {id: link, kind: communication_loss, target: motor-vibration, at: 1m}
      tasks:
        - id: t1
          prompt: {en: Do it, zh: 做}
          checks:
            - {id: c1, measure: "tracks twin.motor.current rig.motor.current within 1 for 1m"}
      reference:
        - {at: 1m, do: report, with: {text: done}}
      """;

  private static List<String> problems(String text) {
    try {
      LOADER.load(text.startsWith("scenario: joint") ? "joint.yaml" : "bad.yaml", new StringReader(text));
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
