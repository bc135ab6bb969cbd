package org.twinlab.runtime.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.evidence.SessionEvidence;

/**
 * The store against PostgreSQL 15 in a container, where a Docker engine runs: a second server
 * build besides the installed one. Without Docker it is skipped and says so; {@link PostgresEvidenceIT}
 * covers the same ground on the installed PostgreSQL.
 */
class PostgresContainerIT {
  @Test
  void aSealedLogInAContainerExportsAndVerifies(@TempDir Path dir) throws Exception {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    Assumptions.assumeTrue(docker, "no Docker engine here: the Testcontainers run of the PostgreSQL store is skipped");
    try (PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:15")) {
      pg.start();
      Path secret = Files.writeString(dir.resolve("secret"), pg.getPassword());
      StoreConfig config = new StoreConfig(StoreConfig.POSTGRES, pg.getJdbcUrl(), pg.getUsername(), Optional.empty(), Optional.of(secret));
      PlatformKey key = PlatformKey.openOrCreate(dir.resolve("data"));
      try (PostgresEvidenceStore store = new PostgresEvidenceStore(PostgresDatabase.open(config), config.where(), Clock.systemUTC())) {
        SessionEvidence log = store.create("s-1");
        log.append("session.created", "examiner", null, new JsonObject().put("plan", new JsonObject()));
        log.seal(key, "examiner");
        Path exported = Files.write(dir.resolve("evidence.jsonl"), store.export("s-1"));
        assertThat(EvidenceVerifier.verify(exported, key.publicKey()).ok()).isTrue();
      }
    }
  }
}
