package org.twinlab.viewer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jme3.asset.DesktopAssetManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.models.view.ViewHints;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.viewer.net.RuntimeClient;
import org.twinlab.viewer.scene.RigScene;
import org.twinlab.viewer.scene.StationGrid;

/**
 * A model the viewer does not know, registered with a runtime (a lab configuration's
 * {@code model_file:} with its glTF scene beside it) and a twin of it: the viewer's client fetches
 * the twin's model from the runtime and builds its scene, glTF nodes and shapes, without a
 * display; a built-in model comes the same way and builds as the viewer built it before.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServedModelIT {
  private static final String PASSWORD = "viewer-test-password";
  @TempDir
  Path dir;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private void copy(String resource, Path to) throws Exception {
    try (InputStream in = ServedModelIT.class.getResourceAsStream(resource)) {
      Files.createDirectories(to.getParent());
      Files.copy(in, to);
    }
  }

  @Test
  void theViewerDrawsAModelItHasNeverSeenAsTheRuntimeServesIt() throws Exception {
    copy("/bench-fan/bench-fan.yaml", dir.resolve("models/bench-fan.yaml"));
    copy("/bench-fan/bench-fan.gltf", dir.resolve("models/bench-fan.gltf"));
    Files.createDirectories(dir.resolve("bindings"));
    Files.writeString(dir.resolve("bindings/fan-1.yaml"), "twin: fan-1\nmodel: bench-fan\nbindings: []\n");
    Files.writeString(dir.resolve("bindings/motor-9.yaml"), "twin: motor-9\nmodel: motor-vibration\nbindings: []\n");
    Files.writeString(dir.resolve("twinlab.yaml"), """
        http: {bind: 127.0.0.1, port: 0}
        data: data
        twins:
          - {id: fan-1, model_file: models/bench-fan.yaml, bindings: bindings/fan-1.yaml}
          - {id: motor-9, model: motor-vibration, bindings: bindings/motor-9.yaml}
        """);
    Vertx vertx = Vertx.vertx();
    TwinRuntime runtime = get(TwinRuntime.start(vertx, LabConfigLoader.load(dir.resolve("twinlab.yaml"))));
    try {
      runtime.accounts().add("exam1", Role.ADMIN, "Examiner", PASSWORD);
      URI url = URI.create("http://127.0.0.1:" + runtime.port());
      RuntimeClient client = RuntimeClient.login(url, "exam1", PASSWORD);
      assertThat(client.twins()).containsExactly("fan-1", "motor-9");

      // the lab's models include the registered one
      String token = login(url);
      String models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/v1/models"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(models).contains("\"id\":\"bench-fan\"");

      TwinModel fan = client.model("fan-1");
      assertThat(ModelLibrary.BUILT_IN).doesNotContain(fan.id());
      assertThat(fan.id()).isEqualTo("bench-fan");
      assertThat(fan.property("fan.speed").orElseThrow().unit()).isEqualTo("rpm");
      assertThat(fan.view().gltf().orElseThrow().content()).as("the glTF scene came with it")
          .hasValueSatisfying(text -> assertThat(text).contains("twinlab bench fan"));

      StationGrid grid = new StationGrid(List.of(new StationGrid.Station("fan-1", fan),
          new StationGrid.Station("motor-9", client.model("motor-9"))), new DesktopAssetManager(true));
      LiveStations live = new LiveStations(grid);
      live.load(client.twin("fan-1"));
      live.load(client.twin("motor-9"));
      RigScene fanScene = grid.scene("fan-1").orElseThrow();
      assertThat(fanScene.parts()).containsExactlyInAnyOrder("lamp", "Fan", "Housing");
      assertThat(fanScene.root().getChild("bench-fan#gltf")).as("drawn from its own glTF scene").isNotNull();
      fanScene.apply("fan.running", true);
      assertThat(fanScene.colorOf("lamp").g).isGreaterThan(0.6f);

      // a built-in model comes the same way and is the model the viewer knew, built into the same parts
      TwinModel motor = client.model("motor-9");
      TwinModel builtIn = ModelLibrary.loadBuiltIn("motor-vibration");
      assertThat(withoutScene(motor)).isEqualTo(withoutScene(builtIn));
      assertThat(grid.scene("motor-9").orElseThrow().parts())
          .containsExactlyInAnyOrderElementsOf(new RigScene(builtIn, new DesktopAssetManager(true)).parts());

      assertThatThrownBy(() -> client.model("no-such-twin")).hasMessageContaining("404");
      runtime.accounts().add("cand9", Role.CANDIDATE, "Candidate", PASSWORD);
      RuntimeClient candidate = RuntimeClient.login(url, "cand9", PASSWORD);
      assertThatThrownBy(() -> candidate.model("fan-1")).as("a candidate without a station").hasMessageContaining("403");
    } finally {
      get(runtime.stop());
      get(vertx.close());
    }
  }

  /** The model without its glTF text, which the runtime serves re-encoded: the same document, not the same characters. */
  private static TwinModel withoutScene(TwinModel m) {
    return new TwinModel(m.id(), m.version(), m.name(), m.kind(), m.components(), m.alarms(), new ViewHints(m.view().shapes(),
        m.view().gltf().map(g -> new org.twinlab.models.view.GltfScene(g.file(), g.nodes()))));
  }

  private static String login(URI url) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/v1/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"user\": \"exam1\", \"password\": \"" + PASSWORD + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return body.replaceAll(".*\"token\" *: *\"([^\"]*)\".*", "$1");
  }
}
