package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.scenarios.load.ScenarioLibrary;

/**
 * A trainer's scenario saved again and again keeps every save, numbered, each readable again and
 * surviving a restart; a library scenario's text is read from the build and stays read-only.
 */
class ScenarioCatalogVersionsTest {
  private static final Path FAIR = Path.of("src", "test", "resources", "scenarios", "fair-tank-setpoint.yaml");

  @TempDir
  Path data;

  @Test
  void everySaveIsKeptAsANewVersionAndCanBeReadAgain() throws Exception {
    String first = Files.readString(FAIR);
    String second = first.replace("version: 1\n", "version: 2\n");
    ScenarioCatalog catalog = new ScenarioCatalog(data);
    catalog.upload("fair-tank-setpoint.yaml", first);
    catalog.upload("fair-tank-setpoint.yaml", second);

    assertThat(catalog.versions("fair-tank-setpoint")).extracting(ScenarioVersion::saved, ScenarioVersion::declared)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 2));
    assertThat(catalog.version("fair-tank-setpoint", 1)).contains(first);
    assertThat(catalog.version("fair-tank-setpoint", 2)).contains(second);
    assertThat(catalog.version("fair-tank-setpoint", 3)).isEmpty();
    ScenarioSource now = catalog.source("fair-tank-setpoint").orElseThrow();
    assertThat(now.yaml()).isEqualTo(second);
    assertThat(now.library()).isFalse();
    assertThat(catalog.find("fair-tank-setpoint").orElseThrow().version()).isEqualTo(2);

    // after a restart the uploads load as before, versions and all
    ScenarioCatalog again = new ScenarioCatalog(data);
    assertThat(again.find("fair-tank-setpoint").orElseThrow().version()).isEqualTo(2);
    assertThat(again.versions("fair-tank-setpoint")).hasSize(2);
    assertThat(again.all()).filteredOn(s -> s.id().equals("fair-tank-setpoint")).hasSize(1);
  }

  @Test
  void anUploadKeptBeforeVersionsBecomesItsFirstVersion() throws Exception {
    String first = Files.readString(FAIR);
    Files.createDirectories(data.resolve("scenarios"));
    Files.writeString(data.resolve("scenarios").resolve("fair-tank-setpoint.yaml"), first);
    ScenarioCatalog catalog = new ScenarioCatalog(data);
    assertThat(catalog.versions("fair-tank-setpoint")).extracting(ScenarioVersion::saved).containsExactly(1);
    assertThat(catalog.version("fair-tank-setpoint", 1)).contains(first);
    catalog.upload("fair-tank-setpoint.yaml", first.replace("version: 1\n", "version: 2\n"));
    assertThat(catalog.versions("fair-tank-setpoint")).extracting(ScenarioVersion::saved).containsExactly(1, 2);
    assertThat(catalog.version("fair-tank-setpoint", 1)).contains(first);
  }

  @Test
  void aLibraryScenarioIsReadFromTheBuildAndCannotBeOverwritten() throws Exception {
    ScenarioCatalog catalog = new ScenarioCatalog(data);
    String id = catalog.all().get(0).id();
    ScenarioSource src = catalog.source(id).orElseThrow();
    assertThat(src.library()).isTrue();
    assertThat(ScenarioLibrary.files()).contains(src.file().substring("scenarios/".length()));
    assertThat(catalog.check(src.file(), src.yaml()).id()).isEqualTo(id);
    assertThat(catalog.versions(id)).isEmpty();
    assertThatThrownBy(() -> catalog.upload("mine.yaml", src.yaml())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("library scenario");
    assertThat(catalog.source("no-such-scenario")).isEmpty();
  }
}
