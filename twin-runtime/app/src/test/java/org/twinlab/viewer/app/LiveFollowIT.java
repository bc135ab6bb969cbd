package org.twinlab.viewer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jme3.asset.DesktopAssetManager;
import com.jme3.scene.Node;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.viewer.net.RuntimeClient;
import org.twinlab.viewer.scene.StationGrid;
import org.twinlab.wire.ChangeView;

/**
 * The viewer's live path against the demo lab, without drawing: it follows the conveyor over the
 * runtime's WebSocket and its workpiece moves in step with the twin's encoder; a candidate is
 * refused what is not theirs.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LiveFollowIT {
  @TempDir
  Path data;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theWorkpieceMovesInStepWithTheTwin() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab.config()));
      try {
        runtime.accounts().add("exam1", Role.ADMIN, "Examiner", "viewer-test-password");
        runtime.accounts().add("cand9", Role.CANDIDATE, "Candidate", "viewer-test-password");
        URI url = URI.create("http://127.0.0.1:" + runtime.port());
        RuntimeClient client = RuntimeClient.login(url, "exam1", "viewer-test-password");
        StationGrid grid = new StationGrid(List.of(new StationGrid.Station("conveyor-1", ModelLibrary.loadBuiltIn("conveyor-sorting"))),
            new DesktopAssetManager(true));
        LiveStations live = new LiveStations(grid);
        live.load(client.twin("conveyor-1"));
        AtomicReference<Object> lastEncoder = new AtomicReference<>();
        client.follow(List.of("conveyor-1"), c -> {
          live.offer(c);
          if (c instanceof ChangeView.PropertyChange p && p.state().property().equals("belt.encoder_position")) {
            lastEncoder.set(p.state().value());
          }
        }, problem -> { }).toCompletableFuture().get(10, TimeUnit.SECONDS);
        Node workpiece = (Node) ((Node) grid.scene("conveyor-1").orElseThrow().root().getChild("workpiece")).getChild("workpiece#body");
        var animation = ModelLibrary.loadBuiltIn("conveyor-sorting").view().gltf().orElseThrow().nodes().stream()
            .filter(n -> n.node().equals("workpiece")).findFirst().orElseThrow().animation();
        await().atMost(Duration.ofSeconds(60)).until(() -> lastEncoder.get() != null);
        float first = workpiece.getLocalTranslation().x;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          live.drain();
          double encoder = ((Number) lastEncoder.get()).doubleValue();
          assertThat(workpiece.getLocalTranslation().x).as("the workpiece where the encoder puts it")
              .isCloseTo((float) animation.distance(encoder), org.assertj.core.data.Offset.offset(1e-4f));
          assertThat(workpiece.getLocalTranslation().x).as("it has moved").isNotEqualTo(first);
        });
        // and the twin agrees with what the viewer heard
        Object twinSays = get(runtime.twins().require("conveyor-1").snapshot()).properties().stream()
            .filter(p -> p.property().equals("belt.encoder_position")).findFirst().map(PropertyState::value).orElseThrow();
        assertThat(((Number) twinSays).longValue()).isGreaterThanOrEqualTo(((Number) lastEncoder.get()).longValue());

        RuntimeClient candidate = RuntimeClient.login(url, "cand9", "viewer-test-password");
        assertThat(candidate.twins()).as("a candidate without a station sees no twin").isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> candidate.twin("conveyor-1")).hasMessageContaining("403");
      } finally {
        get(runtime.stop());
        get(vertx.close());
      }
    }
  }
}
