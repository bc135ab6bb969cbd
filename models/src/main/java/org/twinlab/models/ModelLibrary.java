package org.twinlab.models;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.view.GltfScene;

/** The rig models shipped with twinlab, read from the classpath ({@code /models/NAME.yaml}). */
public final class ModelLibrary {
  public static final List<String> BUILT_IN = List.of("conveyor-sorting", "tank-process", "motor-vibration");

  private final Map<String, TwinModel> models;

  private ModelLibrary(Map<String, TwinModel> models) {
    this.models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
  }

  /** Loads every built-in model; a broken built-in model is a build defect, so it throws. */
  public static ModelLibrary builtIn() {
    Map<String, TwinModel> all = new LinkedHashMap<>();
    for (String name : BUILT_IN) {
      all.put(name, loadBuiltIn(name));
    }
    return new ModelLibrary(all);
  }

  /** A built-in model, with its glTF scene's text when it has one (beside it on the class path). */
  public static TwinModel loadBuiltIn(String name) {
    TwinModel model = ModelLoader.loadOrThrow("models/" + name + ".yaml", new java.io.StringReader(builtInSource(name)));
    return model.view().gltf().filter(GltfScene::plainFileName).map(g -> {
      try (InputStream in = ModelLibrary.class.getResourceAsStream("/models/" + g.file())) {
        if (in == null) throw new IllegalStateException("the built-in model " + name + " names the glTF file " + g.file() + ", which is missing");
        return model.withGltfContent(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).orElse(model);
  }

  /** The YAML text of a built-in model, for tools that derive variants of it. */
  public static String builtInSource(String name) {
    InputStream in = ModelLibrary.class.getResourceAsStream("/models/" + name + ".yaml");
    if (in == null) {
      throw new IllegalArgumentException("no built-in model '" + name + "' (known: " + BUILT_IN + ")");
    }
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public Optional<TwinModel> get(String name) {
    return Optional.ofNullable(models.get(name));
  }

  public List<TwinModel> all() {
    return List.copyOf(models.values());
  }
}
