package org.twinlab.runtime.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.models.yaml.SourceLocation;
import org.twinlab.runtime.auth.Account;
import org.twinlab.runtime.auth.Role;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.model.NearName;
import org.twinlab.scenarios.model.Scenario;

/**
 * Reads a session plan from an API body and checks it against the lab: each station sets a
 * scenario or a library exam that exists, the candidates and examiners are accounts of those
 * roles, each twin exists, is of the rig model the scenario or exam names at that place, and
 * serves one station only. A station planned from an exam is a practical skill test: the
 * standard's examiner rule is a refusal there, not a warning. Every problem names its field.
 */
final class PlanReader {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final SourceLocation BODY = SourceLocation.unknown("body");

  /** What the reader looks up in the lab. */
  record Lab(Function<String, java.util.Optional<Scenario>> scenario, Function<String, java.util.Optional<Exam>> exam,
      java.util.function.Supplier<List<String>> exams, Function<String, java.util.Optional<Account>> account,
      Function<String, java.util.Optional<String>> twinModel, Predicate<String> twinBusy) {}

  /** The standard's rule for who marks a practical skill test (003 §1.9.3), as a refusal names it. */
  static final String EXAMINER_RULE = "§1.9.3: an odd number of three or more examiners per candidate";

  private final Lab lab;
  private final List<Problem> problems = new ArrayList<>();

  PlanReader(Lab lab) {
    this.lab = lab;
  }

  SessionPlan read(JsonObject body, String generatedId) throws InvalidInputException {
    String id = body.getValue("id") == null ? generatedId : string(body, "id", "");
    if (id != null && !ID.matcher(id).matches()) problem("id", "a session id is a-z 0-9 - (up to 64), starting with a letter or digit");
    String title = body.getValue("title") == null ? id : string(body, "title", "");
    List<StationPlan> stations = new ArrayList<>();
    Object list = body.getValue("stations");
    if (!(list instanceof JsonArray a) || a.isEmpty()) {
      problem("stations", "a list of one or more stations");
    } else {
      Set<String> ids = new HashSet<>();
      Set<String> candidates = new HashSet<>();
      Set<String> twins = new HashSet<>();
      for (int i = 0; i < a.size(); i++) {
        String at = "stations[" + i + "]";
        if (!(a.getValue(i) instanceof JsonObject s)) {
          problem(at, "a station is an object");
          continue;
        }
        stations.addAll(station(at, s, ids, candidates, twins));
      }
    }
    if (!problems.isEmpty()) throw new InvalidInputException(List.copyOf(problems));
    return new SessionPlan(id, title, stations);
  }

  /** The station as planned: one, or one per part of the exam it sets; none when it has problems. */
  private List<StationPlan> station(String at, JsonObject s, Set<String> ids, Set<String> candidates, Set<String> twins) {
    int before = problems.size();
    String id = string(s, "id", at);
    if (id != null && !ID.matcher(id).matches()) problem(at + ".id", "a station id is a-z 0-9 - (up to 64)");
    if (id != null && !ids.add(id)) problem(at + ".id", "station " + id + " is named twice");
    boolean setsScenario = s.getValue("scenario") != null;
    boolean setsExam = s.getValue("exam") != null;
    String scenarioId = null;
    String examId = null;
    String needer = null;
    List<String> rigs = null;
    Exam exam = null;
    if (setsScenario == setsExam) {
      problem(at + ".exam", setsExam ? "a station sets a scenario or an exam, not both" : "a station sets a scenario or an exam: name one of the two");
    } else if (setsScenario) {
      scenarioId = string(s, "scenario", at);
      Scenario scenario = scenarioId == null ? null : lab.scenario().apply(scenarioId).orElse(null);
      if (scenarioId != null && scenario == null) problem(at + ".scenario", "no scenario '" + scenarioId + "' in the library or uploads");
      if (scenario != null) {
        needer = scenario.id();
        rigs = scenario.rigs();
      }
    } else {
      examId = string(s, "exam", at);
      exam = examId == null ? null : lab.exam().apply(examId).orElse(null);
      if (examId != null && exam == null) {
        problem(at + ".exam", "no exam '" + examId + "' in the library" + NearName.hint(examId, lab.exams().get()));
      }
      if (exam != null) {
        needer = exam.id();
        rigs = exam.rigs();
      }
    }
    String candidate = string(s, "candidate", at);
    if (candidate != null) {
      requireRole(at + ".candidate", candidate, Role.CANDIDATE);
      if (!candidates.add(candidate)) problem(at + ".candidate", candidate + " sits another station of this session");
    }
    List<String> examiners = strings(s, "examiners", at);
    for (int i = 0; i < examiners.size(); i++) requireRole(at + ".examiners[" + i + "]", examiners.get(i), Role.EXAMINER);
    if (setsExam && !setsScenario) examinerRule(at, examiners);
    else if (examiners.isEmpty()) problem(at + ".examiners", "one or more examiners");
    List<String> stationTwins = strings(s, "twins", at);
    if (rigs != null) {
      if (stationTwins.size() != rigs.size()) {
        problem(at + ".twins", needer + " needs " + rigs.size() + " twin(s): " + String.join("+", rigs));
      } else {
        for (int i = 0; i < stationTwins.size(); i++) {
          String field = at + ".twins[" + i + "]";
          String twin = stationTwins.get(i);
          String model = lab.twinModel().apply(twin).orElse(null);
          if (model == null) problem(field, "no twin '" + twin + "'");
          else if (!model.equals(rigs.get(i))) problem(field, twin + " is a " + model + "; " + needer + " needs a " + rigs.get(i));
          else if (!twins.add(twin)) problem(field, twin + " serves another station of this session");
          else if (lab.twinBusy().test(twin)) problem(field, twin + " serves a station of a session that has not ended");
        }
      }
    }
    if (problems.size() != before) return List.of();
    if (exam == null) return List.of(new StationPlan(id, scenarioId, null, candidate, stationTwins, examiners));
    List<StationPlan> parts = new ArrayList<>();
    for (int n = 1; n <= exam.parts().size(); n++) {
      parts.add(new StationPlan(StationPlan.partId(id, n), exam.parts().get(n - 1).id(), exam.id(), candidate, stationTwins, examiners));
    }
    return parts;
  }

  /** Three, five or more examiners, an odd number, each named once: the panel's majority decides a mark. */
  private void examinerRule(String at, List<String> examiners) {
    Set<String> named = new HashSet<>();
    for (int i = 0; i < examiners.size(); i++) {
      if (!named.add(examiners.get(i))) problem(at + ".examiners[" + i + "]", examiners.get(i) + " is named twice");
    }
    int n = named.size();
    if (n < SessionPlan.MIN_EXAMINERS_PER_STATION || n % 2 == 0) {
      problem(at + ".examiners", EXAMINER_RULE + " (" + n + " named)");
    }
  }

  private void requireRole(String field, String name, Role role) {
    var a = lab.account().apply(name);
    if (a.isEmpty()) problem(field, "no user '" + name + "'");
    else if (a.get().role() != role) problem(field, name + " is a " + a.get().role().key() + ", not a " + role.key());
  }

  /** A string field of the body (at "") or of one of its objects (at "stations[1]"). */
  private String string(JsonObject o, String field, String at) {
    Object v = o.getValue(field);
    if (v instanceof String s && !s.isBlank()) return s;
    problem(at.isEmpty() ? field : at + "." + field, "a non-empty string is required");
    return null;
  }

  private List<String> strings(JsonObject o, String field, String at) {
    Object v = o.getValue(field);
    if (!(v instanceof JsonArray a) || !a.stream().allMatch(x -> x instanceof String)) {
      problem(at + "." + field, "a list of names");
      return List.of();
    }
    return a.stream().map(String.class::cast).toList();
  }

  private void problem(String field, String message) {
    problems.add(new Problem(BODY, field, message));
  }
}
