package org.twinlab.viewer.app;

import com.jme3.system.AppSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.viewer.net.Json;
import org.twinlab.viewer.net.RuntimeClient;
import org.twinlab.viewer.net.WireModels;
import org.twinlab.wire.ModelView;
import org.twinlab.viewer.scene.StationGrid;
import org.twinlab.wire.TwinView;
import org.twinlab.wire.WireFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twinlab-viewer}: the stations in 3D, live from a runtime, or one frame to a PNG. */
@Command(name = "twinlab-viewer", mixinStandardHelpOptions = true,
    description = {"The lab's rigs in 3D, live from a twinlab runtime over its HTTP and WebSocket API.",
        "Log in with --user (password from the TWINLAB_PASSWORD environment variable, or asked for) or --token.",
        "With --snapshot it renders one frame to a PNG and exits (under Xvfb with Mesa where there is no screen)."})
public final class ViewerCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", description = "the runtime, e.g. http://127.0.0.1:8080")
  URI url;

  @Option(names = "--user", description = "log in as this user")
  String user;

  @Option(names = "--token", defaultValue = "${env:TWINLAB_TOKEN}", description = "a login token instead (default: $TWINLAB_TOKEN)")
  String token;

  @Option(names = "--twin", description = "a twin to show (repeat; default: every twin the user may see)")
  List<String> twins = new ArrayList<>();

  @Option(names = "--state", description = "show a twin from a saved state file (as GET /api/v1/twins/{id} answers), not live (repeat)")
  List<Path> states = new ArrayList<>();

  @Option(names = "--model", description = "a saved model (as GET /api/v1/twins/{id}/model or /api/v1/models/{model} answers) "
      + "for the --state files of a model not built in (repeat)")
  List<Path> modelFiles = new ArrayList<>();

  @Option(names = "--snapshot", description = "render one frame to this PNG file and exit")
  Path snapshot;

  @Option(names = "--select", paramLabel = "TWIN/PART", description = "with --snapshot: show the panel of this part, as a click on it would")
  String select;

  @Option(names = "--regions", description = "with --snapshot: also write where each part is on the image (JSON)")
  Path regions;

  @Option(names = "--width", defaultValue = "1280", description = "window or image width (default: ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--height", defaultValue = "720", description = "window or image height (default: ${DEFAULT-VALUE})")
  int height;

  @Option(names = "--measure-fps", paramLabel = "SECONDS", description = "count frames for this long, print frames per second and exit")
  Integer measureFps;

  @Option(names = "--lit", description = "draw the rigs lit and shaded, with shadows (default: flat, in their colours as written)")
  boolean lit;

  @Option(names = "--copies", defaultValue = "1", description = "show each twin this many times (to measure many stations)")
  int copies;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ViewerCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (url == null && states.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "give --url or --state");
    if (width < 64 || height < 64 || width > 8192 || height > 8192) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--width and --height are 64 to 8192");
    }
    if (System.getenv("DISPLAY") == null && !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win")
        && !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac")) {
      err.println("twinlab-viewer: no display (DISPLAY is not set): run it under Xvfb, e.g. xvfb-run -a ./twinlab-viewer …");
      err.flush();
      return 2;
    }
    RuntimeClient client;
    List<TwinView> shown = new ArrayList<>();
    // each twin's model: a live twin's from the runtime (so a model uploaded there is drawn too), a saved one's by name
    Map<String, TwinModel> modelOf = new LinkedHashMap<>();
    List<String> notices = new ArrayList<>();
    try {
      client = url == null ? null : connect();
      Map<String, TwinModel> saved = new LinkedHashMap<>();
      for (Path p : modelFiles) {
        TwinModel m = savedModel(p);
        saved.put(m.id(), m);
      }
      for (Path p : states) {
        TwinView t = savedTwin(p);
        shown.add(t);
        modelOf.put(t.id(), saved.containsKey(t.model()) ? saved.get(t.model()) : builtIn(p, t.model()));
      }
      if (client != null) {
        for (String id : twins.isEmpty() ? client.twins() : twins) {
          try {
            TwinView t = client.twin(id);
            modelOf.put(t.id(), client.model(id));
            shown.add(t);
          } catch (RuntimeClient.NotShown e) {
            // an examiner sees only the stations they mark: the others are skipped, and said so, in the log and on the screen
            String skipped = "skipped " + id + " (" + (e.status() == 403 ? "not yours to see" : "no such twin") + ")";
            notices.add(skipped);
            err.println("twinlab-viewer: " + skipped);
            err.flush();
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // a refused login, a twin the user may not see, an unreadable state file: said plainly
      err.println("twinlab-viewer: " + e.getMessage());
      err.flush();
      return 1;
    }
    if (shown.isEmpty()) {
      err.println("twinlab-viewer: no twin to show");
      err.flush();
      return 1;
    }
    List<StationGrid.Station> stations = new ArrayList<>();
    Map<String, TwinView> initial = new LinkedHashMap<>();
    for (int c = 0; c < copies; c++) {
      for (TwinView s : shown) {
        String name = copies == 1 ? s.id() : s.id() + "#" + (c + 1);
        stations.add(new StationGrid.Station(name, modelOf.get(s.id())));
        initial.put(name, s);
      }
    }
    CompletableFuture<Integer> finished = new CompletableFuture<>();
    ViewerApp app = new ViewerApp(stations, initial, notices, a -> whenReady(a, finished));
    if (lit) app.shade(org.twinlab.viewer.scene.Shading.LIT);
    app.setSettings(settings());
    app.setShowSettings(false);
    app.setPauseOnLostFocus(false);
    if (client != null && snapshot == null) {
      client.follow(shown.stream().map(TwinView::id).toList(), change -> app.live().offer(change),
          problem -> System.err.println("twinlab-viewer: " + problem));
    }
    app.start();
    if (snapshot == null && measureFps == null) {
      app.closed().join(); // the window runs until it is closed
      return 0;
    }
    int code = finished.get(5, TimeUnit.MINUTES);
    app.stop(true);
    return code;
  }

  /** A twin saved from {@code GET /api/v1/twins/{id}}; what cannot be read is named with the file. */
  private static TwinView savedTwin(Path file) throws IOException {
    String text = Files.readString(file);
    try {
      return TwinView.fromMap(Json.object(text));
    } catch (java.io.UncheckedIOException | WireFormatException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** A model saved from the API; what cannot be read is named with the file. */
  static TwinModel savedModel(Path file) throws IOException {
    String text = Files.readString(file);
    try {
      return WireModels.toModel(ModelView.fromMap(Json.object(text)));
    } catch (java.io.UncheckedIOException | WireFormatException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static TwinModel builtIn(Path state, String model) throws IOException {
    if (!ModelLibrary.BUILT_IN.contains(model)) {
      throw new IOException(state + ": the model " + model + " is not built in: give it with --model FILE (saved from GET /api/v1/models/" + model + ")");
    }
    return ModelLibrary.loadBuiltIn(model);
  }

  private RuntimeClient connect() throws IOException, InterruptedException {
    if (user != null) {
      String password = System.getenv("TWINLAB_PASSWORD");
      if (password == null && System.console() != null) password = new String(System.console().readPassword("password for %s: ", user));
      if (password == null) throw new CommandLine.ParameterException(spec.commandLine(), "set TWINLAB_PASSWORD for " + user);
      return RuntimeClient.login(url, user, password);
    }
    if (token == null || token.isBlank()) throw new CommandLine.ParameterException(spec.commandLine(), "give --user or --token");
    return RuntimeClient.withToken(url, token);
  }

  private AppSettings settings() {
    AppSettings s = new AppSettings(true);
    s.setTitle("twinlab viewer");
    s.setResolution(width, height);
    s.setVSync(false);
    s.setSamples(snapshot != null ? 0 : 4);
    s.setFrameRate(measureFps != null ? -1 : 60);
    s.setAudioRenderer(null);
    // the models' colours are meant as written, not as linear light to be corrected
    s.setGammaCorrection(false);
    s.setResizable(true);
    return s;
  }

  /** On the render thread, once the scene shows the first state: grab a frame, or count frames. */
  private void whenReady(ViewerApp app, CompletableFuture<Integer> finished) {
    if (snapshot != null) {
      if (select != null) {
        int slash = select.lastIndexOf('/');
        if (slash < 0 || !app.select(select.substring(0, slash), select.substring(slash + 1))) {
          spec.commandLine().getErr().println("twinlab-viewer: --select " + select + ": no such station/part");
          spec.commandLine().getErr().flush();
          finished.complete(1);
          return;
        }
      }
      app.grabFrame(3, image -> {
        // where the parts are, with the camera as it took the frame
        Map<String, float[]> where = new LinkedHashMap<>();
        app.grid().scenes().forEach((twin, scene) -> scene.parts().forEach(part -> {
          var p = app.screenPositionOf(twin, part);
          where.put(twin + "/" + part, new float[] {p.x, p.y});
        }));
        // and where the labels and the notice are: left, top, right, bottom
        app.labelRegions().forEach((twin, r) -> where.put("label:" + twin, r));
        app.noticeRegion().ifPresent(r -> where.put("notice", r));
        app.panelRegion().ifPresent(r -> where.put("panel", r));
        try {
          ImageIO.write(image, "png", snapshot.toFile());
          if (regions != null) Files.writeString(regions, Json.regions(where));
          spec.commandLine().getOut().println("wrote " + snapshot + " (" + image.getWidth() + "×" + image.getHeight() + ")");
          spec.commandLine().getOut().flush();
          finished.complete(0);
        } catch (IOException e) {
          spec.commandLine().getErr().println("twinlab-viewer: " + e.getMessage());
          finished.complete(1);
        }
      });
    } else if (measureFps != null) {
      app.getStateManager().attach(new FpsProbe(measureFps, fps -> {
        spec.commandLine().getOut().printf(Locale.ROOT, "%d stations: %.1f frames per second%n", app.grid().scenes().size(), fps);
        spec.commandLine().getOut().flush();
        finished.complete(0);
      }));
    }
  }
}
