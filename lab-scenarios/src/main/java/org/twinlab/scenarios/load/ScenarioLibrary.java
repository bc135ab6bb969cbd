package org.twinlab.scenarios.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.scenarios.model.Scenario;

/** The scenarios shipped with twinlab, listed in {@code scenarios/index.txt}. */
public final class ScenarioLibrary {
  public static final String INDEX = "/scenarios/index.txt";

  private ScenarioLibrary() {}

  /** The library's files, as paths under {@code scenarios/}. */
  public static List<String> files() {
    try (InputStream in = ScenarioLibrary.class.getResourceAsStream(INDEX)) {
      if (in == null) throw new IllegalStateException("the scenario library index is missing from the build");
      List<String> out = new ArrayList<>();
      for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
        if (!line.isBlank() && !line.startsWith("#")) out.add(line.trim());
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every library scenario, loaded and checked; a broken one is a build error, reported as such. */
  public static List<Scenario> load(ScenarioLoader loader) {
    List<Scenario> out = new ArrayList<>();
    for (String file : files()) {
      String resource = "/scenarios/" + file;
      try (InputStream in = ScenarioLibrary.class.getResourceAsStream(resource)) {
        if (in == null) throw new IllegalStateException("the library lists " + file + ", which is not in the build");
        out.add(loader.load("scenarios/" + file, new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (InvalidInputException e) {
        throw new IllegalStateException(e.getMessage(), e);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out;
  }
}
