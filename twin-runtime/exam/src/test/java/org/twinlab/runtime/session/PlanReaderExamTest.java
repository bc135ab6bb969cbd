package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.runtime.auth.Account;
import org.twinlab.runtime.auth.Role;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamLibrary;
import org.twinlab.scenarios.exam.ExamLoader;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * Stations planned from a library exam: the exam is found (or its nearest name given), the twins
 * fit the exam's rigs, and the standard's examiner rule for a practical skill test is a refusal;
 * more than five candidates per examiner stays a warning, and the plan record keeps the exam.
 */
class PlanReaderExamTest {
  private static final Standard STANDARD = StandardLoader.digitalTwinTechnician();
  private static final List<Scenario> SCENARIOS = ScenarioLibrary.load(new ScenarioLoader(STANDARD));
  private static final Map<String, Exam> EXAMS = ExamLibrary.load(new ExamLoader(STANDARD, SCENARIOS)).stream()
      .collect(Collectors.toMap(Exam::id, Function.identity()));
  private static final Map<String, String> TWINS = Map.of("tank-1", "tank-process", "tank-2", "tank-process", "tank-3", "tank-process",
      "tank-4", "tank-process", "tank-5", "tank-process", "tank-6", "tank-process", "motor-1", "motor-vibration");

  private static Optional<Account> account(String name) {
    Role role = name.startsWith("exam") ? Role.EXAMINER : name.startsWith("cand") ? Role.CANDIDATE : null;
    return role == null ? Optional.empty() : Optional.of(new Account(name, role, name, "-", Instant.EPOCH));
  }

  private static SessionPlan read(JsonObject body) throws InvalidInputException {
    PlanReader.Lab lab = new PlanReader.Lab(id -> SCENARIOS.stream().filter(s -> s.id().equals(id)).findFirst(),
        id -> Optional.ofNullable(EXAMS.get(id)), () -> List.copyOf(EXAMS.keySet()), PlanReaderExamTest::account,
        t -> Optional.ofNullable(TWINS.get(t)), t -> false);
    return new PlanReader(lab).read(body, "generated");
  }

  private static JsonObject station(int n, String exam, String... examiners) {
    return new JsonObject().put("id", "s" + n).put("exam", exam).put("candidate", "cand" + n)
        .put("twins", new JsonArray().add("tank-" + n)).put("examiners", new JsonArray(List.of(examiners)));
  }

  private static JsonObject plan(JsonObject... stations) {
    return new JsonObject().put("id", "exam-day").put("stations", new JsonArray(List.of((Object[]) stations)));
  }

  private static List<Problem> refused(JsonObject body) {
    return catchThrowableOfType(() -> read(body), InvalidInputException.class).problems();
  }

  @Test
  void twoOrFourExaminersAtAnExamStationAreRefusedWithTheRuleNamed() {
    for (String[] examiners : List.of(new String[] {"exam1", "exam2"}, new String[] {"exam1", "exam2", "exam3", "exam4"})) {
      List<Problem> problems = refused(plan(station(1, "l5-exam-tank", examiners)));
      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("stations[0].examiners");
        assertThat(p.message()).startsWith("§1.9.3: an odd number of three or more examiners per candidate")
            .contains("(" + examiners.length + " named)");
      });
    }
  }

  @Test
  void oneExaminerNamedThreeTimesIsNotThreeExaminers() {
    List<Problem> problems = refused(plan(station(1, "l5-exam-tank", "exam1", "exam1", "exam1")));
    assertThat(problems).extracting(Problem::field).contains("stations[0].examiners[1]", "stations[0].examiners[2]", "stations[0].examiners");
    assertThat(problems).filteredOn(p -> p.field().equals("stations[0].examiners")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("(1 named)"));
  }

  @Test
  void threeExaminersAtAnExamStationAreAcceptedAndItIsPlannedAsOneStationPerPart() throws Exception {
    SessionPlan plan = read(plan(station(1, "l5-exam-tank", "exam1", "exam2", "exam3"),
        station(2, "l3-exam-tank", "exam1", "exam2", "exam3", "exam4", "exam5")));
    assertThat(plan.stations()).extracting(StationPlan::id).containsExactly("s1.1", "s1.2", "s1.3", "s2.1", "s2.2", "s2.3");
    StationPlan first = plan.stations().get(0);
    assertThat(first.exam()).isEqualTo("l5-exam-tank");
    assertThat(first.scenario()).isEqualTo("l5-monitor-tank-alarm-report");
    assertThat(first.examStation()).isEqualTo("s1");
    assertThat(first.sameExamAs(plan.stations().get(2))).isTrue();
    assertThat(first.sameExamAs(plan.stations().get(3))).isFalse();
    assertThat(plan.stations()).extracting(StationPlan::candidate).containsOnly("cand1", "cand2");
    assertThat(plan.warnings()).as("an exam's parts count as one station for its examiners").isEmpty();
    JsonObject record = plan.toJson();
    assertThat(record.getJsonArray("stations").getJsonObject(0).getString("exam")).isEqualTo("l5-exam-tank");
    assertThat(record.getJsonArray("stations").getJsonObject(0).getString("scenario")).isEqualTo("l5-monitor-tank-alarm-report");
    assertThat(SessionPlan.fromJson(new JsonObject(record.encode()))).isEqualTo(plan);
  }

  @Test
  void sixCandidatesForOneExaminerAreAWarningNotARefusal() throws Exception {
    JsonObject[] stations = IntStream.rangeClosed(1, 6).mapToObj(n -> station(n, "l5-exam-tank", "exam1", "exam" + (2 * n), "exam" + (2 * n + 1)))
        .toArray(JsonObject[]::new);
    SessionPlan plan = read(plan(stations));
    assertThat(plan.stations()).as("three parts each").hasSize(18);
    assertThat(plan.warnings()).containsExactly("examiner exam1 has 6 stations; at most 5 per examiner");
  }

  @Test
  void anUnknownExamIsRefusedWithTheNearestName() {
    assertThat(refused(plan(station(1, "l5-exam-tnak", "exam1", "exam2", "exam3")))).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("stations[0].exam");
      assertThat(p.message()).isEqualTo("no exam 'l5-exam-tnak' in the library (did you mean 'l5-exam-tank'?)");
    });
  }

  @Test
  void aStationSetsAScenarioOrAnExamExactlyOnceAndItsTwinsFitTheExamsRigs() {
    JsonObject both = station(1, "l5-exam-tank", "exam1", "exam2", "exam3").put("scenario", "l5-operate-start-pause-stop-tank");
    assertThat(refused(plan(both))).extracting(Problem::field).containsExactly("stations[0].exam");
    JsonObject neither = station(1, "l5-exam-tank", "exam1").copy();
    neither.remove("exam");
    assertThat(refused(plan(neither))).extracting(Problem::field).containsExactly("stations[0].exam");
    JsonObject motor = station(1, "l5-exam-tank", "exam1", "exam2", "exam3").put("twins", new JsonArray().add("motor-1"));
    assertThat(refused(plan(motor))).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("stations[0].twins[0]");
      assertThat(p.message()).isEqualTo("motor-1 is a motor-vibration; l5-exam-tank needs a tank-process");
    });
  }

  @Test
  void aScenarioStationKeepsTodaysWarningsAndAnOldPlanRecordStillReads() throws Exception {
    JsonObject scenario = new JsonObject().put("id", "s1").put("scenario", "l5-operate-start-pause-stop-tank").put("candidate", "cand1")
        .put("twins", new JsonArray().add("tank-1")).put("examiners", new JsonArray().add("exam1").add("exam2"));
    SessionPlan plan = read(plan(scenario));
    assertThat(plan.warnings()).containsExactly("station s1 has 2 examiner(s); judgements need 3 or more to combine");
    assertThat(plan.toJson().getJsonArray("stations").getJsonObject(0).containsKey("exam")).isFalse();
    // the record of a session planned before exams existed
    SessionPlan old = SessionPlan.fromJson(new JsonObject("{\"id\":\"exam-a\",\"title\":\"Debug exam\",\"stations\":[{\"id\":\"s1\","
        + "\"scenario\":\"l4-debug-motor-swapped-axes\",\"candidate\":\"cand1\",\"twins\":[\"motor-1\"],\"examiners\":[\"exam1\"]}]}"));
    assertThat(old.stations().get(0).exam()).isNull();
    assertThat(old.stations().get(0).fromExam()).isFalse();
    assertThat(old.stations().get(0).scenario()).isEqualTo("l4-debug-motor-swapped-axes");
  }
}
