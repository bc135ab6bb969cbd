package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.scenario.DryRun;
import org.twinlab.runtime.scenario.DryRunReport;
import org.twinlab.runtime.scenario.LibraryCoverage;
import org.twinlab.scenarios.fairness.ClauseCoverage;
import org.twinlab.scenarios.fairness.ClauseCoverageCsv;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.ScoreSheetText;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The scenario library for trainers: list it, check files, see which clauses are assessed. */
@Command(name = "scenario", mixinStandardHelpOptions = true, description = "Lab scenarios: list, validate, dry-run, coverage.",
    subcommands = {ScenarioCommand.ListScenarios.class, ScenarioCommand.Validate.class, ScenarioCommand.DryRunCommand.class,
        ScenarioCommand.Coverage.class})
final class ScenarioCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static Standard standard() {
    return StandardLoader.digitalTwinTechnician();
  }

  static List<Scenario> library() {
    return ScenarioLibrary.load(new ScenarioLoader(standard()));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The library: id, level, skill, rig, time limit, clauses.")
  static final class ListScenarios implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<Scenario> all = new ArrayList<>(library());
      all.sort(java.util.Comparator.comparing((Scenario s) -> -s.level().number()).thenComparing(Scenario::id));
      out.printf("%-40s %-5s %-8s %-16s %-6s %s%n", "id", "level", "skill", "rig", "time", "clauses");
      for (Scenario s : all) {
        out.printf("%-40s L%-4d %-8s %-16s %-6s %s%n", s.id(), s.level().number(), s.skill().key(), s.rigList(),
            s.timeLimit().toMinutes() + "m", String.join(", ", s.clauses().stream().map(c -> c.substring(c.indexOf(' ') + 1)).toList()));
      }
      out.printf("%d scenarios%n", all.size());
      out.flush();
      return 0;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check scenario files; prints file:line:column: field: message for each problem and exits 1 if there is any.")
  static final class Validate implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files")
    List<Path> files;

    @Override
    public Integer call() {
      ScenarioLoader loader = new ScenarioLoader(standard());
      int bad = 0;
      for (Path f : files) {
        try {
          Scenario s = loader.load(f);
          spec.commandLine().getOut().printf("%s: OK (%s, L%d %s, %d tasks, %d checks)%n", f, s.id(), s.level().number(),
              s.skill().key(), s.tasks().size(), s.checks().size());
        } catch (InvalidInputException e) {
          bad++;
          e.problems().forEach(p -> spec.commandLine().getErr().println(p));
        } catch (java.io.IOException e) {
          bad++;
          spec.commandLine().getErr().println(f + ": cannot read: " + e.getMessage());
        }
      }
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().flush();
      return bad == 0 ? 0 : 1;
    }
  }

  @Command(name = "dry-run", mixinStandardHelpOptions = true,
      description = {"Play scripted candidates on each scenario, on a simulated station on virtual time, and judge the scenario by "
          + "the fairness rules.",
          "%nCandidates: reference (the reference solution); idle (does nothing); motions (every kind of action the scenario rewards, "
              + "at the reference's times, without substance); random-1 to random-N (random actions at random times, seeded by their "
              + "number); task:<id> (only the reference steps tagged with that task). Judgements are marked by rule: the scenario's "
              + "judgements for the reference and for its own task's judgements of task:<id>, 0 for everything else.",
          "%nRules: reference-scores-100; idle-scores-0; motions-fails and random-fails (below the pass mark and at most 33.3); "
              + "task-alone-earns-its-share (within 5 points of what its task contributes to the reference's 100); "
              + "every-task-has-steps (once every library scenario's steps are tagged).",
          "%nPrints the reference's score sheet, a table (candidate, score, PASS or FAIL, the checks that earned points and why) "
              + "and each rule, ok or BROKE with how.",
          "%n--json prints one document instead: {ok, scenarios: [{scenario, ok, passMark, candidates: [{candidate, kind "
              + "(reference|idle|motions|random|task-alone), task, total, passed, checks: [{check, task, status, earned, points, "
              + "because}]}], shares: {<task>: points}, rules: [{rule, says, ok, broken: [text]}], problems: [text]}]}.",
          "%nExits 1 when a scenario breaks a rule or its reference run has a problem.%n"})
  static final class DryRunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "scenario files, or ids of library scenarios")
    List<String> targets = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--all", description = "every scenario of the library")
    boolean all;

    @picocli.CommandLine.Option(names = {"-q", "--quiet"}, description = "one line per scenario, no score sheets or tables")
    boolean quiet;

    @picocli.CommandLine.Option(names = "--json", description = "print one JSON document (see above) instead of text")
    boolean json;

    @picocli.CommandLine.Option(names = "--random", paramLabel = "N",
        description = "how many random candidates to play, seeds 1 to N (default: ${DEFAULT-VALUE})")
    int random = DryRun.RANDOM_CANDIDATES;

    @picocli.CommandLine.Option(names = "--sheets", paramLabel = "DIR",
        description = "also write each reference score sheet as <id>.csv here: one row per aspect with its clause")
    Path sheets;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (targets.isEmpty() && !all) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a FILE or give --all");
      if (random < 0) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--random: 0 or more");
      ScenarioLoader loader = new ScenarioLoader(standard());
      List<Scenario> scenarios = new ArrayList<>();
      int bad = 0;
      if (all) scenarios.addAll(library());
      for (String t : targets) {
        try {
          Path file = Path.of(t);
          if (java.nio.file.Files.exists(file)) {
            scenarios.add(loader.load(file));
          } else {
            scenarios.add(library().stream().filter(s -> s.id().equals(t)).findFirst()
                .orElseThrow(() -> new java.io.FileNotFoundException(t + ": no such file, and no library scenario of that id")));
          }
        } catch (InvalidInputException e) {
          bad++;
          e.problems().forEach(err::println);
        } catch (java.io.IOException e) {
          bad++;
          err.println(e.getMessage());
        }
      }
      Scoring scoring = new Scoring(standard());
      io.vertx.core.json.JsonArray documents = new io.vertx.core.json.JsonArray();
      for (Scenario s : scenarios) {
        long t0 = System.nanoTime();
        DryRun.Result r;
        try {
          r = DryRun.of(s, scoring, random);
        } catch (StationException e) {
          bad++;
          err.printf("%s: the station cannot be prepared: %s%n", s.source(), e.getMessage());
          continue;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        ScoreSheet ref = r.reference().sheet();
        ScoreSheet idle = r.idle().sheet();
        if (sheets != null) {
          try {
            java.nio.file.Files.createDirectories(sheets);
            try (var w = java.nio.file.Files.newBufferedWriter(sheets.resolve(s.id() + ".csv"))) {
              org.twinlab.scenarios.score.ScoreSheetCsv.write(ref, w);
            }
          } catch (java.io.IOException e) {
            bad++;
            err.printf("%s: cannot write its sheet: %s%n", s.id(), e.getMessage());
          }
        }
        if (!r.ok()) bad++;
        if (json) {
          documents.add(DryRunReport.json(r));
          continue;
        }
        if (!quiet) {
          out.printf("%n== %s (L%d %s, %s, %d min) — reference solution%n", s.id(), s.level().number(), s.skill().key(), s.rigList(),
              s.timeLimit().toMinutes());
          ScoreSheetText.print(ref, out);
          SuiteMatrixPrinter.print(r.reference(), out);
          ToolResultPrinter.print(r.reference(), out);
          out.printf("-- %d candidates%n", r.runs().size());
          DryRunReport.print(r, out);
        }
        out.printf(java.util.Locale.ROOT, "%s %s: reference %.1f, idle %.1f, %d rules broken (%d candidates, %d ms)%n", r.ok() ? "OK  " : "FAIL",
            s.id(), ref.total(), idle.total(), r.broken().size(), r.runs().size(), ms);
        if (!r.ok()) r.problems().forEach(p -> err.printf("%s: %s%n", s.source(), p));
      }
      if (json) out.println(new io.vertx.core.json.JsonObject().put("ok", bad == 0).put("scenarios", documents).encodePrettily());
      out.flush();
      err.flush();
      return bad == 0 ? 0 : 1;
    }
  }

  @Command(name = "coverage", mixinStandardHelpOptions = true,
      description = {"The standard's clauses against the library's scenarios, as an exam body files it: per level and clause, "
          + "which scenarios assess it (a check's clause, else its task's), with the points of those checks and their share of the "
          + "reference solution's total, and whether it is idle-proof (a candidate who does nothing, judgements marked 0, earns "
          + "none of them).",
          "%nText: per clause ✓ (assessed idle-proof), ! (assessed, but an idle candidate earns on it) or · (not assessed), then "
              + "one line per scenario; per level the assessed and idle-proof counts and percents.",
          "%n--csv prints one row per level, clause and scenario instead: level, clause, title, scenario, points, share "
              + "(of the reference's 100), idle_proof (true|false), exams (the library exams that set those checks, space-separated); a clause no "
              + "scenario assesses has one row with the last five empty.%n"})
  static final class Coverage implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--csv", description = "print CSV (see above) instead of text")
    boolean csv;

    @Override
    public Integer call() throws StationException, java.io.IOException {
      PrintWriter out = spec.commandLine().getOut();
      Standard standard = standard();
      List<Scenario> scenarios = library();
      ClauseCoverage coverage = LibraryCoverage.of(standard, new Scoring(standard), scenarios,
          org.twinlab.scenarios.exam.ExamLibrary.load(new org.twinlab.scenarios.exam.ExamLoader(standard, scenarios)));
      if (csv) {
        ClauseCoverageCsv.write(coverage, out);
        out.flush();
        return 0;
      }
      for (ClauseCoverage.LevelCoverage level : coverage.levels()) {
        out.printf("%nLevel %d (%s)%n", level.level().number(), level.level().zh());
        for (ClauseCoverage.ClauseRow c : level.clauses()) {
          String mark = !c.assessed() ? "·" : c.idleProof() ? "✓" : "!";
          out.printf("  %s %-8s %-60s %s%n", mark, c.clause().code(), truncate(c.clause().title().en(), 60),
              c.assessed() ? c.by().size() + " scenario" + (c.by().size() == 1 ? "" : "s") : "not assessed yet");
          for (ClauseCoverage.Assessment a : c.by()) {
            out.printf(java.util.Locale.ROOT, "      %-40s %5s pts  %5.1f of 100  %s%s%n", a.scenario(), number(a.points()), a.share(),
                a.idleProof() ? "idle-proof" : "idle earns " + number(a.idleEarned()), a.exams().isEmpty() ? ""
                    : "  in " + String.join(", ", a.exams().stream().map(x -> x.exam() + " (" + number(x.points()) + " pts)").toList()));
          }
        }
        out.printf(java.util.Locale.ROOT, "  L%d: %d of %d assessed (%.0f %%), %d of %d idle-proof (%.0f %%)%n", level.level().number(),
            level.assessed(), level.total(), level.assessedPercent(), level.idleProof(), level.total(), level.idleProofPercent());
      }
      out.printf("%n%d of %d clauses assessed, %d idle-proof, by %d scenarios%n", coverage.assessed(), coverage.total(),
          coverage.idleProof(), coverage.scenarios());
      out.flush();
      return 0;
    }

    private static String number(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.2f", d);
    }

    private static String truncate(String s, int n) {
      return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
  }
}
