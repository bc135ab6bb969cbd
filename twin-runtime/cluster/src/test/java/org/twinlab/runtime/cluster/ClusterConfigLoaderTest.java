package org.twinlab.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;

class ClusterConfigLoaderTest {
  private static final List<String> TWINS = List.of("conveyor-1", "conveyor-2", "tank-1");

  @TempDir Path dir;

  private Path secretFile(String mode) throws Exception {
    Path f = dir.resolve("lab-secret");
    Files.writeString(f, "0123456789abcdef0123456789abcdef-lab\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  @Test
  void readsANodeItsMembersFailureDetectionAndPlacement() throws Exception {
    secretFile("rw-------");
    ClusterConfig c = ClusterConfigLoader.load("cluster.yaml", String.join("\n",
        "node: hall-a",
        "secret_file: lab-secret",
        "bind: {host: 127.0.0.1, port: 5801}",
        "members: [127.0.0.1:5801, 127.0.0.1:5802]",
        "failure_detection: {heartbeat_seconds: 2, max_no_heartbeat_seconds: 8}",
        "placement:",
        "  hall-a: [conveyor-1, conveyor-2]",
        "  hall-b: [tank-1]",
        "placement_wait_seconds: 3",
        ""), TWINS, dir);
    assertThat(c.secret()).isPresent();
    assertThat(c.secret().get().toString()).doesNotContain("0123456789");
    assertThat(c.node()).isEqualTo("hall-a");
    assertThat(c.port()).isEqualTo(5801);
    assertThat(c.members()).containsExactly("127.0.0.1:5801", "127.0.0.1:5802");
    assertThat(c.multicast()).isFalse();
    assertThat(c.heartbeatSeconds()).isEqualTo(2);
    assertThat(c.maxNoHeartbeatSeconds()).isEqualTo(8);
    assertThat(c.preferredNode("tank-1")).contains("hall-b");
    assertThat(c.preferredNode("conveyor-2")).contains("hall-a");
    assertThat(c.placementWaitSeconds()).isEqualTo(3);
  }

  @Test
  void defaultsDetectADeadNodeWellWithinTenSeconds() throws Exception {
    ClusterConfig c = ClusterConfigLoader.load("cluster.yaml", "node: n1\nmembers: [127.0.0.1:5701]\n", TWINS);
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(ClusterConfig.DEFAULT_PORT);
    assertThat(c.heartbeatSeconds()).isEqualTo(1);
    assertThat(c.maxNoHeartbeatSeconds()).isEqualTo(5);
    assertThat(c.placement()).isEmpty();
  }

  @Test
  void everyProblemIsNamedAtItsLineAndColumn() {
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml", String.join("\n",
        "node: 'hall a'",
        "bind: {host: 127.0.0.1, port: 70000}",
        "members: [127.0.0.1]",
        "failure_detection: {heartbeat_seconds: 5, max_no_heartbeat_seconds: 3}",
        "placement:",
        "  hall-a: [conveyor-1, tank-9]",
        "  hall-b: [conveyor-1]",
        "multicst: true",
        ""), TWINS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().stream().map(Problem::toString).toList())
            .anySatisfy(p -> assertThat(p).startsWith("cluster.yaml:1:7: node: a node name is letters"))
            .anySatisfy(p -> assertThat(p).startsWith("cluster.yaml:2:31: bind.port: expected 1 to 65535, found 70000"))
            .anySatisfy(p -> assertThat(p).startsWith("cluster.yaml:3:11: ").contains("expected host:port, found '127.0.0.1'"))
            .anySatisfy(p -> assertThat(p).contains("must be longer than heartbeat_seconds (5)"))
            .anySatisfy(p -> assertThat(p).startsWith("cluster.yaml:6:24: ").contains("no twin 'tank-9' in the lab"))
            .anySatisfy(p -> assertThat(p).startsWith("cluster.yaml:7:12: ").contains("placed on hall-a already"))
            .anySatisfy(p -> assertThat(p).startsWith("cluster.yaml:8:1: multicst: unknown field")));
  }

  @Test
  void aNodeWithNoWayToFindTheOthersIsRefused() {
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml", "node: n1\n", TWINS))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).toString())
            .contains("name the members to join (host:port), or set multicast: true"));
  }

  @Test
  void aClusterOfMoreThanOneNodeNeedsASecretNeverInlineNeverReadableByOthers() throws Exception {
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml", "node: n1\nmembers: [127.0.0.1:5701, 127.0.0.1:5702]\n", TWINS, dir))
        .hasMessageContaining("cluster.yaml:1:1").hasMessageContaining("needs a lab secret");
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml",
        "node: n1\nmembers: [127.0.0.1:5701, 127.0.0.1:5702]\nsecret: 0123456789abcdef0123456789abcdef\n", TWINS, dir))
        .hasMessageContaining("cluster.yaml:3:9").hasMessageContaining("secrets do not belong in files");
    secretFile("rw-r-----");
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml",
        "node: n1\nmembers: [127.0.0.1:5701, 127.0.0.1:5702]\nsecret_file: lab-secret\n", TWINS, dir))
        .hasMessageContaining("cluster.yaml:3:14").hasMessageContaining("may be read by others than its owner");
    Files.writeString(dir.resolve("short"), "too-short");
    Files.setPosixFilePermissions(dir.resolve("short"), PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml",
        "node: n1\nmembers: [127.0.0.1:5701, 127.0.0.1:5702]\nsecret_file: short\n", TWINS, dir))
        .hasMessageContaining("cluster.yaml:3:14").hasMessageContaining("at least 32");
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml",
        "node: n1\nmembers: [127.0.0.1:5701, 127.0.0.1:5702]\nsecret_env: TWINLAB_NO_SUCH_SECRET_VARIABLE\n", TWINS, dir))
        .hasMessageContaining("cluster.yaml:3:13").hasMessageContaining("is not set");
    // alone, no secret is needed: nothing from another node is trusted anyway
    assertThat(ClusterConfigLoader.load("cluster.yaml", "node: n1\nbind: {port: 5701}\nmembers: [127.0.0.1:5701]\n", TWINS, dir).secret()).isEmpty();
  }

  @Test
  void tlsNamesTheNodesCertificateItsKeyReadableByItsOwnerOnlyAndTheLabsCa() throws Exception {
    String yaml = "node: n1\nmembers: [127.0.0.1:5701]\ntls: {cert: node.pem, key: node-key.pem, ca: ca.pem}\n";
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml", yaml, TWINS, dir))
        .hasMessageContaining("cluster.yaml:3:13").hasMessageContaining("tls.cert: no file");
    for (String f : List.of("node.pem", "node-key.pem", "ca.pem")) Files.writeString(dir.resolve(f), "-----BEGIN-----\n");
    Files.setPosixFilePermissions(dir.resolve("node-key.pem"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> ClusterConfigLoader.load("cluster.yaml", yaml, TWINS, dir))
        .hasMessageContaining("cluster.yaml:3:28").hasMessageContaining("tls.key").hasMessageContaining("may be read by others than its owner");
    Files.setPosixFilePermissions(dir.resolve("node-key.pem"), PosixFilePermissions.fromString("rw-------"));
    ClusterTls tls = ClusterConfigLoader.load("cluster.yaml", yaml, TWINS, dir).tls().orElseThrow();
    assertThat(tls.ca()).isEqualTo(dir.resolve("ca.pem"));
  }
}
