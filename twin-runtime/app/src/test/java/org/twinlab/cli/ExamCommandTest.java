package org.twinlab.cli;

import static org.twinlab.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamCommandTest {
  private static final Path L5 = Path.of("..", "..", "lab-scenarios", "src", "main", "resources", "exams", "level-5", "l5-exam-tank.yaml");


  @Test
  void validateAcceptsTheLibraryExamAndNamesThePlaceOfEachProblem(@TempDir Path dir) throws Exception {
    String[] ok = run("exam", "validate", L5.toString());
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    assertThat(ok[1]).contains("OK (l5-exam-tank, L5, 120 min, 3 parts on tank-process, given order)");

    Path bad = dir.resolve("short.yaml");
    Files.writeString(bad, "exam: short\nversion: 1\ntitle: {en: Short, zh: 短}\nlevel: 5\ntime_limit: 90m\nparts:\n"
        + "  - scenario: l5-operate-start-pause-stop-tnk\n");
    String[] refused = run("exam", "validate", bad.toString());
    assertThat(refused[0]).isEqualTo("1");
    assertThat(refused[2]).contains(bad + ":5:").contains("120").contains(bad + ":7:").contains("l5-operate-start-pause-stop-tank");
  }

  @Test
  void dryRunPrintsTheReferenceSheetByFunctionAndEachCandidatesTotal() {
    String[] r = run("exam", "dry-run", "--random", "1", L5.toString());
    assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
    assertThat(r[1])
        .containsPattern("(?m)^platform-om +40 +\\d+\\.\\d +\\d+\\.\\d +40\\.00$")
        .containsPattern("(?m)^testing +15 +\\d+\\.\\d +\\d+\\.\\d +15\\.00$")
        .containsPattern("(?m)^operation +45 +\\d+\\.\\d +\\d+\\.\\d +45\\.00$")
        .contains("total 100.00 of 100 (Σ weight × earned / possible), pass mark 60: PASSED")
        .containsPattern("(?m)^reference +100\\.00  PASS$")
        .containsPattern("(?m)^idle +0\\.00  FAIL$")
        .containsPattern("(?m)^motions +\\d+\\.\\d\\d  FAIL$")
        .containsPattern("(?m)^random-1 +\\d+\\.\\d\\d  FAIL$")
        .contains("l5-exam-tank: OK, a fair exam");
  }

  @Test
  void listShowsTheLibrarysExamsAndDryRunTakesAnIdOfOne() {
    String[] list = run("exam", "list");
    assertThat(list[0]).isEqualTo("0");
    assertThat(list[1]).containsPattern("(?m)^l4-exam-tank +L4 +120m +given +tank-process +l4-debug-tank-level-scale \\(30\\), ")
        .contains("3 exams");
    String[] unknown = run("exam", "dry-run", "l4-exam-tnak");
    assertThat(unknown[0]).isEqualTo("1");
    assertThat(unknown[2]).contains("no library exam of that id");
    assertThat(run("exam", "dry-run")[0]).as("nothing named").isEqualTo("2");
  }
}
