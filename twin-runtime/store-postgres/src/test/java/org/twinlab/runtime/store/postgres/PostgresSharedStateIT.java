package org.twinlab.runtime.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.binding.BindingHistory;
import org.twinlab.runtime.binding.BindingVersion;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.evidence.SessionEvidence;
import org.twinlab.runtime.shared.SharedState;
import org.twinlab.runtime.shared.SharedStateFactory;

/**
 * What must outlive any node, in a real PostgreSQL shared by two "nodes" (two stores opened on one
 * database, as two runtimes open it): an account made on one logs in on the other, one audit trail,
 * a binding version made on one is the one the other reads (and no two make the same version), the
 * packages, and one platform key made once however many nodes ask at the same moment, its private
 * half never in the clear in the database.
 */
class PostgresSharedStateIT {
  private static final String PASSWORD = "a-long-password-1";
  private static PostgresCluster cluster;
  @TempDir
  static Path data;

  @BeforeAll
  static void start() throws Exception {
    cluster = PostgresCluster.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  private static SharedState open(StoreConfig config) {
    return SharedStateFactory.forType(StoreConfig.POSTGRES).open(config, Clock.systemUTC());
  }

  @Test
  void theSchemaComesUpOnAnEmptyDatabaseWithTheSharedTables() throws Exception {
    String db = cluster.newDatabase("empty");
    open(cluster.config(db)).close();
    // a second node opening the same database finds it migrated and changes nothing
    open(cluster.config(db)).close();
    try (Connection c = cluster.connect(db); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT version, success FROM twinlab_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
        List<String> applied = new ArrayList<>();
        while (rs.next()) applied.add(rs.getString(1) + ":" + rs.getBoolean(2));
        assertThat(applied).startsWith("1:true", "2:true").doesNotHaveDuplicates();
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name IN"
          + " ('account', 'audit_entry', 'binding_version', 'twin_package', 'shared_key')")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(5);
      }
    }
    assertThat(SharedStateFactory.forType(StoreConfig.POSTGRES)).isInstanceOf(PostgresSharedStateFactory.class);
  }

  @Test
  void anAccountMadeOnOneNodeLogsInOnTheOtherAndItsLockHoldsEverywhere() throws Exception {
    StoreConfig config = cluster.config(cluster.newDatabase("accounts"));
    try (SharedState a = open(config); SharedState b = open(config)) {
      Accounts onA = Accounts.over(a.accounts(), Clock.systemUTC());
      Accounts onB = Accounts.over(b.accounts(), Clock.systemUTC());
      onA.add("exam7", Role.EXAMINER, "Examiner Seven", PASSWORD);
      assertThat(onB.authenticate("exam7", PASSWORD)).get().extracting(x -> x.role()).isEqualTo(Role.EXAMINER);
      assertThat(onB.find("exam7").orElseThrow().displayName()).isEqualTo("Examiner Seven");
      assertThatThrownBy(() -> onB.add("exam7", Role.TRAINER, null, PASSWORD)).hasMessageContaining("exists already");

      onB.setLocked("exam7", true);
      assertThat(onA.authenticate("exam7", PASSWORD)).isEmpty();
      onA.setLocked("exam7", false);
      onA.setPassword("exam7", "another-long-one-2");
      assertThat(onB.authenticate("exam7", PASSWORD)).isEmpty();
      assertThat(onB.authenticate("exam7", "another-long-one-2")).isPresent();
      onB.remove("exam7");
      assertThat(onA.all()).isEmpty();
      assertThatThrownBy(() -> onA.remove("exam7")).hasMessageContaining("no user 'exam7'");
    }
  }

  @Test
  void bothNodesWriteOneAuditTrailWhichTheAdminPagesFiltersRead() throws Exception {
    StoreConfig config = cluster.config(cluster.newDatabase("audit"));
    Instant t0 = Instant.parse("2026-12-04T09:00:00Z");
    try (SharedState a = open(config); SharedState b = open(config);
         AuditLog onA = new AuditLog(a.audit(), Clock.fixed(t0, ZoneOffset.UTC));
         AuditLog onB = new AuditLog(b.audit(), Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC))) {
      onA.record("admin", "add user", "exam7", "examiner");
      onB.record("exam7", "login", "exam7", "127.0.0.1");
      onA.record("admin", "lock user", "exam8", "");
      JsonArray all = onB.tail(10);
      assertThat(all.stream().map(e -> ((JsonObject) e).getString("action"))).containsExactly("add user", "login", "lock user");
      assertThat(onA.tail(2).stream().map(e -> ((JsonObject) e).getString("action"))).containsExactly("login", "lock user");
      assertThat(onA.tail(10, AuditLog.filter("exam7", null, null, null)).size()).isEqualTo(2);
      assertThat(onA.tail(10, AuditLog.filter(null, "login", null, null)).getJsonObject(0).getString("detail")).isEqualTo("127.0.0.1");
      assertThat(onB.tail(10, AuditLog.filter(null, null, t0.plusSeconds(30), null)).getJsonObject(0).getString("action")).isEqualTo("login");
      assertThat(onB.tail(10, AuditLog.filter(null, null, null, t0.plusSeconds(30))).size()).isEqualTo(2);
      // a filter the database does not know is applied by the trail itself, newest last as ever
      assertThat(onB.tail(10, e -> e.getString("by").equals("admin")).stream().map(e -> ((JsonObject) e).getString("target")))
          .containsExactly("exam7", "exam8");
    }
  }

  @Test
  void aBindingVersionMadeOnOneNodeIsTheOneTheOtherReadsAndNoTwoNodesMakeTheSameVersion() throws Exception {
    StoreConfig config = cluster.config(cluster.newDatabase("bindings"));
    try (SharedState a = open(config); SharedState b = open(config)) {
      BindingHistory onA = a.bindings("tank-1");
      BindingHistory onB = b.bindings("tank-1");
      onA.append(version(1, "config", BindingVersion.Action.LOADED, "ns=3;s=Level"));
      onA.append(version(2, "train1", BindingVersion.Action.REPLACED, "ns=3;s=LevelRaw"));
      List<BindingVersion> read = onB.read();
      assertThat(read).extracting(BindingVersion::version).containsExactly(1, 2);
      assertThat(read.get(1).by()).isEqualTo("train1");
      assertThat(read.get(1).after().orElseThrow()).containsEntry("address", "ns=3;s=LevelRaw");
      assertThat(read.get(1).before().orElseThrow()).containsEntry("address", "ns=3;s=Level");
      assertThatThrownBy(() -> onB.append(version(2, "train2", BindingVersion.Action.REPLACED, "ns=3;s=Other")))
          .isInstanceOf(IOException.class).hasMessageContaining("made on another node first");
      assertThat(b.bindings("motor-1").read()).isEmpty();

      onB.setAside("upgraded-1");
      assertThat(onA.read()).isEmpty();
      onA.append(version(1, "config", BindingVersion.Action.LOADED, "ns=3;s=Level"));
      assertThat(onB.read()).hasSize(1);
    }
  }

  private static BindingVersion version(int n, String by, BindingVersion.Action action, String address) {
    Map<String, Object> before = Map.of("property", "tank.level", "connection", "plc-1", "address", "ns=3;s=Level");
    Map<String, Object> after = Map.of("property", "tank.level", "connection", "plc-1", "address", address);
    return new BindingVersion(n, Instant.parse("2026-12-04T09:00:00Z").plusSeconds(n), by, action,
        action == BindingVersion.Action.LOADED ? Optional.empty() : Optional.of("tank.level"),
        action == BindingVersion.Action.LOADED ? Optional.empty() : Optional.of(before), Optional.of(after), List.of(after));
  }

  @Test
  void aPackageDeployedOrRemovedOnOneNodeIsWhatTheOtherStartsWith() throws Exception {
    StoreConfig config = cluster.config(cluster.newDatabase("packages"));
    try (SharedState a = open(config); SharedState b = open(config)) {
      JsonObject pkg = new JsonObject().put("twin", "conveyor-2").put("model", "conveyor-sorting").put("version", "2");
      a.packages().saveDeployed("conveyor-2", pkg);
      a.packages().saveRemoved("tank-1", true);
      assertThat(b.packages().deployed()).containsExactly(pkg);
      assertThat(b.packages().deployed("conveyor-2")).contains(pkg);
      assertThat(b.packages().removed()).containsExactly("tank-1");
      b.packages().saveRollback("conveyor-2", new JsonObject().put("configured", true));
      assertThat(a.packages().rollback("conveyor-2")).contains(new JsonObject().put("configured", true));
      b.packages().saveRemoved("conveyor-2", false);
      assertThat(a.packages().deployed()).isEmpty();
      assertThat(a.packages().rollback("conveyor-2")).isEmpty();
      a.packages().saveDeployed("tank-1", pkg.copy().put("twin", "tank-1"));
      assertThat(b.packages().removed()).isEmpty();
    }
  }

  @Test
  void nodesAskingAtOnceGetOneKeyWhichSignsWhatTheOtherVerifies(@TempDir Path dir) throws Exception {
    String db = cluster.newDatabase("keys");
    StoreConfig config = cluster.config(db);
    List<SharedState> nodes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int i = 0; i < 3; i++) nodes.add(open(config));
      List<Future<PlatformKey>> keys = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        SharedState node = nodes.get(i);
        Path nodeData = dir.resolve("node-" + i);
        Callable<PlatformKey> ask = () -> PlatformKey.shared(node.keys().orElseThrow(), nodeData);
        keys.add(pool.submit(ask));
      }
      List<PlatformKey> got = new ArrayList<>();
      for (Future<PlatformKey> f : keys) got.add(f.get(60, TimeUnit.SECONDS));
      assertThat(got).extracting(k -> PlatformKey.fingerprint(k.publicKey())).containsOnly(PlatformKey.fingerprint(got.get(0).publicKey()));
      // each node's data directory holds the public half, for keys export and evidence verify --data
      assertThat(PlatformKey.readPublic(PlatformKey.publicFile(dir.resolve("node-2"))).getEncoded()).isEqualTo(got.get(0).publicKey().getEncoded());
      assertThat(dir.resolve("node-2").resolve("keys").resolve(PlatformKey.PRIVATE_FILE)).doesNotExist();

      // evidence sealed with node 0's key verifies with the key node 1 exports
      try (PostgresEvidenceStore store = new PostgresEvidenceStore(PostgresDatabase.open(config), config.where(), Clock.systemUTC())) {
        SessionEvidence log = store.create("s-k");
        log.append("session.created", "examiner", null, new JsonObject().put("plan", new JsonObject()));
        log.append(EvidenceLog.ENDED, "examiner", null, new JsonObject().put("stations", 1));
        log.seal(got.get(0), "examiner");
        Path exported = Files.write(dir.resolve("s-k.jsonl"), store.export("s-k"));
        Path exportedKey = Files.writeString(dir.resolve("platform.pub"), got.get(1).publicPem());
        EvidenceVerifier.Result ok = EvidenceVerifier.verify(exported, PlatformKey.readPublic(exportedKey));
        assertThat(ok.ok()).as(ok.message()).isTrue();
      }

      try (Connection c = cluster.connect(db); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT count(*), min(kdf) FROM shared_key")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getString(2)).startsWith("PBKDF2WithHmacSHA256:");
      }
      // the private key's encoding is nowhere in the row: it is kept only sealed
      byte[] privateDer = privateDer(got.get(0));
      try (Connection c = cluster.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT private_sealed FROM shared_key")) {
        rs.next();
        assertThat(indexOf(rs.getBytes(1), java.util.Arrays.copyOfRange(privateDer, privateDer.length - 32, privateDer.length))).isEqualTo(-1);
      }
    } finally {
      pool.shutdownNow();
      nodes.forEach(SharedState::close);
    }
  }

  @Test
  void aNodeGivenAnotherKeySecretIsRefusedSayingSo(@TempDir Path dir) throws Exception {
    String db = cluster.newDatabase("secrets");
    try (SharedState first = open(cluster.config(db)); SharedState other = open(cluster.config(db, "not-the-same-secret"))) {
      PlatformKey.shared(first.keys().orElseThrow(), dir.resolve("a"));
      assertThatThrownBy(() -> PlatformKey.shared(other.keys().orElseThrow(), dir.resolve("b")))
          .hasMessageContaining("key secret does not open").hasMessageContaining("key_secret_env or key_secret_file");
    }
    StoreConfig none = new StoreConfig(StoreConfig.POSTGRES, cluster.url(db), PostgresCluster.USER, Optional.empty(),
        cluster.config(db).passwordFile());
    try (SharedState noSecret = open(none)) {
      assertThatThrownBy(() -> PlatformKey.shared(noSecret.keys().orElseThrow(), dir.resolve("c")))
          .hasMessageContaining("give store: key_secret_env or key_secret_file");
    }
  }

  /** The private key's own 32 bytes are the last of its PKCS#8 encoding. */
  private static byte[] privateDer(PlatformKey key) throws Exception {
    // sign-only access from outside the package: read it back the way a node does, from a fresh store
    java.lang.reflect.Field f = PlatformKey.class.getDeclaredField("privateKey");
    f.setAccessible(true);
    return ((java.security.PrivateKey) f.get(key)).getEncoded();
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
