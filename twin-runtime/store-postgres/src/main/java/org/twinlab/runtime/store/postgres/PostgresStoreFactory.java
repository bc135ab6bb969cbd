package org.twinlab.runtime.store.postgres;

import java.time.Clock;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.evidence.EvidenceStore;
import org.twinlab.runtime.evidence.EvidenceStoreFactory;

/** {@code store: {type: postgres, …}}: the sessions' evidence in PostgreSQL. */
public final class PostgresStoreFactory implements EvidenceStoreFactory {
  @Override
  public String type() {
    return StoreConfig.POSTGRES;
  }

  @Override
  public EvidenceStore open(StoreConfig config, Clock clock) {
    return new PostgresEvidenceStore(PostgresDatabase.open(config), config.where(), clock);
  }
}
