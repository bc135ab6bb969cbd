package org.twinlab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.twinlab.runtime.config.HistoryConfig;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.runtime.history.influx.LineProtocol;
import org.twinlab.testing.Peers;

/**
 * What can be checked of the compose stack without a Docker engine: the compose file is valid for
 * the Compose client, the runtime's configuration in it loads with its bindings, and the Grafana
 * dashboard asks for what the InfluxDB store writes.
 */
class ComposeStackTest {
  private static final Path DOCKER = Path.of("..", "..", "docker");

  @Test
  void theComposeFileIsValid() throws Exception {
    List<String> command = composeCommand();
    Peers.require(command != null, "a Docker Compose client (docker compose or docker-compose)",
        "apt-get install docker-compose");
    Process p = new ProcessBuilder(concat(command, "-f", DOCKER.resolve("docker-compose.yml").toString(), "config"))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("influxdb:2.7", "eclipse-mosquitto:2", "grafana/grafana", "serve");
  }

  @Test
  void theRuntimeOfTheStackLoadsItsConfigurationAndBindings() throws Exception {
    LabConfig lab = LabConfigLoader.load(DOCKER.resolve("lab/twinlab.yaml"));
    assertThat(lab.twins()).hasSize(5);
    assertThat(lab.history().store()).isEqualTo(HistoryConfig.Store.INFLUXDB);
    assertThat(lab.history().influx().orElseThrow().tokenFile()).contains(Path.of("/run/secrets/influxdb-admin-token"));
    String compose = Files.readString(DOCKER.resolve("docker-compose.yml"));
    assertThat(compose).contains("DOCKER_INFLUXDB_INIT_ORG: " + lab.history().influx().get().org())
        .contains("DOCKER_INFLUXDB_INIT_BUCKET: " + lab.history().influx().get().bucket());
  }

  @Test
  void theDashboardQueriesWhatTheStoreWrites() throws Exception {
    JsonObject dashboard = new JsonObject(Files.readString(DOCKER.resolve("grafana/dashboards/conveyor.json")));
    List<String> queries = dashboard.getJsonArray("panels").stream()
        .map(p -> ((JsonObject) p).getJsonArray("targets").getJsonObject(0).getString("query")).toList();
    assertThat(queries).isNotEmpty().allSatisfy(q -> assertThat(q).contains("from(bucket: \"lab-history\")")
        .contains("r._measurement == \"conveyor-sorting\"").contains("r.twin == \"${twin}\""));
    assertThat(queries).anySatisfy(q -> assertThat(q).contains("r._field == \"" + LineProtocol.VALUE + "\"")
        .contains("belt.speed"));
    assertThat(queries).anySatisfy(q -> assertThat(q).contains("r._field == \"" + LineProtocol.VALUE_TEXT + "\""));
    String datasource = Files.readString(DOCKER.resolve("grafana/provisioning/datasources/influxdb.yaml"));
    assertThat(datasource).contains("uid: twinlab-influxdb").contains("$__file{/run/secrets/influxdb-admin-token}");
  }

  private static List<String> composeCommand() {
    if (works(List.of("docker", "compose", "version"))) return List.of("docker", "compose");
    if (works(List.of("docker-compose", "version"))) return List.of("docker-compose");
    return null;
  }

  private static boolean works(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
