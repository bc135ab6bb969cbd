package org.twinlab.runtime.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.JudgementEvidence;
import org.twinlab.scenarios.model.Rubric;
import org.twinlab.scenarios.model.TaskDef;

/**
 * A station's judgements as its examiners mark them: each judged check's aspect, the descriptor of
 * every mark, the marks given, and the candidate's whole evidence for it (every field of the
 * actions of the kinds it is marked on, with what they produced), so the mark is given beside what
 * it judges rather than from a line cut short.
 */
public final class JudgementViews {
  private JudgementViews() {}

  public static JsonObject of(StationResult r) {
    return of(r, Map.of());
  }

  /** The same with when each examiner confirmed their mark, by check and examiner. */
  public static JsonObject of(StationResult r, Map<String, Map<String, java.time.Instant>> confirmed) {
    JsonArray out = new JsonArray();
    for (TaskDef task : r.scenario().tasks()) {
      for (CheckDef c : task.checks()) {
        if (c.kind() == CheckDef.Kind.JUDGEMENT) out.add(judgement(r, task, c, confirmed.getOrDefault(c.id(), Map.of())));
      }
    }
    return new JsonObject().put("session", r.session()).put("station", r.station()).put("candidate", r.candidate())
        .put("judgements", out);
  }

  private static JsonObject judgement(StationResult r, TaskDef task, CheckDef c, Map<String, java.time.Instant> confirmed) {
    List<String> kinds = JudgementEvidence.kinds(r.scenario(), c.id());
    JsonObject j = new JsonObject().put("check", c.id()).put("task", task.id()).put("points", c.points())
        .put("aspect", localized(c.judge().orElse(Localized.of(c.id()))))
        .put("rubric", rubric(c.rubric().orElse(null))).put("evidenceKinds", new JsonArray(kinds));
    Map<String, Integer> marks = r.marks().get(c.id());
    if (marks != null && !marks.isEmpty()) {
      j.put("marks", new JsonObject(new TreeMap<>(marks))).put("mark", Marks.median(List.copyOf(marks.values())));
    }
    if (r.disagreements().contains(c.id())) j.put("disagreement", true);
    JsonObject confirmations = new JsonObject();
    new TreeMap<>(confirmed).forEach((examiner, at) -> confirmations.put(examiner, at.toString()));
    j.put("confirmed", confirmations);
    JsonArray evidence = new JsonArray();
    r.actions().stream().filter(a -> kinds.contains(a.kind())).forEach(a -> evidence.add(evidence(a)));
    return j.put("evidence", evidence);
  }

  private static JsonArray rubric(Rubric rubric) {
    JsonArray out = new JsonArray();
    if (rubric == null) return out;
    for (int mark = 0; mark <= CheckDef.JUDGEMENT_SCALE; mark++) out.add(localized(rubric.descriptor(mark)).put("mark", mark));
    return out;
  }

  /** One action in full: every field as taken, and for a binding the one it replaced beside the new one. */
  static JsonObject evidence(ActionRecord a) {
    JsonObject o = SessionViews.action(a).put("result", new JsonObject(new TreeMap<>(a.outcome().result())));
    if (a.kind().startsWith("binding_")) {
      Map<String, Object> after = new LinkedHashMap<>(a.fields());
      Object before = after.remove("previous");
      after.remove("rig");
      o.put("binding", new JsonObject().put("before", before instanceof Map<?, ?> m ? new JsonObject(copy(m)) : null)
          .put("after", a.kind().equals("binding_delete") ? null : new JsonObject(after)));
    }
    return o;
  }

  private static Map<String, Object> copy(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static JsonObject localized(Localized l) {
    return new JsonObject().put("en", l.en()).put("zh", l.zh());
  }
}
