package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;

/**
 * The bindings a correctly set-up station of each rig model has, as shipped with the runtime
 * ({@code demo/<model>.yaml}): what the demo lab runs on and what scenarios start from.
 */
public final class StandardBindings {
  private StandardBindings() {}

  public static BindingSet load(TwinModel model, StationNames names) throws InvalidInputException, IOException {
    String name = "/demo/" + model.id() + ".yaml";
    String text;
    try (InputStream in = StandardBindings.class.getResourceAsStream(name)) {
      if (in == null) throw new IOException("no standard bindings for rig '" + model.id() + "'");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return BindingLoader.load("demo/" + model.id() + ".yaml (" + names.twin() + ")", names.fill(text), model, names.protocols());
  }
}
