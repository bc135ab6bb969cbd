package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.scenario.ExamDryRun;
import org.twinlab.scenarios.engine.StationException;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamLoader;
import org.twinlab.scenarios.exam.ExamPart;
import org.twinlab.scenarios.exam.ExamScoring;
import org.twinlab.scenarios.exam.ExamSheet;
import org.twinlab.scenarios.exam.ExamSheetText;
import org.twinlab.scenarios.score.Scoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Practical exams for trainers: check an exam file, and sit it with scripted candidates before candidates do. */
@Command(name = "exam", mixinStandardHelpOptions = true, description = "Practical exams (standard §1.9): list, validate, dry-run.",
    subcommands = {ExamCommand.ListExams.class, ExamCommand.Validate.class, ExamCommand.DryRunCommand.class})
final class ExamCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static ExamLoader loader() {
    return new ExamLoader(ScenarioCommand.standard(), ScenarioCommand.library());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The library's exams: id, level, time limit, order, station rigs, parts.")
  static final class ListExams implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<Exam> all = org.twinlab.scenarios.exam.ExamLibrary.load(loader());
      out.printf("%-16s %-5s %-6s %-9s %-14s %s%n", "id", "level", "time", "order", "rigs", "parts (minutes)");
      for (Exam e : all) {
        out.printf("%-16s L%-4d %-6s %-9s %-14s %s%n", e.id(), e.level().number(), e.timeLimit().toMinutes() + "m",
            e.order().name().toLowerCase(Locale.ROOT), String.join("+", e.rigs()),
            String.join(", ", e.parts().stream().map(p -> p.id() + " (" + p.time().toMinutes() + ")").toList()));
      }
      out.printf("%d exams%n", all.size());
      out.flush();
      return 0;
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check exam files against the standard and the scenario library; prints file:line:column: field: message for "
          + "each problem and exits 1 if there is any.")
  static final class Validate implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "exam files")
    List<Path> files;

    @Override
    public Integer call() {
      ExamLoader loader = loader();
      int bad = 0;
      for (Path f : files) {
        try {
          Exam e = loader.load(f);
          spec.commandLine().getOut().printf("%s: OK (%s, L%d, %d min, %d parts on %s, %s order)%n", f, e.id(), e.level().number(),
              e.timeLimit().toMinutes(), e.parts().size(), String.join("+", e.rigs()), e.order().name().toLowerCase(Locale.ROOT));
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
      description = {"Sit each exam with scripted candidates on one simulated station on virtual time, every part to its time.",
          "%nCandidates: reference (every part's reference solution, judgements marked as the scenarios say); idle (does nothing); "
              + "motions (every kind of action each part rewards, at the reference's times, without substance); random-1 to random-N.",
          "%nRules: the reference earns 100 with nothing undecided and every step accepted; the idle candidate earns 0; "
              + "motions and random candidates fail.",
          "%nPrints the reference's exam sheet (parts, functions with weight and contribution, total), a line per candidate, "
              + "and the problems. Exits 1 when an exam breaks a rule.%n"})
  static final class DryRunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "exam files, or ids of library exams")
    List<String> targets = new java.util.ArrayList<>();

    @Option(names = "--all", description = "every exam of the library")
    boolean all;

    @Option(names = "--random", paramLabel = "N", description = "how many random candidates sit it, seeds 1 to N (default: ${DEFAULT-VALUE})")
    int random = ExamDryRun.RANDOM_CANDIDATES;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (random < 0) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--random: 0 or more");
      if (targets.isEmpty() && !all) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a FILE or give --all");
      ExamLoader loader = loader();
      int bad = 0;
      List<Exam> exams = new java.util.ArrayList<>();
      List<Exam> library = org.twinlab.scenarios.exam.ExamLibrary.load(loader);
      if (all) exams.addAll(library);
      for (String t : targets) {
        Path f = Path.of(t);
        try {
          if (java.nio.file.Files.exists(f)) {
            exams.add(loader.load(f));
          } else {
            exams.add(library.stream().filter(e -> e.id().equals(t)).findFirst()
                .orElseThrow(() -> new java.io.FileNotFoundException(t + ": no such file, and no library exam of that id")));
          }
        } catch (InvalidInputException e) {
          bad++;
          e.problems().forEach(err::println);
        } catch (java.io.IOException e) {
          bad++;
          err.println(e.getMessage());
        }
      }
      for (Exam exam : exams) {
        ExamDryRun.Result r;
        try {
          r = ExamDryRun.of(exam, new Scoring(ScenarioCommand.standard()), new ExamScoring(ScenarioCommand.standard()), random);
        } catch (StationException e) {
          bad++;
          err.printf("%s: the station cannot be prepared: %s%n", exam.source(), e.getMessage());
          continue;
        }
        out.printf("%n== %s (L%d, %d min on %s) — reference solution%n", exam.id(), exam.level().number(), exam.timeLimit().toMinutes(),
            String.join("+", exam.rigs()));
        for (ExamPart p : exam.parts()) out.printf("  part %-40s %3d min  tasks %s%n", p.id(), p.time().toMinutes(), String.join(", ", p.tasks()));
        ExamSheetText.print(r.reference().sheet(), out);
        out.printf("%n%-12s %7s  %s%n", "candidate", "total", "result");
        for (ExamDryRun.Sitting s : r.sittings()) {
          ExamSheet sheet = s.sheet();
          out.printf(Locale.ROOT, "%-12s %7.2f  %s%n", s.who(), sheet.total(), sheet.passed() ? "PASS" : "FAIL");
        }
        if (r.ok()) {
          out.printf("%s: OK, a fair exam%n", exam.id());
        } else {
          bad++;
          r.problems().forEach(p -> out.printf("%s: BROKE: %s%n", exam.id(), p));
        }
      }
      out.flush();
      err.flush();
      return bad == 0 ? 0 : 1;
    }
  }
}
