package org.twinlab.runtime.shared;

import java.nio.file.Path;
import java.util.Optional;
import org.twinlab.runtime.auth.AccountStore;
import org.twinlab.runtime.auth.AuditStore;
import org.twinlab.runtime.auth.FileAccountStore;
import org.twinlab.runtime.auth.FileAuditStore;
import org.twinlab.runtime.binding.BindingHistory;
import org.twinlab.runtime.binding.BindingJournal;
import org.twinlab.runtime.packages.FilePackageStore;
import org.twinlab.runtime.packages.PackageStore;

/** Everything in one data directory, as a runtime without {@code store:} has always kept it. */
final class FileSharedState implements SharedState {
  private final Path dataDir;
  private AccountStore accounts;
  private final AuditStore audit;
  private final PackageStore packages;

  FileSharedState(Path dataDir) {
    this.dataDir = dataDir;
    this.audit = new FileAuditStore(dataDir);
    this.packages = new FilePackageStore(dataDir);
  }

  @Override
  public synchronized AccountStore accounts() {
    // read when first asked for, as Accounts.open reads it
    if (accounts == null) accounts = new FileAccountStore(dataDir);
    return accounts;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public PackageStore packages() {
    return packages;
  }

  @Override
  public BindingHistory bindings(String twin) {
    return new BindingJournal(dataDir.resolve("bindings"), twin);
  }

  @Override
  public Optional<SharedKeys> keys() {
    return Optional.empty();
  }

  @Override
  public String where() {
    return dataDir.toString();
  }

  @Override
  public void close() {
    audit.close();
  }
}
