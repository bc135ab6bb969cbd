package org.twinlab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's glTF scene travels with it: read from beside the model file, never from elsewhere. */
class GltfContentTest {
  @TempDir
  Path dir;

  @Test
  void aBuiltInModelCarriesItsScene() {
    TwinModel motor = ModelLibrary.loadBuiltIn("motor-vibration");
    assertThat(motor.view().gltf().orElseThrow().content()).hasValueSatisfying(text -> assertThat(text).contains("\"Housing\""));
    // every built-in rig is drawn from a scene of its own now, each read from beside its model file
    assertThat(ModelLibrary.loadBuiltIn("tank-process").view().gltf().orElseThrow().content())
        .hasValueSatisfying(text -> assertThat(text).contains("\"water\""));
    assertThat(ModelLibrary.loadBuiltIn("conveyor-sorting").view().gltf().orElseThrow().file()).isEqualTo("conveyor-sorting.gltf");
  }

  @Test
  void aModelFileCarriesTheSceneBesideItAndNothingOutsideItsDirectory() throws Exception {
    String motor = ModelLibrary.builtInSource("motor-vibration").replace("model: motor-vibration", "model: my-motor");
    Path rig = Files.createDirectories(dir.resolve("rig"));
    Files.writeString(rig.resolve("motor-vibration.gltf"), "{\"asset\": {\"version\": \"2.0\"}, \"nodes\": [{\"name\": \"Housing\"}]}");
    Files.writeString(rig.resolve("my-motor.yaml"), motor);
    assertThat(ModelLoader.load(rig.resolve("my-motor.yaml")).view().gltf().orElseThrow().content())
        .hasValueSatisfying(text -> assertThat(text).contains("Housing"));

    Files.writeString(dir.resolve("secret.gltf"), "{\"secret\": true}");
    Files.writeString(rig.resolve("sly.yaml"), motor.replace("file: motor-vibration.gltf", "file: ../secret.gltf"));
    assertThat(ModelLoader.load(rig.resolve("sly.yaml")).view().gltf().orElseThrow().content()).as("not a plain file name").isEmpty();
    Files.writeString(rig.resolve("other.yaml"), motor.replace("file: motor-vibration.gltf", "file: absent.gltf"));
    assertThat(ModelLoader.load(rig.resolve("other.yaml")).view().gltf().orElseThrow().content()).as("not there").isEmpty();
  }
}
