package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.twinlab.runtime.twin.Actor;
import org.twinlab.runtime.twin.TwinVerticle;

/** Deploys and removes twin application packages while the runtime runs. */
public interface Deployments {

  /** Deploys a package ({@code twin}, {@code model}, {@code bindings}, {@code commands}); the twin starts loaded. */
  Future<TwinVerticle> deploy(JsonObject pkg, Actor by);

  /** Removes a stopped twin application. */
  Future<Void> remove(String twin, Actor by);
}
