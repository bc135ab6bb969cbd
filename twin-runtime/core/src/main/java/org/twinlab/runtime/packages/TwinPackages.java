package org.twinlab.runtime.packages;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.models.Ids;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingHistory;
import org.twinlab.runtime.binding.BindingJournal;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Which twins a lab runs: those of its configuration, less the ones removed through the API, plus
 * the twin application packages deployed through it. A package is a binding file's content as
 * JSON ({@code twin}, {@code model}, {@code bindings}, {@code commands}) on a model the lab knows.
 */
public final class TwinPackages {
  /** The version of a twin application given none: the lab configuration's, or a package deployed without one. */
  public static final String FIRST_VERSION = "1";
  private static final String CONFIGURED = "configured";
  private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
  private static final Logger LOG = LoggerFactory.getLogger(TwinPackages.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private final java.time.Clock clock;

  private final LabConfig config;
  private final Map<String, String> protocols;
  private final PackageStore store;
  private final java.util.function.Function<String, BindingHistory> bindings;
  private final Map<String, TwinModel> models = new LinkedHashMap<>();
  private final Map<String, TwinConfig> fromPackages = new LinkedHashMap<>();

  /** @param clock dates the binding journal a removed twin leaves behind */
  public TwinPackages(LabConfig config, Map<String, String> protocols, java.time.Clock clock) {
    this(config, protocols, clock, new FilePackageStore(config.dataDir()),
        twin -> new BindingJournal(config.dataDir().resolve("bindings"), twin));
  }

  /**
   * The lab's twins with their packages kept in {@code store} and each twin's binding versions where
   * {@code bindings} says (a data directory's files, or a database the lab's nodes share).
   */
  public TwinPackages(LabConfig config, Map<String, String> protocols, java.time.Clock clock, PackageStore store,
      java.util.function.Function<String, BindingHistory> bindings) {
    this.config = config;
    this.clock = clock;
    this.protocols = Map.copyOf(protocols);
    this.store = store;
    this.bindings = bindings;
    ModelLibrary.BUILT_IN.forEach(id -> models.put(id, ModelLibrary.loadBuiltIn(id)));
    config.twins().forEach(t -> models.put(t.model().id(), t.model()));
  }

  /** The models the lab knows, by id: the built-in ones, then those of its configuration. */
  public List<TwinModel> models() {
    return List.copyOf(models.values());
  }

  /** The twins to start with: the configured ones not removed, then the deployed packages. A package that no longer loads is logged and left out. */
  public List<TwinConfig> startingTwins() {
    Set<String> removed;
    List<JsonObject> deployed;
    try {
      removed = store.removed();
      deployed = store.deployed();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the deployed packages in " + config.dataDir().resolve("packages"), e);
    }
    for (JsonObject pkg : deployed) {
      try {
        TwinConfig t = read(pkg);
        fromPackages.put(t.id(), t);
      } catch (InvalidInputException | TwinRequestException e) {
        LOG.error("packages: the package of twin '{}' no longer loads and is left out: {}", pkg.getValue("twin"), e.getMessage());
      }
    }
    List<TwinConfig> out = new ArrayList<>();
    for (TwinConfig t : config.twins()) {
      if (!removed.contains(t.id()) && !fromPackages.containsKey(t.id())) out.add(t);
    }
    out.addAll(fromPackages.values());
    return out;
  }

  public boolean isPackage(String twin) {
    return fromPackages.containsKey(twin);
  }

  /** Reads a package as the API got it; the problems name its fields. */
  public TwinConfig read(JsonObject pkg) throws InvalidInputException {
    Object twin = pkg.getValue("twin");
    if (!(twin instanceof String id) || !Ids.isName(id)) {
      throw TwinRequestException.invalid("twin", "a twin id: lower case letters, digits and - (e.g. conveyor-2)");
    }
    TwinModel model = models.get(String.valueOf(pkg.getValue("model")));
    if (model == null) {
      throw TwinRequestException.invalid("model", "no model '" + pkg.getValue("model") + "' (known: " + String.join(", ", models.keySet()) + ")");
    }
    JsonObject plain = pkg.copy();
    Object version = plain.remove("version"); // the package's own version, not part of its binding file
    if (version != null) versionOf(version, "version");
    BindingSet bindings = BindingLoader.load("package", plain.encode(), model, protocols);
    return new TwinConfig(id, model, bindings, null);
  }

  /** Keeps a deployed package (on disk, or in the shared store). */
  public void saved(String twin, JsonObject pkg) throws IOException {
    store.saveDeployed(twin, pkg);
  }

  /** A package version as text: 2 and "2" are the same version; anything else is refused naming {@code field}. */
  public static String versionOf(Object v, String field) {
    String text = v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue())
        : v instanceof String s ? s : null;
    if (text == null || !VERSION.matcher(text).matches()) {
      throw TwinRequestException.invalid(field, "a package version: letters, digits, '.', '_' or '-' (e.g. 2 or 2.1)");
    }
    return text;
  }

  /** The version of its package a twin runs. */
  public String version(String twin) throws IOException {
    return store.deployed(twin).map(p -> versionOf(p.getValue("version", FIRST_VERSION), "version")).orElse(FIRST_VERSION);
  }

  /**
   * Keeps an upgraded twin's new package on disk, and the one it ran before as what a rollback
   * returns to; its binding journal is set aside, as the new version starts from its own bindings.
   */
  public void upgraded(String twin, JsonObject pkg, TwinConfig next) throws IOException {
    JsonObject before = store.deployed(twin).orElseGet(() -> new JsonObject().put(CONFIGURED, true).put("version", FIRST_VERSION));
    store.saveRollback(twin, before);
    store.saveDeployed(twin, pkg);
    fromPackages.put(twin, next);
    setJournalAside(twin, "upgraded");
  }

  /** What a rollback would install: the twin's configuration and the version it ran, if it was upgraded. */
  public Optional<Rollback> rollbackTarget(String twin) throws IOException, InvalidInputException {
    Optional<JsonObject> target = store.rollback(twin);
    if (target.isEmpty()) return Optional.empty();
    JsonObject pkg = target.get();
    String version = versionOf(pkg.getValue("version", FIRST_VERSION), "version");
    if (pkg.getBoolean(CONFIGURED, false)) {
      return config.twins().stream().filter(t -> t.id().equals(twin)).findFirst().map(t -> new Rollback(t, version, null));
    }
    return Optional.of(new Rollback(read(pkg), version, pkg));
  }

  /** A twin's configuration to roll back to, and its package ({@code null} for the lab configuration's own twin). */
  public record Rollback(TwinConfig twin, String version, JsonObject pkg) {}

  /** Keeps a rollback on disk: the package rolled back to runs from now on, with nothing more to roll back to. */
  public void rolledBack(String twin, Rollback r) throws IOException {
    if (r.pkg() == null) {
      store.dropDeployed(twin);
      fromPackages.remove(twin);
    } else {
      store.saveDeployed(twin, r.pkg());
      fromPackages.put(twin, r.twin());
    }
    store.dropRollback(twin);
    setJournalAside(twin, "rolled-back");
  }

  private void setJournalAside(String twin, String why) throws IOException {
    bindings.apply(twin).setAside(why + "-" + STAMP.format(clock.instant()) + "-" + clock.millis() % 1000);
  }

  /** Records a removal and sets the twin's binding journal aside, so a twin deployed later under the same id starts afresh. */
  public void removed(String twin) throws IOException {
    boolean configured = config.twins().stream().anyMatch(t -> t.id().equals(twin));
    store.saveRemoved(twin, configured);
    fromPackages.remove(twin);
    bindings.apply(twin).setAside("removed-" + STAMP.format(clock.instant()));
  }
}
