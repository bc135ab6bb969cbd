package org.twinlab.runtime.store.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.testing.Peers;

/**
 * A throwaway PostgreSQL cluster of the installed Debian package, in a temporary directory, on a
 * free port of 127.0.0.1 only (its socket in that directory too), fsync on. PostgreSQL refuses to
 * run as root, so under root initdb and the server run as the {@code postgres} system user.
 * Where no PostgreSQL is installed the test skips with the reason (and fails under
 * TWINLAB_REQUIRE_PEERS=1, as in CI).
 */
public final class PostgresCluster implements AutoCloseable {
  public static final String USER = "twinlab";
  public static final String PASSWORD = "twinlab-test-only";
  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final boolean asPostgres;

  private PostgresCluster(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Makes and starts a cluster, or skips the test where PostgreSQL is not installed. */
  public static PostgresCluster start() throws Exception {
    Optional<Path> bin = installed();
    Peers.require(bin.isPresent(), "PostgreSQL (/usr/lib/postgresql/*/bin/initdb)", "apt-get install postgresql");
    boolean root = "0".equals(run(List.of("id", "-u"), null).strip());
    Path dir = Files.createTempDirectory("twinlab-pg-");
    PostgresCluster c = new PostgresCluster(bin.get(), dir, freePort(), root);
    try {
      Files.writeString(dir.resolve("pwfile"), PASSWORD + "\n");
      if (root) run(List.of("chown", "-R", "postgres:", dir.toString()), null);
      c.pg(List.of(bin.get().resolve("initdb").toString(), "-D", c.data.toString(), "-U", USER, "--pwfile=" + dir.resolve("pwfile"),
          "--auth=scram-sha-256", "-E", "UTF8", "--no-sync"));
      c.startServer();
      return c;
    } catch (Exception e) {
      c.close();
      throw e;
    }
  }

  private static Optional<Path> installed() throws IOException {
    Path base = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(base)) return Optional.empty();
    try (Stream<Path> versions = Files.list(base)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())));
    }
  }

  private static int versionOf(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Starts the server (again, after {@link #stopServer}); returns once it takes connections. */
  public void startServer() throws Exception {
    pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir + " -c fsync=on -c synchronous_commit=on", "start"));
  }

  /** Stops the server (fast: open transactions are rolled back, committed ones are on disk). */
  public void stopServer() throws Exception {
    pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-m", "fast", "stop"));
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A fresh, empty database in the cluster. */
  public String newDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  /** A store configuration for a database of this cluster, its password and key secret in files as a deployment would keep them. */
  public StoreConfig config(String database) throws IOException {
    return config(database, "key-secret-test-only");
  }

  /** The same with a key secret of its own (a node given another secret than the first). */
  public StoreConfig config(String database, String keySecret) throws IOException {
    Path secret = dir.resolve("secret-" + database);
    Files.writeString(secret, PASSWORD + "\n");
    Path key = Files.writeString(dir.resolve("key-secret-" + database + "-" + Integer.toHexString(keySecret.hashCode())), keySecret + "\n");
    return new StoreConfig(StoreConfig.POSTGRES, url(database), USER, Optional.empty(), Optional.of(secret), Optional.empty(), Optional.of(key));
  }

  public Connection connect(String database) throws SQLException {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", USER);
    p.setProperty("password", PASSWORD);
    return new org.postgresql.Driver().connect(url(database), p);
  }

  private void pg(List<String> command) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    run(full, dir);
  }

  private static String run(List<String> command, Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Path out = Files.createTempFile("twinlab-pg-cmd", ".log");
    pb.redirectOutput(out.toFile());
    if (dir != null) pb.directory(dir.toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within 120 s");
      }
      String text = Files.readString(out);
      if (p.exitValue() != 0) throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + text);
      return text;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) stopServer();
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
