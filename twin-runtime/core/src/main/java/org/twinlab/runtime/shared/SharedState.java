package org.twinlab.runtime.shared;

import java.nio.file.Path;
import java.time.Clock;
import org.twinlab.runtime.auth.AccountStore;
import org.twinlab.runtime.auth.AuditStore;
import org.twinlab.runtime.binding.BindingHistory;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.packages.PackageStore;

/**
 * What must outlive any one node of a lab: accounts, the audit trail, binding versions, twin
 * packages and the platform's signing key. Kept in the data directory ({@link #files}) unless
 * {@code twinlab.yaml} has a {@code store:} section, whose module (found through
 * {@link SharedStateFactory}) keeps it where every node reaches it. Blocking.
 */
public interface SharedState extends AutoCloseable {

  AccountStore accounts();

  AuditStore audit();

  PackageStore packages();

  /** One twin's binding versions. */
  BindingHistory bindings(String twin);

  /** The lab's signing keys, or empty when each data directory keeps its own (the file default). */
  java.util.Optional<SharedKeys> keys();

  /** Where it is kept, for messages. */
  String where();

  @Override
  void close();

  /** The data directory's files, as a runtime without {@code store:} keeps them. */
  static SharedState files(Path dataDir) {
    return new FileSharedState(dataDir);
  }

  /** What a lab's configuration says: its {@code store:}, or its data directory. Blocking (a store connects and migrates). */
  static SharedState of(LabConfig config, Clock clock) {
    return config.store().map(st -> SharedStateFactory.forType(st.type()).open(st, clock)).orElseGet(() -> files(config.dataDir()));
  }
}
