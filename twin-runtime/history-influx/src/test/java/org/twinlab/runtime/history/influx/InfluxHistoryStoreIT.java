package org.twinlab.runtime.history.influx;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.InfluxDBContainer;
import org.testcontainers.utility.DockerImageName;
import org.twinlab.runtime.config.InfluxConfig;
import org.twinlab.runtime.history.HistoryStore;
import org.twinlab.runtime.history.HistoryStoreContract;

/**
 * The history store contract against a real InfluxDB 2.7 in a container, where a Docker engine
 * runs. No InfluxDB 2 server can be had here without one (Debian ships only 1.6, which has neither
 * buckets nor Flux), so without Docker this suite is skipped and says so; the spool and retry path
 * is covered without Docker by {@link InfluxSpoolTest}.
 */
class InfluxHistoryStoreIT extends HistoryStoreContract {
  private static final String NO_DOCKER = "no Docker engine here: skipping the InfluxDB 2.7 contract run "
      + "(the embedded store runs the same contract; InfluxSpoolTest covers spool and retry)";
  private static InfluxDBContainer<?> influx;
  private static InfluxHistoryStore store;

  @BeforeAll
  static void start() throws Exception {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    if (!docker) {
      System.out.println("SKIPPED InfluxHistoryStoreIT: " + NO_DOCKER);
      return;
    }
    String token = UUID.randomUUID().toString();
    influx = new InfluxDBContainer<>(DockerImageName.parse("influxdb:2.7")).withAdminToken(token)
        .withOrganization("twinlab").withBucket("history");
    influx.start();
    InfluxConfig config = new InfluxConfig(influx.getUrl(), "twinlab", "history", Optional.empty(), Optional.empty());
    store = new InfluxHistoryStore(config, token, java.nio.file.Files.createTempDirectory("influx-spool"),
        java.time.Clock.systemUTC());
  }

  @BeforeEach
  void needsDocker() {
    Assumptions.assumeTrue(store != null, NO_DOCKER);
  }

  @AfterAll
  static void stop() {
    if (store != null) store.close();
    if (influx != null) influx.stop();
  }

  @Override
  protected HistoryStore store() {
    return store;
  }
}
