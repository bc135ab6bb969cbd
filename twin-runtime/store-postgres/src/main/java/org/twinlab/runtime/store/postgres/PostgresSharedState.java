package org.twinlab.runtime.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.twinlab.runtime.auth.AccountStore;
import org.twinlab.runtime.auth.AuditStore;
import org.twinlab.runtime.binding.BindingHistory;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.packages.PackageStore;
import org.twinlab.runtime.shared.SharedKeys;
import org.twinlab.runtime.shared.SharedState;

/** Accounts, the audit trail, binding versions, twin packages and the platform key in the shared PostgreSQL. */
final class PostgresSharedState implements SharedState {
  private final HikariDataSource ds;
  private final String where;
  private final PostgresAccounts accounts;
  private final PostgresAuditTrail audit;
  private final PostgresPackages packages;
  private final PostgresKeys keys;

  PostgresSharedState(HikariDataSource ds, StoreConfig config) {
    this.ds = ds;
    this.where = config.where();
    this.accounts = new PostgresAccounts(ds, where);
    this.audit = new PostgresAuditTrail(ds, where);
    this.packages = new PostgresPackages(ds, where);
    this.keys = new PostgresKeys(ds, where, config::keySecret);
  }

  @Override
  public AccountStore accounts() {
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
    return new PostgresBindingHistory(ds, twin, where);
  }

  @Override
  public Optional<SharedKeys> keys() {
    return Optional.of(keys);
  }

  @Override
  public String where() {
    return where;
  }

  @Override
  public void close() {
    ds.close();
  }
}
