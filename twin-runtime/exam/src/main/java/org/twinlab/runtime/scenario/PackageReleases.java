package org.twinlab.runtime.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.BindingWriter;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * The released versions of each rig's twin application package, as shipped with the runtime:
 * release 1 is the standard package ({@code demo/<model>.yaml}), later ones lie in
 * {@code demo/releases/<model>-<version>.yaml}. What an upgrade installs when it is given a version
 * and no bindings, on a simulated station and on the live runtime alike.
 */
public final class PackageReleases {
  /** The version of the standard package, and of a twin application deployed without one. */
  public static final String FIRST = org.twinlab.runtime.packages.TwinPackages.FIRST_VERSION;

  private PackageReleases() {}

  /** A version as text: 2 and "2" are the same version; anything else is refused naming {@code field}. */
  public static String version(Object v, String field) {
    return org.twinlab.runtime.packages.TwinPackages.versionOf(v, field);
  }

  /** The bindings of a release for this station, or a refusal naming the version. */
  public static BindingSet bindings(TwinModel model, String version, StationNames names) {
    String text = text(model.id(), version).orElseThrow(() -> TwinRequestException.invalid("version",
        "no release " + version + " of the " + model.id() + " twin application"));
    try {
      return BindingLoader.load(resource(model.id(), version) + " (" + names.twin() + ")", names.fill(text), model, names.protocols());
    } catch (InvalidInputException e) {
      throw new IllegalStateException("release " + version + " of " + model.id() + " does not load", e);
    }
  }

  /** A release as a package the runtime deploys ({@code twin}, {@code model}, {@code bindings}, {@code commands}). */
  public static JsonObject pkg(TwinModel model, String version, StationNames names) {
    BindingSet b = bindings(model, version, names);
    JsonArray commands = new JsonArray();
    b.commands().forEach(c -> commands.add(new JsonObject(BindingWriter.toMap(c))));
    JsonArray bindings = new JsonArray();
    BindingWriter.toMaps(b.bindings()).forEach(m -> bindings.add(new JsonObject(m)));
    return new JsonObject().put("twin", names.twin()).put("model", model.id()).put("bindings", bindings).put("commands", commands);
  }

  private static Optional<String> text(String model, String version) {
    try (InputStream in = PackageReleases.class.getResourceAsStream("/" + resource(model, version))) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String model, String version) {
    return FIRST.equals(version) ? "demo/" + model + ".yaml" : "demo/releases/" + model + "-" + version + ".yaml";
  }
}
