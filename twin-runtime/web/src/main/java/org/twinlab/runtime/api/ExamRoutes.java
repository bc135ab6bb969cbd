package org.twinlab.runtime.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.twinlab.runtime.scenario.ScenarioCatalog;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamPart;
import org.twinlab.scenarios.model.NearName;

/**
 * The library's practical exams for staff: what each sets (its parts' scenarios, tasks and times),
 * its clock, order and pass mark, and the rigs its station needs. Only the roles that read the
 * scenarios' full texts read these, so a candidate learns nothing of a part before sitting it.
 */
final class ExamRoutes {
  private final ScenarioCatalog catalog;

  ExamRoutes(ScenarioCatalog catalog) {
    this.catalog = catalog;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/exams").handler(ctx -> {
      JsonArray out = new JsonArray();
      catalog.exams().forEach(e -> out.add(summary(e)));
      Http.send(ctx, 200, out);
    });
    r.get("/api/v1/exams/:exam").handler(ctx -> Http.send(ctx, 200, detail(exam(ctx))));
  }

  private Exam exam(RoutingContext ctx) {
    String id = ctx.pathParam("exam");
    return catalog.exam(id).orElseThrow(() -> TwinRequestException.notFound("exam",
        "no exam '" + id + "'" + NearName.hint(id, catalog.exams().stream().map(Exam::id).toList())));
  }

  private JsonObject summary(Exam e) {
    JsonArray parts = new JsonArray();
    for (ExamPart p : e.parts()) {
      parts.add(new JsonObject().put("scenario", p.id()).put("tasks", new JsonArray(p.tasks())).put("minutes", p.time().toMinutes()));
    }
    return new JsonObject().put("id", e.id()).put("version", e.version()).put("title", e.title().en()).put("titleZh", e.title().zh())
        .put("level", e.level().number()).put("minutes", e.timeLimit().toMinutes())
        .put("order", e.order().name().toLowerCase(Locale.ROOT)).put("passMark", e.passMark())
        .put("parts", parts).put("rigs", new JsonArray(e.rigs()));
  }

  /** The summary with the briefing candidates read first, and each part's scenario title. */
  private JsonObject detail(Exam e) {
    JsonObject out = summary(e).put("briefing", e.briefing().en()).put("briefingZh", e.briefing().zh());
    JsonArray parts = out.getJsonArray("parts");
    for (int i = 0; i < parts.size(); i++) {
      ExamPart p = e.parts().get(i);
      parts.getJsonObject(i).put("title", p.scenario().title().en()).put("titleZh", p.scenario().title().zh())
          .put("skill", p.scenario().skill().key());
    }
    return out;
  }
}
