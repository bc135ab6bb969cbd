package org.twinlab.runtime.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.CommandBinding;
import org.twinlab.runtime.binding.StationScope;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.runtime.twin.Twins;

/**
 * The station scope of each twin, from the bindings it was configured with: those the runtime
 * started it with, or those of the package staff last deployed for it. What candidates edit or
 * deploy never widens it, and it outlives a twin's removal, so a redeployed twin keeps its scope.
 */
final class StationScopes {
  private final Twins twins;
  private final Map<String, String> protocols;
  private final Map<String, TwinConfig> configured = new ConcurrentHashMap<>();

  StationScopes(Twins twins, Map<String, String> protocols) {
    this.twins = twins;
    this.protocols = Map.copyOf(protocols);
    twins.all().forEach(t -> configured.put(t.id(), t.twinConfig()));
  }

  /** Whether a caller's bindings are confined: candidates' are; administrators and trainers set up any rig. */
  static boolean confines(Caller c) {
    return !(c.is(Role.ADMIN) || c.is(Role.TRAINER));
  }

  /** A package staff deployed is the twin's configuration from now on; it stays at the station it stood at. */
  void deployedByStaff(TwinConfig twin) {
    configured.merge(twin.id(), twin, (before, now) -> now.station() != null ? now
        : new TwinConfig(now.id(), now.model(), now.bindings(), before.station()));
  }

  /** Why a binding reaches outside the twin's station, if it does and the caller is confined. */
  Optional<StationScope.Refusal> refusal(Caller c, TwinVerticle t, Binding b) {
    return confines(c) ? scope(t.id(), t.twinConfig()).check(b) : Optional.empty();
  }

  /**
   * The same for every binding and command of a package a candidate deploys, the field naming
   * which; read against the model of the twin as configured, since the package widens nothing.
   */
  Optional<StationScope.Refusal> refusal(Caller c, JsonObject pkg) {
    if (!confines(c)) return Optional.empty();
    String twin = String.valueOf(pkg.getValue("twin"));
    TwinConfig own = configured.get(twin);
    if (own == null) {
      return Optional.of(new StationScope.Refusal("twin", twin + " has no configured bindings to keep a candidate's package to its station: "
          + "a trainer or administrator deploys it"));
    }
    BindingSet set = Http.parse("bindings", () -> BindingLoader.load("package", pkg.encode(), own.model(), protocols));
    StationScope scope = scope(twin, null);
    for (Binding b : set.bindings()) {
      var r = scope.check(b);
      if (r.isPresent()) return Optional.of(new StationScope.Refusal("bindings[" + b.property() + "]." + r.get().field(), r.get().reason()));
    }
    for (CommandBinding cmd : set.commands()) {
      var r = scope.check(cmd);
      if (r.isPresent()) return Optional.of(new StationScope.Refusal("commands[" + cmd.command() + "]." + r.get().field(), r.get().reason()));
    }
    return Optional.empty();
  }

  /** Answers a refusal: 403, with the field at fault and why; nothing was changed. */
  static void forbid(RoutingContext ctx, StationScope.Refusal r) {
    Http.send(ctx, 403, Http.error(r.reason(), List.of(new JsonObject().put("field", r.field()).put("message", r.reason()))));
  }

  private StationScope scope(String twin, TwinConfig current) {
    TwinConfig own = configured.get(twin);
    if (own == null && current != null) own = configured.computeIfAbsent(twin, id -> current);
    BindingSet ownBindings = own == null ? new BindingSet(twin, "", List.of()) : own.bindings();
    String station = own == null ? null : own.station();
    List<BindingSet> others = new ArrayList<>();
    Map<String, TwinConfig> all = new LinkedHashMap<>(configured);
    twins.all().forEach(t -> all.putIfAbsent(t.id(), t.twinConfig()));
    for (TwinConfig other : all.values()) {
      if (other.id().equals(twin)) continue;
      boolean sameStation = station != null && Objects.equals(station, other.station());
      if (!sameStation) others.add(other.bindings());
    }
    return StationScope.of(new BindingSet(twin, ownBindings.model(), ownBindings.bindings(), ownBindings.commands()), others, protocols);
  }
}
