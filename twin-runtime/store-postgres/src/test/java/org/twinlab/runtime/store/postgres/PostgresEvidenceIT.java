package org.twinlab.runtime.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.evidence.EvidenceDamagedException;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.EvidenceStoreFactory;
import org.twinlab.runtime.evidence.EvidenceUnavailableException;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.evidence.SessionEvidence;

/**
 * The sessions' evidence in a real PostgreSQL (a throwaway cluster of the installed package): the
 * schema comes up on an empty database, appends are committed and outlive a restart of the
 * server, an export verifies as a file log does and a tampered row does not, and two nodes
 * appending to one session leave one unbroken chain.
 */
class PostgresEvidenceIT {
  private static PostgresCluster cluster;
  @TempDir
  static Path keys;

  @BeforeAll
  static void start() throws Exception {
    cluster = PostgresCluster.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  private static PostgresEvidenceStore store(StoreConfig config) {
    // a short wait for a connection: the test stops the server and expects refusals
    return new PostgresEvidenceStore(PostgresDatabase.open(config, java.time.Duration.ofSeconds(2)), config.where(), Clock.systemUTC());
  }

  // a node that takes a station over reads what the dead node kept: the chain it appended and the station's clock
  @Test
  void aSecondNodeTakesInTheRecordsAndClocksTheFirstKept() throws Exception {
    StoreConfig config = cluster.config(cluster.newDatabase("two_nodes_clocks"));
    PlatformKey key = PlatformKey.openOrCreate(keys.resolve("clocks"));
    try (PostgresEvidenceStore a = store(config); PostgresEvidenceStore b = store(config)) {
      SessionEvidence first = a.create("exam-k");
      first.append("session.created", "exam1", null, new JsonObject().put("plan", new JsonObject()));
      SessionEvidence second = b.open("exam-k", key.publicKey());
      first.append("station.started", "exam1", "s1", new JsonObject());
      first.saveClocks(new JsonObject().put("s1", 1_500L));
      first.saveClocks(new JsonObject().put("s1", 3_500L));
      assertThat(second.savedClocks()).isEqualTo(new JsonObject().put("s1", 3_500L));
      first.append(EvidenceLog.ENDED, "exam1", null, new JsonObject());
      first.seal(key, "exam1");
      assertThat(second.ended()).isFalse();
      second.caughtUp(second.records());
      assertThat(second.seq()).isEqualTo(first.seq());
      assertThat(second.head()).isEqualTo(first.head());
      assertThat(second.ended()).isTrue();
      assertThat(second.sealed()).isTrue();
    }
  }

  @Test
  void theMigrationsApplyOnAnEmptyDatabaseAndOnlyOnce() throws Exception {
    StoreConfig config = cluster.config(cluster.newDatabase("migrations"));
    PostgresDatabase.open(config).close();
    try (HikariDataSource again = PostgresDatabase.open(config); Connection c = again.getConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT version, success FROM twinlab_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
        List<String> applied = new ArrayList<>();
        while (rs.next()) applied.add(rs.getString(1) + ":" + rs.getBoolean(2));
        assertThat(applied).containsExactly("1:true", "2:true", "3:true");
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('evidence_log', 'evidence_record')")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
    // the runtime finds the store by its type
    assertThat(EvidenceStoreFactory.forType(StoreConfig.POSTGRES)).isInstanceOf(PostgresStoreFactory.class);
  }

  @Test
  void appendsAreCommittedAndOutliveARestartOfTheDatabase() throws Exception {
    StoreConfig config = cluster.config(cluster.newDatabase("restart"));
    PlatformKey key = PlatformKey.openOrCreate(keys.resolve("restart"));
    String head;
    try (PostgresEvidenceStore store = store(config)) {
      SessionEvidence log = store.create("s-1");
      log.append("session.created", "examiner", null, new JsonObject().put("plan", new JsonObject()));
      log.append("mark", "examiner", "bench-1", new JsonObject().put("check", "c1").put("mark", 3));
      assertThat(log.checkpoint(key, "runtime")).isPresent();
      head = log.head();

      cluster.stopServer();
      assertThatThrownBy(() -> log.append("mark", "examiner", "bench-1", new JsonObject().put("mark", 4)))
          .isInstanceOf(EvidenceUnavailableException.class);
      assertThat(log.problem()).contains("cannot be written");
      assertThat(log.recheck()).isFalse();
      cluster.startServer();
      // the pool may first hand back a connection that died with the old server; a recheck after it finds the new one
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(log::recheck);
      assertThat(log.head()).isEqualTo(head); // the refused record left nothing behind
    }
    try (PostgresEvidenceStore store = store(config)) {
      assertThat(store.sessions()).containsExactly("s-1");
      SessionEvidence log = store.open("s-1", key.publicKey());
      assertThat(log.seq()).isEqualTo(3);
      assertThat(log.head()).isEqualTo(head);
      assertThat(log.signedUpTo()).isEqualTo(3);
      log.append("mark", "examiner", "bench-1", new JsonObject().put("mark", 4));
      log.seal(key, "examiner");
      assertThat(store.open("s-1", key.publicKey()).sealed()).isTrue();
      assertThatThrownBy(() -> log.append("mark", "examiner", null, new JsonObject())).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> store.create("s-1")).hasMessageContaining("exists already");
    }
  }

  @Test
  void anExportVerifiesAsAFileLogDoesAndATamperedRowDoesNot(@TempDir Path dir) throws Exception {
    String db = cluster.newDatabase("tamper");
    StoreConfig config = cluster.config(db);
    PlatformKey key = PlatformKey.openOrCreate(keys.resolve("tamper"));
    try (PostgresEvidenceStore store = store(config)) {
      SessionEvidence log = store.create("s-2");
      log.append("session.created", "examiner", null, new JsonObject().put("plan", new JsonObject()));
      log.append("mark", "examiner", "bench-1", new JsonObject().put("check", "c1").put("mark", 3));
      log.append(EvidenceLog.ENDED, "examiner", null, new JsonObject().put("stations", 1));
      log.seal(key, "examiner");

      Path exported = Files.write(dir.resolve("evidence.jsonl"), store.export("s-2"));
      EvidenceVerifier.Result ok = EvidenceVerifier.verify(exported, key.publicKey());
      assertThat(ok.ok()).as(ok.message()).isTrue();
      assertThat(ok.records()).isEqualTo(4);
      assertThat(EvidenceLog.read(exported)).extracting(EvidenceRecord::hash).containsExactlyElementsOf(
          log.records().stream().map(EvidenceRecord::hash).toList());

      try (Connection c = cluster.connect(db); Statement st = c.createStatement()) {
        assertThat(st.executeUpdate("UPDATE evidence_record SET line = replace(line, '\"mark\":3', '\"mark\":5')"
            + " WHERE session = 's-2' AND seq = 2")).isEqualTo(1);
      }
      Path tampered = Files.write(dir.resolve("tampered.jsonl"), store.export("s-2"));
      EvidenceVerifier.Result bad = EvidenceVerifier.verify(tampered, key.publicKey());
      assertThat(bad.ok()).isFalse();
      assertThat(bad.line()).isEqualTo(2);
      assertThatThrownBy(() -> store.open("s-2", key.publicKey())).isInstanceOf(EvidenceDamagedException.class);
      SessionEvidence damaged = store.damaged("s-2", "tampered");
      assertThat(damaged.damaged()).isTrue();
      assertThatThrownBy(() -> damaged.append("mark", "examiner", null, new JsonObject())).isInstanceOf(EvidenceUnavailableException.class);
    }
  }

  @Test
  void twoNodesAppendingToOneSessionLeaveOneUnbrokenChain(@TempDir Path dir) throws Exception {
    StoreConfig config = cluster.config(cluster.newDatabase("concurrent"));
    PlatformKey key = PlatformKey.openOrCreate(keys.resolve("concurrent"));
    int each = 40;
    try (PostgresEvidenceStore nodeA = store(config); PostgresEvidenceStore nodeB = store(config)) {
      SessionEvidence a = nodeA.create("s-3");
      a.append("session.created", "examiner", null, new JsonObject().put("plan", new JsonObject()));
      SessionEvidence b = nodeB.open("s-3", key.publicKey());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Void>> done = new ArrayList<>();
        for (SessionEvidence node : List.of(a, b)) {
          String by = node == a ? "node-a" : "node-b";
          done.add(pool.submit((Callable<Void>) () -> {
            for (int i = 0; i < each; i++) {
              node.append("mark", by, "bench-1", new JsonObject().put("i", i));
              if (i % 10 == 9) node.checkpoint(key, by);
            }
            return null;
          }));
        }
        for (Future<Void> f : done) f.get(120, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      b.seal(key, "node-b");

      Path exported = Files.write(dir.resolve("evidence.jsonl"), nodeA.export("s-3"));
      EvidenceVerifier.Result check = EvidenceVerifier.verify(exported, key.publicKey());
      assertThat(check.ok()).as(check.message()).isTrue();
      List<EvidenceRecord> records = EvidenceLog.read(exported);
      assertThat(records.stream().filter(r -> r.kind().equals("mark")).count()).isEqualTo(2L * each);
      Set<Long> seqs = new HashSet<>();
      records.forEach(r -> seqs.add(r.seq()));
      assertThat(seqs).hasSize(records.size());
      assertThat(records.get(records.size() - 1).kind()).isEqualTo(EvidenceLog.SEALED);
      // the other node learns of the seal when it next tries to write
      assertThatThrownBy(() -> a.append("mark", "node-a", null, new JsonObject())).isInstanceOf(IllegalStateException.class);
      assertThat(a.sealed()).isTrue();
    }
  }
}
