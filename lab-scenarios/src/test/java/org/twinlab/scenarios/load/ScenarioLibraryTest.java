package org.twinlab.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.StandardLoader;

class ScenarioLibraryTest {
  private static final Path ROOT = Path.of("src", "main", "resources", "scenarios");

  @Test
  void theIndexListsEveryScenarioFileAndEveryOneLoads() throws Exception {
    try (Stream<Path> files = Files.walk(ROOT)) {
      var onDisk = files.filter(f -> f.toString().endsWith(".yaml")).map(f -> ROOT.relativize(f).toString().replace('\\', '/')).sorted().toList();
      assertThat(ScenarioLibrary.files()).containsExactlyInAnyOrderElementsOf(onDisk);
    }
    var scenarios = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician()));
    assertThat(scenarios).extracting(Scenario::id).doesNotHaveDuplicates();
    assertThat(scenarios).allSatisfy(s -> assertThat(s.source()).endsWith(s.id() + ".yaml"));
  }
}
