package org.twinlab.scenarios.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

class ExamLibraryTest {
  private static final Path ROOT = Path.of("src", "main", "resources", "exams");
  private static final Standard STANDARD = StandardLoader.digitalTwinTechnician();

  private static List<Exam> library() {
    return ExamLibrary.load(new ExamLoader(STANDARD, ScenarioLibrary.load(new ScenarioLoader(STANDARD))));
  }

  @Test
  void theIndexListsEveryExamFileAndEveryOneLoads() throws Exception {
    try (Stream<Path> files = Files.walk(ROOT)) {
      var onDisk = files.filter(f -> f.toString().endsWith(".yaml")).map(f -> ROOT.relativize(f).toString().replace('\\', '/')).sorted().toList();
      assertThat(ExamLibrary.files()).containsExactlyInAnyOrderElementsOf(onDisk);
    }
    List<Exam> exams = library();
    assertThat(exams).hasSameSizeAs(ExamLibrary.files());
    assertThat(exams).extracting(Exam::id).doesNotHaveDuplicates().contains("l5-exam-tank", "l4-exam-tank", "l3-exam-tank");
    assertThat(exams).allSatisfy(e -> assertThat(e.source()).endsWith(e.id() + ".yaml"));
  }

  /** The standard's sitting: at least 120 minutes, and the parts' own times within it. */
  @Test
  void everyLibraryExamsPartsFitItsTimeLimit() {
    assertThat(library()).allSatisfy(e -> {
      assertThat(e.timeLimit()).as(e.id()).isGreaterThanOrEqualTo(Duration.ofMinutes(120));
      Duration parts = e.parts().stream().map(ExamPart::time).reduce(Duration.ZERO, Duration::plus);
      assertThat(parts).as(e.id() + " parts").isLessThanOrEqualTo(e.timeLimit());
      assertThat(e.parts()).allSatisfy(p -> assertThat(p.scenario().level()).isEqualTo(e.level()));
    });
  }

  /** Scored with nothing done, every function of the level has points to earn: none is left unweighed. */
  @Test
  void everyLibraryExamAssessesEveryFunctionOfItsLevel() {
    ExamScoring scoring = new ExamScoring(STANDARD);
    assertThat(library()).allSatisfy(e -> {
      ExamSheet sheet = scoring.score(e, Map.of());
      assertThat(sheet.functions()).extracting(ExamSheet.FunctionPoints::function)
          .containsExactlyElementsOf(STANDARD.functions(e.level()).stream().map(f -> f.key()).toList());
      assertThat(sheet.functions()).allSatisfy(f -> assertThat(f.possible()).as(e.id() + " " + f.function()).isPositive());
      assertThat(sheet.total()).as(e.id() + ": nothing done earns nothing").isZero();
    });
  }
}
