package org.twinlab.runtime.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.twinlab.runtime.config.StoreConfig;

/** A pool of connections to the shared PostgreSQL, its schema brought up to date by Flyway first. */
public final class PostgresDatabase {
  static final String MIGRATIONS = "classpath:org/twinlab/runtime/store/postgres/migration";

  private PostgresDatabase() {}

  /** Connects and migrates; blocking. Fails with the URL (never the password) when the server cannot be reached. */
  public static HikariDataSource open(StoreConfig config) {
    return open(config, java.time.Duration.ofSeconds(10));
  }

  /** {@code wait}: how long an append waits for a connection before it is refused (the session then takes no change). */
  static HikariDataSource open(StoreConfig config, java.time.Duration wait) {
    return open(config, wait, 8);
  }

  /** {@code poolSize}: at most this many connections (the shared state's pool needs fewer than the evidence's). */
  static HikariDataSource open(StoreConfig config, java.time.Duration wait, int poolSize) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.url());
    // named, not looked up through DriverManager: in a shaded jar or a test class path its service entry may not be seen
    hc.setDriverClassName(org.postgresql.Driver.class.getName());
    hc.setUsername(config.user());
    hc.setPassword(config.password());
    hc.setPoolName("twinlab-store");
    hc.setMaximumPoolSize(poolSize);
    hc.setConnectionTimeout(wait.toMillis());
    // a commit is acknowledged once the server has it on disk (its WAL flushed), whatever the server's default
    hc.setConnectionInitSql("SET synchronous_commit = on");
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot connect to the store " + config.where() + ": " + rootMessage(e), e);
    }
    try {
      migrate(ds);
    } catch (RuntimeException e) {
      ds.close();
      throw new IllegalStateException("cannot bring the schema of the store " + config.where() + " up to date: " + rootMessage(e), e);
    }
    return ds;
  }

  static void migrate(javax.sql.DataSource ds) {
    Flyway.configure().dataSource(ds).locations(MIGRATIONS).table("twinlab_schema_history").load().migrate();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage();
  }
}
