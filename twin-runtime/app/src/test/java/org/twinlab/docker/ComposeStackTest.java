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
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.cluster.ClusterConfig;
import org.twinlab.runtime.cluster.ClusterConfigLoader;
import org.twinlab.runtime.config.HistoryConfig;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.history.influx.LineProtocol;
import org.twinlab.testing.Peers;

/**
 * What can be checked of the compose stacks without a Docker engine: the compose files (the full
 * stack and the clustered one) are valid for the Compose client, the runtime's configuration in
 * each loads with its bindings (and in the cluster, each node's cluster file with it), and the
 * Grafana dashboard asks for what the InfluxDB store writes.
 */
class ComposeStackTest {
  private static final Path DOCKER = Path.of("..", "..", "docker");
  private static final Path CLUSTER = DOCKER.resolve("cluster");

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
  void theClusterComposeFileIsValid(@TempDir Path tmp) throws Exception {
    List<String> command = composeCommand();
    Peers.require(command != null, "a Docker Compose client (docker compose or docker-compose)",
        "apt-get install docker-compose");
    // as after docker/make-secrets.sh: a copy of docker/ with the lab secret's env file, never the repository's own secrets
    Path docker = tmp.resolve("docker");
    try (var files = Files.walk(DOCKER)) {
      for (Path f : files.filter(f -> !f.startsWith(DOCKER.resolve("secrets"))).toList()) {
        Path to = docker.resolve(DOCKER.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(to);
        else Files.copy(f, to);
      }
    }
    Files.createDirectories(docker.resolve("secrets"));
    Files.writeString(docker.resolve("secrets/cluster.env"), "TWINLAB_CLUSTER_SECRET=not-a-real-secret-but-long-enough-for-this\n");
    Process p = new ProcessBuilder(concat(command, "-f", docker.resolve("cluster/compose.yaml").toString(), "config"))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("postgres:15", "influxdb:2.7", "eclipse-mosquitto:2", "--cluster", "POSTGRES_PASSWORD_FILE")
        .contains("node-a", "node-b", "node-c", "conveyor-1", "conveyor-2", "tank-1", "motor-1", "motor-2")
        .contains("ipv4_address: 172.30.0.11", "ipv4_address: 172.30.0.12", "ipv4_address: 172.30.0.13");
  }

  @Test
  void eachNodeOfTheClusterLoadsTheLabWithItsStoreAndItsClusterFile(@TempDir Path tmp) throws Exception {
    // the lab as a node's container sees it: the bindings mounted beside it, the secrets as files
    Path secrets = Files.createDirectories(tmp.resolve("secrets"));
    for (String name : List.of("postgres-password", "platform-key-secret", "influxdb-admin-token")) {
      Files.writeString(secrets.resolve(name), "not-a-real-secret\n");
    }
    String yaml = Files.readString(CLUSTER.resolve("lab/twinlab.yaml"));
    assertThat(yaml).doesNotContain("password:").doesNotContain("key_secret:").doesNotContain("token:");
    Path lab = Files.writeString(tmp.resolve("twinlab.yaml"), yaml.replace("/run/secrets/", secrets + "/"));
    Path bindings = Files.createDirectories(tmp.resolve("bindings"));
    try (var files = Files.list(DOCKER.resolve("lab/bindings"))) {
      for (Path f : files.toList()) Files.copy(f, bindings.resolve(f.getFileName()));
    }
    LabConfig config = LabConfigLoader.load(lab);
    assertThat(config.twins()).hasSize(5);
    StoreConfig store = config.store().orElseThrow();
    assertThat(store.url()).isEqualTo("jdbc:postgresql://postgres:5432/twinlab");
    assertThat(store.passwordFile()).contains(secrets.resolve("postgres-password"));
    assertThat(store.keySecretFile()).contains(secrets.resolve("platform-key-secret"));
    assertThat(config.history().store()).isEqualTo(HistoryConfig.Store.INFLUXDB);

    String compose = Files.readString(CLUSTER.resolve("compose.yaml"));
    List<String> twins = config.twins().stream().map(t -> t.id()).toList();
    java.util.Set<String> placed = new java.util.TreeSet<>();
    // the lab secret as the container gets it (docker/secrets/cluster.env into its environment); here, from a file of the test's
    Path secret = Files.writeString(tmp.resolve("cluster-secret"), "not-a-real-secret-but-long-enough-for-this\n");
    Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    for (String n : List.of("a", "b", "c")) {
      String nodeYaml = Files.readString(CLUSTER.resolve("node-" + n + ".yaml"));
      assertThat(nodeYaml).contains("secret_env: TWINLAB_CLUSTER_SECRET").doesNotContain("secret:");
      Path nodeFile = Files.writeString(tmp.resolve("node-" + n + ".yaml"),
          nodeYaml.replace("secret_env: TWINLAB_CLUSTER_SECRET", "secret_file: " + secret));
      ClusterConfig node = ClusterConfigLoader.load(nodeFile, twins);
      assertThat(node.node()).isEqualTo("node-" + n);
      // Hazelcast binds to the address compose gives the node's container
      assertThat(compose).contains("./node-" + n + ".yaml:/opt/twinlab/cluster.yaml:ro", "ipv4_address: " + node.host());
      assertThat(node.members()).hasSize(3).contains(node.host() + ":" + node.port());
      placed.addAll(node.placement().keySet());
      assertThat(node.placement().values()).allSatisfy(owner -> assertThat(owner).isIn("node-a", "node-b", "node-c"));
    }
    assertThat(placed).containsExactlyInAnyOrderElementsOf(twins);
    assertThat(Files.readString(DOCKER.resolve("make-secrets.sh"))).contains("postgres-password", "platform-key-secret");
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
