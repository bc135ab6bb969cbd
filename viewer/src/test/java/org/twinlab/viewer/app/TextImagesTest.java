package org.twinlab.viewer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.jme3.asset.DesktopAssetManager;
import com.jme3.renderer.Camera;
import com.jme3.scene.Node;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.viewer.scene.StationGrid;

/** Chinese text in labels, drawn offscreen with AWT in the CJK font the viewer ships: no installed font needed. */
class TextImagesTest {
  private static void requireCjkFont() {
    assertThat(TextImages.bundledFamily()).as("the shipped font %s", TextImages.BUNDLED_FONT).isPresent();
    assertThat(TextImages.familyFor("液位温度")).as("the shipped font draws Chinese").isEqualTo(TextImages.bundledFamily());
  }

  private static boolean same(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) return false;
    }
    return true;
  }

  // the glyphs themselves, not the empty boxes a font without them draws: two words, two different images
  @Test
  void chineseTextIsDrawnAsItsGlyphs() {
    requireCjkFont();
    String family = TextImages.familyFor("液位温度").orElseThrow();
    BufferedImage level = TextImages.render("液位", family, 17, Color.BLACK);
    BufferedImage temperature = TextImages.render("温度", family, 17, Color.BLACK);
    assertThat(TextImages.drawn(level)).as("液位 drawn in %s", family).isGreaterThan(40);
    assertThat(TextImages.drawn(temperature)).as("温度 drawn in %s", family).isGreaterThan(40);
    assertThat(same(level, temperature)).as("two words, two images").isFalse();
  }

  @Test
  void aStationWithAChineseNameIsLabelledWithAwt() {
    requireCjkFont();
    var assets = new DesktopAssetManager(true);
    StationGrid grid = new StationGrid(List.of(new StationGrid.Station("液位-1", ModelLibrary.loadBuiltIn("tank-process")),
        new StationGrid.Station("tank-2", ModelLibrary.loadBuiltIn("tank-process"))), assets);
    Camera cam = new Camera(800, 500);
    OrbitCamera.firstView(cam, grid);
    cam.update();
    StationLabels labels = new StationLabels(grid, assets.loadFont("Interface/Fonts/Default.fnt"), new Node("gui"), assets);
    labels.update(cam, new LiveStations(grid));
    assertThat(labels.drawnWithAwt("液位-1")).isTrue();
    assertThat(labels.drawnWithAwt("tank-2")).as("ASCII stays with the bitmap font").isFalse();
    StationLabels.Rect r = labels.regions().get("液位-1");
    assertThat(r.x1() - r.x0()).as("laid out at the image's size").isGreaterThan(20);
    assertThat(r.overlaps(labels.regions().get("tank-2"))).isFalse();
  }
}
