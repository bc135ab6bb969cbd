package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.twinlab.runtime.scenario.DryRun;
import org.twinlab.runtime.scenario.DryRunReport;
import org.twinlab.runtime.scenario.LibraryCoverage;
import org.twinlab.runtime.scenario.ScenarioCatalog;
import org.twinlab.runtime.scenario.ScenarioSource;
import org.twinlab.runtime.scenario.ScenarioVersion;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.model.JudgementEvidence;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.model.TaskDef;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * The scenario library for trainers: browse it, check and upload a scenario (problems come back
 * with their line and column), dry-run one on virtual time, and see which clauses are assessed.
 */
final class ScenarioRoutes {
  private static final int MAX_YAML_CHARS = 200_000;
  private final Vertx vertx;
  private final ScenarioCatalog catalog;
  private final DryRunAnswers dryRuns = new DryRunAnswers();

  ScenarioRoutes(Vertx vertx, ScenarioCatalog catalog) {
    this.vertx = vertx;
    this.catalog = catalog;
  }

  void mount(GuardedRouter r) {
    r.get("/api/v1/scenarios").handler(ctx -> {
      JsonArray out = new JsonArray();
      catalog.all().forEach(s -> out.add(summary(s)));
      Http.send(ctx, 200, out);
    });
    r.longGet("/api/v1/scenarios/coverage").handler(ctx -> Http.respond(ctx, vertx.executeBlocking(this::coverage, false), 200, v -> v));
    r.post("/api/v1/scenarios/validate").handler(ctx -> upload(ctx, false));
    r.post("/api/v1/scenarios").handler(ctx -> upload(ctx, true));
    r.get("/api/v1/scenarios/:scenario").handler(ctx -> Http.send(ctx, 200, detail(scenario(ctx))));
    r.post("/api/v1/scenarios/:scenario/dry-run").handler(this::dryRun);
    r.get("/api/v1/scenarios/:scenario/source").handler(this::source);
    r.get("/api/v1/scenarios/:scenario/versions").handler(this::versions);
    r.get("/api/v1/scenarios/:scenario/versions/:version").handler(this::version);
  }

  /** The text to open in the editor; a library scenario says it is read-only (an edit is kept under another id). */
  private void source(RoutingContext ctx) {
    String id = ctx.pathParam("scenario");
    Http.respond(ctx, vertx.executeBlocking(() -> {
      ScenarioSource src = catalog.source(id).orElseThrow(() -> TwinRequestException.notFound("scenario", "no scenario '" + id + "'"));
      return new JsonObject().put("id", src.id()).put("file", Http.fileName(src.file())).put("yaml", src.yaml())
          .put("library", src.library()).put("editable", !src.library());
    }, false), 200, v -> v);
  }

  private void versions(RoutingContext ctx) {
    Scenario s = scenario(ctx);
    Http.respond(ctx, vertx.executeBlocking(() -> {
      JsonArray out = new JsonArray();
      for (ScenarioVersion v : catalog.versions(s.id())) {
        out.add(new JsonObject().put("saved", v.saved()).put("at", v.at().toString()).put("version", v.declared()));
      }
      return out;
    }, false), 200, v -> v);
  }

  private void version(RoutingContext ctx) {
    Scenario s = scenario(ctx);
    String asked = ctx.pathParam("version");
    if (!asked.matches("[1-9][0-9]{0,8}")) throw TwinRequestException.invalid("version", "a saved version's number: 1, 2, …");
    int n = Integer.parseInt(asked);
    Http.respond(ctx, vertx.executeBlocking(() -> new JsonObject().put("id", s.id()).put("saved", n)
        .put("yaml", catalog.version(s.id(), n).orElseThrow(() -> TwinRequestException.notFound("version", "'" + s.id() + "' has no saved version " + n))),
        false), 200, v -> v);
  }

  private void upload(RoutingContext ctx, boolean keep) {
    JsonObject body = Http.jsonBody(ctx);
    String name = body.getString("name", "scenario.yaml");
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) throw TwinRequestException.invalid("name", "a file name: A-Z a-z 0-9 . _ - (up to 100)");
    String yaml = Http.requiredString(body, "yaml");
    if (yaml.length() > MAX_YAML_CHARS) throw TwinRequestException.invalid("yaml", "at most " + MAX_YAML_CHARS + " characters");
    Http.respond(ctx, vertx.executeBlocking(() -> Http.parse("yaml",
        () -> summary(keep ? catalog.upload(name, yaml) : catalog.check(name, yaml)).put("ok", true)), false),
        keep ? 201 : 200, v -> v);
  }

  private void dryRun(RoutingContext ctx) {
    Scenario s = scenario(ctx);
    Http.respond(ctx, vertx.executeBlocking(() -> dryRuns.answer(s, () -> {
      DryRun.Result r = DryRun.of(s, catalog.scoring());
      return DryRunReport.json(r).put("reference", sheet(r.reference().sheet())).put("idle", sheet(r.idle().sheet()));
    }), false), 200, v -> v);
  }

  private Scenario scenario(RoutingContext ctx) {
    String id = ctx.pathParam("scenario");
    return catalog.find(id).orElseThrow(() -> TwinRequestException.notFound("scenario", "no scenario '" + id + "'"));
  }

  private JsonObject summary(Scenario s) {
    return new JsonObject().put("id", s.id()).put("version", s.version()).put("title", s.title().en()).put("titleZh", s.title().zh())
        .put("level", s.level().number()).put("skill", s.skill().key()).put("rigs", new JsonArray(s.rigs()))
        .put("minutes", s.timeLimit().toMinutes()).put("clauses", new JsonArray(s.clauses()))
        .put("uploaded", catalog.isUploaded(s.id()));
  }

  private JsonObject detail(Scenario s) {
    JsonArray tasks = new JsonArray();
    for (TaskDef t : s.tasks()) {
      JsonArray checks = new JsonArray();
      for (CheckDef c : t.checks()) {
        JsonObject check = new JsonObject().put("id", c.id()).put("kind", c.kind().name().toLowerCase(Locale.ROOT)).put("points", c.points())
            .put("measure", c.measureText()).put("judge", c.judge().map(l -> l.en()).orElse(null)).put("hidden", c.hidden())
            .put("clause", c.clause().orElse(t.clause()));
        c.rubric().ifPresent(r -> check.put("judgeZh", c.judge().map(l -> l.zh()).orElse(null))
            .put("rubric", new JsonArray(r.descriptors().stream().map(d -> new JsonObject().put("en", d.en()).put("zh", d.zh())).toList()))
            .put("evidenceKinds", new JsonArray(JudgementEvidence.kinds(s, c.id()))));
        checks.add(check);
      }
      tasks.add(new JsonObject().put("id", t.id()).put("prompt", t.prompt().en()).put("promptZh", t.prompt().zh())
          .put("weight", t.weight()).put("clause", t.clause()).put("checks", checks));
    }
    JsonArray faults = new JsonArray();
    for (FaultDef f : s.faults()) {
      faults.add(new JsonObject().put("id", f.id()).put("kind", f.kind()).put("target", f.target()).put("hidden", f.hidden())
          .put("atSeconds", f.at().map(d -> d.toSeconds()).orElse(null)).put("trigger", f.triggerText()));
    }
    return summary(s).put("briefing", s.briefing().en()).put("briefingZh", s.briefing().zh()).put("passMark", s.passMark())
        .put("tasks", tasks).put("faults", faults);
  }

  /** Coverage plays every scenario twice: the answer is kept until the library changes (an upload); one works it out at a time. */
  private synchronized JsonObject coverage() throws org.twinlab.scenarios.engine.StationException {
    java.util.List<Scenario> all = catalog.all();
    Computed last = lastCoverage;
    if (last != null && last.of().size() == all.size() && java.util.stream.IntStream.range(0, all.size()).allMatch(i -> last.of().get(i) == all.get(i))) {
      return last.answer().copy();
    }
    JsonObject answer = LibraryCoverage.json(LibraryCoverage.of(catalog.standard(), catalog.scoring(), all, catalog.exams()));
    lastCoverage = new Computed(all, answer);
    return answer.copy();
  }

  private record Computed(java.util.List<Scenario> of, JsonObject answer) {}

  private volatile Computed lastCoverage;

  private static JsonObject sheet(ScoreSheet s) {
    JsonArray checks = new JsonArray();
    s.checks().forEach(c -> checks.add(new JsonObject().put("check", c.check()).put("status", c.status().name().toLowerCase(Locale.ROOT))
        .put("earned", c.earned()).put("points", c.points()).put("because", c.because())));
    return new JsonObject().put("total", s.total()).put("passed", s.passed()).put("checks", checks);
  }
}
