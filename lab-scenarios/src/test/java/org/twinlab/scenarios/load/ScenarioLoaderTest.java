package org.twinlab.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void aFaultTakesOnlyItsKindsParameterWithinWhatTheRigCanInject() throws Exception {
    String text = """
        scenario: l4-operate-faults
        title: {en: Faults, zh: 故障}
        level: 4
        skill: operate
        clauses: ["4-04-05-10 L4 3.1.2"]
        rig: tank-process
        time_limit: 10m
        faults:
          - {id: stuck, kind: stuck_at, target: tank.level, value: 240, stddev: 2, at: 1m}
          - {id: jam, kind: actuator_jam, target: pump, value: 3, at: 1m}
          - {id: noisy, kind: noise, target: flow.rate, stddev: -1, at: 1m}
          - {id: gone, kind: dropout, target: flow.rate, probability: 1.5, at: 1m}
          - {id: high, kind: offset, target: tank.level, offset: ten, at: 1m}
          - {id: fine, kind: drift, target: tank.level, per_second: -0.5, at: 1m}
        tasks:
          - {id: t, prompt: {en: p, zh: p}, checks: [{id: c, measure: "eventually alarm.level_high"}]}
        reference:
          - {at: 1m, do: emergency_stop}
        """;
    List<String> found = problems(text);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:9:").contains("a stuck_at fault takes value, not stddev"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:10:").contains("an actuator_jam").doesNotContain("a actuator_jam")
        .contains("no value"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:11:").contains("stddev is 0 or more"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:12:").contains("a probability is 0 to 1"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:13:").contains("offset is a number"));
    assertThat(found).noneSatisfy(p -> assertThat(p).startsWith("bad.yaml:14:"));
    assertThat(found).hasSize(5);
  }

  @Test
  void aMisspeltNameInAReferenceWriteATestCaseAndAFilterIsEachRefusedAtItsPlace() throws Exception {
    Path file = Path.of("src/test/resources/invalid/l5-typos-tank.yaml");
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> LOADER.load(file));
    assertThat(refused).as("the loader refuses the file").isNotNull();
    assertThat(refused.problems()).extracting(p -> p.location().line() + ":" + p.location().column(), Problem::field, Problem::message)
        .containsExactlyInAnyOrder(
            tuple("21:52", "tasks[0].checks[0].measure",
                "the tank-process model has no property 'pid.setpiont' (did you mean 'pid.setpoint'?)"),
            tuple("28:42", "reference[0].with.property",
                "the tank-process model has no property 'pid.setpiont' (did you mean 'pid.setpoint'?)"),
            tuple("36:18", "reference[1].with.cases[0].then",
                "the tank-process model has no property 'tank.levle' (did you mean 'tank.level'?)"));
    assertThat(refused.problems()).allSatisfy(p -> assertThat(p.location().source()).isEqualTo(file.toString()));
    String fixed = Files.readString(file).replace("setpiont", "setpoint").replace("levle", "level");
    assertThat(LOADER.load("fixed.yaml", new StringReader(fixed)).reference()).as("nothing else is wrong with it").hasSize(2);
  }

  @Test
  void aTestSetUpsFilterPerProbeNamesAPropertyOfTheStationAndTrueOrFalse() {
    // mirrors.<property> is recorded per probe, so only the station's properties make an attribute
    String text = station(String.join("\n",
        "      - {id: c1, measure: \"eventually action.test_setup[mirrors.tank.levle=true]\"}",
        "      - {id: c2, measure: \"eventually action.test_setup[mirrors.tank.level=yes]\"}",
        "      - {id: c3, measure: \"eventually action.test_setup[mirrors.tank.level=true, missed=0, connects=true]\"}",
        "      - {id: c4, measure: \"eventually action.perf_script[detects.added_latency=true, measured_ms.throttled_sampling>100]\"}"), "");
    List<String> found = problems(text);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:14:").contains("no property 'tank.levle' (did you mean 'tank.level'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:15:").contains("'yes' is not whether the probe mirrors the rig"));
    assertThat(found).as("two problems in c1 and c2, none in c3 and c4").filteredOn(p -> p.contains("measure")).hasSize(2);
  }

  @Test
  void aFilterTestsOnlyAttributesItsEventHasAndNamesOnlyWhatTheStationHas() {
    String text = station(String.join("\n",
        "      - {id: c1, measure: \"eventually action.write[propery=pid.setpoint]\"}",
        "      - {id: c2, measure: \"eventually action.command[command=panel.emergency_stpo]\"}",
        "      - {id: c3, measure: \"eventually action.alarm_ack[alarm=level_hihg] or action.report[alarm_code=overheat]\"}",
        "      - {id: c4, measure: \"eventually fault.jam[phase=clear]\"}",
        "      - {id: c5, measure: \"eventually action.test_suite[detects.slow_updates=true, detects.wrong_scale=yes]\"}",
        "      - {id: c6, measure: \"eventually action.deploy[model=motor-vibration]\"}",
        "      - {id: c7, measure: \"eventually action.export[properties contains tank.levle, format=csv]\"}",
        "      - {id: c8, measure: \"eventually action.report[cause contains pump, text contains 480, who!=examiner]\"}"), "");
    List<String> found = problems(text);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:14:52: tasks[0].checks[0].measure:")
        .contains("action.write has no attribute 'propery' (did you mean 'property'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:15:62: tasks[0].checks[1].measure:")
        .contains("no command 'panel.emergency_stpo' (did you mean 'panel.emergency_stop'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:16:62:").contains("no alarm 'level_hihg' (did you mean 'level_high'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:16:102:").contains("no alarm 'overheat'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:17:55:")
        .contains("'clear' is not a fault's phase").contains("injected, cleared"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:18:57:")
        .contains("no attribute 'detects.slow_updates' (did you mean 'detects.slow_update'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:18:104:").contains("'yes' is not whether the suite detects"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:19:59:").contains("'motor-vibration' is not a rig of this station"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:20:73:").contains("no property 'tank.levle'"));
    assertThat(found).as("nine problems in c1 to c7, none in c8").filteredOn(p -> p.contains("measure")).hasSize(9);
  }

  @Test
  void aReferenceStepGivesOnlyFieldsItsActionTakesAndNamesOnlyWhatTheStationHas() {
    String text = station("      - {id: c1, measure: \"eventually action.report\"}", String.join("\n",
            "  - {at: 1m, do: command, with: {command: panel.rest}}",
            "  - {at: 2m, do: alarm_ack, with: {alarm: level_hgh}}",
            "  - {at: 3m, do: write, with: {property: tank.level, value: 3}}",
            "  - {at: 4m, do: write, with: {property: pid.mode, value: automatic}}",
            "  - {at: 5m, do: write, with: {property: pid.setpoint, vlaue: 600}}",
            "  - {at: 6m, do: report, with: {alarm_code: level_hihg, text: high}}",
            "  - {at: 7m, do: write, with: {property: pid.setpoint, value: 500.5}}",
            "  - at: 8m",
            "    do: test_suite",
            "    with:",
            "      cases:",
            "        - {given: {pid.setpiont: 300}, then: \"twin.tank.level > 280\", settle: 150 s}",
            "        - {when: {write: {property: inlet_valve.opn, value: false}}, then: \"rig.flow.rate < 0.5\"}",
            "        - {when: {command: panel.emergency_stp}, then: \"alarm.estop\", expect: pass}",
            "  - {at: 9m, do: write}"));
    List<String> found = problems(text);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:17:43: reference[1].with.command:")
        .contains("no command 'panel.rest' (did you mean 'panel.reset'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:18:43: reference[2].with.alarm:")
        .contains("no alarm 'level_hgh' (did you mean 'level_high'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:19:61: reference[3].with.value:")
        .contains("'tank.level' is read from the rig; it cannot be written"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:20:59: reference[4].with.value:")
        .contains("'pid.mode' takes one of auto, manual"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:21:31: reference[5].with.value:").contains("required"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:21:56: reference[5].with.vlaue:").contains("unknown field"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:22:45: reference[6].with.alarm_code:")
        .contains("no alarm 'level_hihg'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:23:63: reference[7].with.value:")
        .contains("500.5 is outside pid.setpoint's range 0.0..500.0"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:31:5: reference[9]:").contains("a write needs with: {property, value}"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:28:34: reference[8].with.cases[0].given.pid.setpiont:")
        .contains("no property 'pid.setpiont' (did you mean 'pid.setpoint'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:28:79: reference[8].with.cases[0].settle:")
        .contains("a duration such as 5s or 2m"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:29:37: reference[8].with.cases[1].when.write.property:")
        .contains("no property 'inlet_valve.opn' (did you mean 'inlet_valve.open'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:29:77: reference[8].with.cases[1].then:")
        .contains("a test reads what the twin shows"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:30:28: reference[8].with.cases[2].when.command:")
        .contains("no command 'panel.emergency_stp'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:30:71: reference[8].with.cases[2].expect:").contains("unknown field"));
  }

  @Test
  void modelWorkStepsNameTheStationsPropertiesAndAModelImportGivesItsFile() {
    String text = station("      - {id: c1, measure: \"eventually action.model_import[integrates=true, parameters_right=true]\"}", String.join("\n",
        "  - {at: 2m, do: model_import, with: {text: 'model: tank-process'}, task: t1}",
        "  - {at: 3m, do: mapping_test, with: {cases: [{when: {write: {property: pid.setpiont, value: 300}}, property: tank.levle}]}, task: t1}",
        "  - {at: 4m, do: parameter_reading, with: {readings: {tank.level: 300, pump.sped: 20}}, task: t1}"));
    List<String> found = problems(text);
    assertThat(found).containsExactlyInAnyOrder(
        "bad.yaml:17:38: reference[1].with.file: required field is missing",
        "bad.yaml:18:73: reference[2].with.cases[0].when.write.property: the tank-process model has no property 'pid.setpiont' (did you mean 'pid.setpoint'?)",
        "bad.yaml:18:111: reference[2].with.cases[0].property: the tank-process model has no property 'tank.levle' (did you mean 'tank.level'?)",
        "bad.yaml:19:83: reference[3].with.readings.pump.sped: the tank-process model has no property 'pump.sped' (did you mean 'pump.speed'?)");
  }

  @Test
  void aTestDataStepNamesANumericPropertyAndWhereItsDataCameFrom() {
    String text = station("      - {id: c1, measure: \"eventually action.test_data[matches.mean=true, dirty=true]\"}", String.join("\n",
        "  - {at: 2m, do: test_data, with: {property: pump.running, from: -1m, to: now, source: cloud, samples: 3}, task: t1}",
        "  - {at: 3m, do: test_data, with: {property: tank.level, from: -1m, source: online, mean: 300}, task: t1}"));
    List<String> found = problems(text);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:17:46: reference[1].with.property:")
        .contains("'pump.running' is not numeric"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:17:88: reference[1].with.source:").contains("online or offline"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:18:35: reference[2].with.to:").contains("required"));
    assertThat(found).noneMatch(p -> p.contains("measure"));
  }

  @Test
  void aGuardNamesTheWorkItGuardsAndAStepNamesItsTask() {
    String text = station(String.join("\n",
            "      - {id: c1, measure: \"eventually action.report\"}",
            "      - {id: c2, measure: \"never rig.tank.level > 490\", guards: c11}",
            "      - {id: c3, measure: \"never rig.tank.level > 495\", guards: c3}",
            "      - {id: c4, measure: \"never rig.tank.level > 499\", guards: c5}",
            "      - {id: c5, measure: \"eventually action.report[cause_category=sensr]\", guards: c4}"),
        String.join("\n",
            "  - {at: 2m, do: report, with: {cause_category: actuatr, property: tank.levl, value: high}, task: t2}",
            "  - {at: 3m, do: report, with: {cause_category: sensor, property: tank.level, value: 480}, task: t1}"));
    List<String> found = problems(text);
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:15:65: tasks[0].checks[1].guards:")
        .contains("no check 'c11' in this scenario (did you mean 'c1'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:16:65: tasks[0].checks[2].guards:").contains("a check cannot guard itself"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:17:65: tasks[0].checks[3].guards:")
        .contains("guards go round in a circle, so none of them could earn: c4 → c5 → c4"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:18:68: tasks[0].checks[4].measure:").contains("'sensr' is not a cause category (did you mean 'sensor'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:21:49: reference[1].with.cause_category:")
        .contains("'actuatr' is not a cause category (did you mean 'actuator'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:21:68: reference[1].with.property:")
        .contains("no property 'tank.levl'"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:21:86: reference[1].with.value:")
        .contains("a report's value is the number it quotes"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:21:99: reference[1].task:")
        .contains("no task 't2' in this scenario (did you mean 't1'?) (t1)"));
    assertThat(found).noneMatch(p -> p.contains("reference[2]"));
  }

  @Test
  void anUpgradeNamesTheVersionItInstallsAndItsFromAndToAreFilters() {
    List<String> found = problems(station(
        "      - {id: c1, measure: \"eventually action.upgrade[to=2] and not action.rollback[form=2]\"}",
        String.join("\n", "  - {at: 2m, do: upgrade, task: t1}", "  - {at: 3m, do: upgrade, with: {version: 2.5}, task: t1}",
            "  - {at: 4m, do: upgrade, with: {version: \"3\"}, task: t1}", "  - {at: 5m, do: rollback, task: t1}")));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:14:84: tasks[0].checks[0].measure:").contains("action.rollback has no attribute 'form'")
        .contains("(did you mean 'from'?)"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:17:5: reference[1]:").contains("an upgrade needs with: {version}"));
    assertThat(found).anySatisfy(p -> assertThat(p).startsWith("bad.yaml:18:43: reference[2].with.version:")
        .contains("a package version"));
    assertThat(found).noneMatch(p -> p.contains("reference[3]") || p.contains("reference[4]"));
  }

  private static final String FILTERS = """
      scenario: filters
      title: {en: Filters, zh: 过滤}
      level: 4
      skill: operate
      clauses: ["4-04-05-10 L4 3.1.2"]
      rig: tank-process
      time_limit: 10m
      faults:
        - {id: jam, kind: actuator_jam, target: pump, at: 1m}
      tasks:
        - id: t1
          prompt: {en: Do it, zh: 做}
          checks:
      CHECKS
      reference:
        - {at: 1m, do: report, with: {text: done}}
      STEPS
      """;

  /** A tank station with these checks and, after a report, these reference steps. */
  private static String station(String checks, String steps) {
    return FILTERS.replace("CHECKS", checks).replace("STEPS", steps);
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

  @Test
  void anArtefactsChecksReadItsOwnSectionsAndFiguresAndItsKindIsOneThereIs() throws Exception {
    String fine = station("      - {id: c1, measure: \"eventually action.artefact[kind=procedure, figures.level_high_mm=450, "
        + "sections.alarms contains 450, headings contains alarms, words>=100, quoted contains level_high_mm]\"}",
        "  - {at: 1m, do: artefact, with: {kind: procedure, title: Procedure, sections: {alarms: text}, figures: {level_high_mm: 450}}}");
    assertThat(LOADER.load("fine.yaml", new StringReader(fine)).reference()).last()
        .satisfies(r -> assertThat(r.action()).isEqualTo("artefact"));
    List<String> found = problems(station(String.join("\n",
        "      - {id: c1, measure: \"eventually action.artefact[kind=memo]\"}",
        "      - {id: c2, measure: \"eventually action.artefact[figure.level=3, sections.Alarms contains x]\"}"),
        "  - {at: 1m, do: artefact, with: {kind: memo, text: x}}"));
    assertThat(found).anySatisfy(p -> assertThat(p).contains("'memo' is not an artefact's kind").contains("plan, procedure"));
    assertThat(found).anySatisfy(p -> assertThat(p).contains("action.artefact has no attribute 'figure.level'")
        .endsWith("who, rig, sections.<name>, figures.<name>"));
    assertThat(found).anySatisfy(p -> assertThat(p).contains("action.artefact has no attribute 'sections.Alarms'"));
    assertThat(found).anySatisfy(p -> assertThat(p).contains("reference[1].with.kind").contains("'memo' is not an artefact's kind"));
    assertThat(found).anySatisfy(p -> assertThat(p).contains("reference[1].with").contains("title"));
  }

  private static List<String> problems(String text) {
    try {
      LOADER.load(text.startsWith("scenario: joint") ? "joint.yaml" : "bad.yaml", new StringReader(text));
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
