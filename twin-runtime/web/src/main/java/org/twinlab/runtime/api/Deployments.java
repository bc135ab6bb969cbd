package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.twinlab.runtime.twin.Actor;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.scenarios.engine.ActionOutcome;

/** Deploys, upgrades, rolls back and removes twin application packages while the runtime runs. */
public interface Deployments {

  /** The models packages may be deployed on: the built-in ones, then those of the lab's configuration. */
  java.util.List<org.twinlab.models.TwinModel> models();

  /** Deploys a package ({@code twin}, {@code model}, {@code bindings}, {@code commands}); the twin starts loaded. */
  Future<TwinVerticle> deploy(JsonObject pkg, Actor by);

  /** Removes a stopped twin application. */
  Future<Void> remove(String twin, Actor by);

  /**
   * Installs {@code version} of a twin's package ({@code pkg}: {@code bindings}, {@code commands})
   * over the running one, which is kept to roll back to; the new version runs if the old one ran.
   * Written to the twin's upgrade log whatever its outcome; the action itself is recorded by the caller.
   */
  Future<ActionOutcome> upgrade(String twin, String version, JsonObject pkg, Actor by);

  /** Returns a twin to the version it ran before its last upgrade; written to its upgrade log. */
  Future<ActionOutcome> rollback(String twin, Actor by);
}
