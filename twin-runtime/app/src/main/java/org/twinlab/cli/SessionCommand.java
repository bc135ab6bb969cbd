package org.twinlab.cli;

import java.io.PrintWriter;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.twinlab.runtime.analysis.AnalysisTable;
import org.twinlab.runtime.analysis.ItemAnalysis;
import org.twinlab.runtime.analysis.SessionAnalysis;
import org.twinlab.runtime.scenario.ScenarioCatalog;
import org.twinlab.runtime.session.SealedSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What is read from a lab session after its sitting, from the data directory (the runtime may be running). */
@Command(name = "session", mixinStandardHelpOptions = true, description = "Lab sessions after the sitting.",
    subcommands = SessionCommand.Analyse.class)
final class SessionCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "analyse", mixinStandardHelpOptions = true,
      description = "Item analysis of a sealed session, per scenario its stations ran: each check's difficulty (p) and "
          + "discrimination (the corrected item-total correlation), flags for checks everyone or no one passed and for a "
          + "negative or low discrimination, and each judgement's agreement between examiners (Krippendorff's alpha, ordinal) "
          + "with the stations where their marks spread. The evidence must verify and be sealed. Exit code 0, or 1 with the reason.")
  static final class Analyse implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "SESSION", description = "the session's id")
    String session;

    @Option(names = "--json", description = "answer in JSON, as GET /api/v1/sessions/{id}/analysis does")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SessionAnalysis a;
      try {
        a = ItemAnalysis.of(SealedSession.read(data.dir, session, new ScenarioCatalog(data.dir)));
      } catch (NoSuchElementException | IllegalStateException e) {
        err.println("twinlab session analyse: " + e.getMessage());
        err.flush();
        return 1;
      }
      out.print(json ? a.toJson().encodePrettily() + System.lineSeparator() : AnalysisTable.of(a));
      out.flush();
      return 0;
    }
  }
}
