package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.Clause;
import org.twinlab.scenarios.standard.Level;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The scenario library for trainers: list it, check files, see which clauses are assessed. */
@Command(name = "scenario", mixinStandardHelpOptions = true, description = "Lab scenarios: list, validate, coverage.",
    subcommands = {ScenarioCommand.ListScenarios.class, ScenarioCommand.Validate.class, ScenarioCommand.Coverage.class})
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
        out.printf("%-40s L%-4d %-8s %-16s %-6s %s%n", s.id(), s.level().number(), s.skill().key(), s.rig(),
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

  @Command(name = "coverage", mixinStandardHelpOptions = true,
      description = "The standard's clauses against the library's scenarios: which skill items are assessed, and by what.")
  static final class Coverage implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Standard standard = standard();
      List<Scenario> all = library();
      int covered = 0;
      int total = 0;
      for (Level level : Level.values()) {
        List<Clause> clauses = standard.clauses(level);
        if (clauses.isEmpty()) continue;
        out.printf("%nLevel %d (%s)%n", level.number(), level.zh());
        for (Clause c : clauses) {
          List<String> by = all.stream().filter(s -> s.clauses().contains(c.reference())).map(Scenario::id).toList();
          total++;
          if (!by.isEmpty()) covered++;
          out.printf("  %s %-8s %-60s %s%n", by.isEmpty() ? "·" : "✓", c.code(), truncate(c.title(), 60),
              by.isEmpty() ? "not assessed yet" : String.join(", ", by));
        }
      }
      out.printf("%n%d of %d clauses assessed by %d scenarios%n", covered, total, all.size());
      out.flush();
      return 0;
    }

    private static String truncate(String s, int n) {
      return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
  }
}
