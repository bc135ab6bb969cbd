package org.twinlab.runtime.packages;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the twin application packages deployed and removed through the API are kept: files in the
 * data directory ({@link FilePackageStore}, the default) or a database every node of a lab shares.
 * Each change is kept before it returns, so it is kept before the deployment or removal is
 * acknowledged. Blocking.
 */
public interface PackageStore {

  /** The deployed packages, by twin id order. */
  List<JsonObject> deployed() throws IOException;

  /** The configured twins removed through the API. */
  Set<String> removed() throws IOException;

  /** Keeps a twin's deployed package (a twin removed before is no longer). */
  void saveDeployed(String twin, JsonObject pkg) throws IOException;

  /** Records a removal; a configured twin stays removed across restarts. Its package and rollback go. */
  void saveRemoved(String twin, boolean configured) throws IOException;

  /** A twin's deployed package, if it runs one. */
  Optional<JsonObject> deployed(String twin) throws IOException;

  /** The package to roll back to, if the twin was upgraded. */
  Optional<JsonObject> rollback(String twin) throws IOException;

  void saveRollback(String twin, JsonObject pkg) throws IOException;

  /** Back to the configured twin: no deployed package. */
  void dropDeployed(String twin) throws IOException;

  void dropRollback(String twin) throws IOException;
}
