package org.twinlab.runtime.shared;

import java.time.Clock;
import java.util.ServiceLoader;
import org.twinlab.runtime.config.StoreConfig;

/**
 * Makes the shared state a {@code store:} section names; found through {@link ServiceLoader}, so a
 * store's driver is on the class path only when its module is.
 */
public interface SharedStateFactory {

  /** The {@code type} of {@code store:} this factory serves. */
  String type();

  /** Connects to the store (its schema brought up to date first). Blocking. */
  SharedState open(StoreConfig config, Clock clock);

  /** The factory for a configured store, or an error that says which module is missing. */
  static SharedStateFactory forType(String type) {
    for (SharedStateFactory f : ServiceLoader.load(SharedStateFactory.class)) {
      if (f.type().equals(type)) return f;
    }
    throw new IllegalStateException("store: type " + type + " is configured, but its module (twin-store-" + type
        + ") is not on the class path");
  }
}
