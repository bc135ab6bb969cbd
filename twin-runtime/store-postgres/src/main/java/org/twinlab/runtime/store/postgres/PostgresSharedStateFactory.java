package org.twinlab.runtime.store.postgres;

import java.time.Clock;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.shared.SharedState;
import org.twinlab.runtime.shared.SharedStateFactory;

/** {@code store: {type: postgres, …}}: accounts, audit trail, binding versions, packages and the platform key in PostgreSQL. */
public final class PostgresSharedStateFactory implements SharedStateFactory {
  @Override
  public String type() {
    return StoreConfig.POSTGRES;
  }

  @Override
  public SharedState open(StoreConfig config, Clock clock) {
    return new PostgresSharedState(PostgresDatabase.open(config, java.time.Duration.ofSeconds(10), 4), config);
  }
}
