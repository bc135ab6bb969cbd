package org.twinlab.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;

/** The configuration of {@code twinlab serve}: the example in the README loads, mistakes are named where they are. */
class LabConfigLoaderTest {
  static final Path EXAMPLE = Path.of("..", "..", "examples", "lab", "twinlab.yaml");

  @Test
  void theExampleConfigurationLoadsWithItsBindingFiles() throws Exception {
    LabConfig lab = LabConfigLoader.load(EXAMPLE);
    assertThat(lab.port()).isEqualTo(8080);
    assertThat(lab.connections()).extracting(ConnectionConfig::id).containsExactly("plc-station-1", "lab-broker");
    ConnectionConfig broker = lab.connections().get(1);
    assertThat(broker.mqttVersion()).isEqualTo(MqttVersion.V5);
    assertThat(broker.passwordEnv()).contains("TWINLAB_MQTT_PASSWORD");
    assertThat(broker.discoverTopics()).contains("lab/#");
    assertThat(lab.twins()).extracting(TwinConfig::id).containsExactly("station-1", "motor-1");
    assertThat(lab.twins().get(0).bindings().forCommand("panel.start")).isPresent();
    assertThat(lab.dataDir()).isEqualTo(EXAMPLE.toAbsolutePath().getParent().resolve("twinlab-data"));
    assertThat(lab.twins().get(0).station()).isEqualTo("bench-1");
    assertThat(lab.history().store()).isEqualTo(HistoryConfig.Store.EMBEDDED);
    assertThat(lab.history().retention()).contains(java.time.Duration.ofDays(90));
    assertThat(lab.history().maxSizeBytes()).isEqualTo(20L * 1024 * 1024 * 1024);
  }

  @Test
  void anInfluxDbStoreTakesItsTokenFromTheEnvironmentOrAFileNeverTheConfiguration(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        history:
          store: influxdb
          retention: 12h
          influxdb: {url: 'http://127.0.0.1:8086', org: lab, bucket: history, token_file: secrets/influx-token}
        """);
    LabConfig lab = LabConfigLoader.load(dir.resolve("twinlab.yaml"));
    assertThat(lab.history().store()).isEqualTo(HistoryConfig.Store.INFLUXDB);
    assertThat(lab.history().retention()).contains(java.time.Duration.ofHours(12));
    InfluxConfig influx = lab.history().influx().orElseThrow();
    assertThat(influx.tokenFile()).contains(dir.resolve("secrets/influx-token"));
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/influx-token"), "t0ken\n");
    assertThat(influx.token()).isEqualTo("t0ken");

    Files.writeString(dir.resolve("bad.yaml"), """
        history:
          store: influx
          retention: forever
          max_size: huge
          influxdb: {url: '127.0.0.1:8086', org: lab, bucket: history, token: abc}
        """);
    try {
      LabConfigLoader.load(dir.resolve("bad.yaml"));
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      List<String> found = e.problems().stream().map(Problem::toString).toList();
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:2:").contains("embedded or influxdb"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:3:").contains("retention"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:4:").contains("500MB"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:5:").contains("http://"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:5:").contains("token_env"));
    }
  }

  @Test
  void aPostgresStoreTakesItsPasswordFromTheEnvironmentOrAFileNeverTheConfiguration(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/pg"), "s3cret\n");
    Files.writeString(dir.resolve("twinlab.yaml"), """
        store: {type: postgres, url: 'jdbc:postgresql://127.0.0.1:5432/twinlab', user: twinlab, password_file: secrets/pg}
        """);
    StoreConfig store = LabConfigLoader.load(dir.resolve("twinlab.yaml")).store().orElseThrow();
    assertThat(store.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/twinlab");
    assertThat(store.user()).isEqualTo("twinlab");
    assertThat(store.password()).isEqualTo("s3cret");
    assertThat(LabConfigLoader.load(EXAMPLE).store()).isEmpty();

    Files.writeString(dir.resolve("bad.yaml"), """
        store:
          type: mysql
          url: 'postgresql://127.0.0.1/twinlab'
          password: abc
        """);
    try {
      LabConfigLoader.load(dir.resolve("bad.yaml"));
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      List<String> found = e.problems().stream().map(Problem::toString).toList();
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:2:").contains("postgres"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:3:").contains("jdbc:postgresql://"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:4:").contains("password_env"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("user"));
    }
  }

  @Test
  void thePlatformKeysSecretComesFromTheEnvironmentOrAFileNeverTheConfiguration(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/pg"), "s3cret\n");
    Files.writeString(dir.resolve("secrets/key"), "k3y-s3cret\n");
    Files.writeString(dir.resolve("twinlab.yaml"), """
        store: {type: postgres, url: 'jdbc:postgresql://127.0.0.1:5432/twinlab', user: twinlab, password_file: secrets/pg,
                key_secret_file: secrets/key}
        """);
    StoreConfig store = LabConfigLoader.load(dir.resolve("twinlab.yaml")).store().orElseThrow();
    assertThat(store.keySecret()).isEqualTo("k3y-s3cret");
    // without one, the store keeps what it can; the key asks for it by its field when it is needed
    StoreConfig none = new StoreConfig(StoreConfig.POSTGRES, store.url(), store.user(), store.passwordEnv(), store.passwordFile());
    assertThatThrownBy(none::keySecret).hasMessageContaining("key_secret_env or key_secret_file");
    StoreConfig unset = new StoreConfig(StoreConfig.POSTGRES, store.url(), store.user(), store.passwordEnv(), store.passwordFile(),
        Optional.of("TWINLAB_NO_SUCH_VARIABLE_SET"), Optional.empty());
    assertThatThrownBy(unset::keySecret).hasMessageContaining("TWINLAB_NO_SUCH_VARIABLE_SET").hasMessageContaining("not set");

    Files.writeString(dir.resolve("bad.yaml"), """
        store:
          url: 'jdbc:postgresql://127.0.0.1:5432/twinlab'
          user: twinlab
          password_file: secrets/pg
          key_secret: abc
          key_secret_file: secrets/none
        """);
    try {
      LabConfigLoader.load(dir.resolve("bad.yaml"));
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      List<String> found = e.problems().stream().map(Problem::toString).toList();
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:5:").contains("key_secret_env"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("bad.yaml:6:").contains("no file"));
    }
  }

  @Test
  void theReadmeShowsTheExampleAsItIs() throws Exception {
    String readme = Files.readString(Path.of("..", "..", "README.md"));
    assertThat(readme).contains(Files.readString(EXAMPLE).strip());
  }

  @Test
  void everyMistakeIsNamedInItsOwnFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        http: {port: 70000}
        connections:
          - {id: plc-1, opcua: opc.tcp://10.0.0.1:4840, mqtt: tcp://10.0.0.2:1883}
          - {id: broker, mqtt: tcp://10.0.0.2:1883, password: secret}
          - {id: Bad_Id, opcua: http://10.0.0.3}
        twins:
          - {id: tank-1, model: tank-process, bindings: tank-1.yaml}
          - {id: tank-2, model: boiler, bindings: tank-1.yaml}
        colour: blue
        """);
    Files.writeString(dir.resolve("tank-1.yaml"), """
        twin: tank-1
        model: tank-process
        bindings:
          - {property: tank.level, connection: nowhere, address: 'ns=3;i=1'}
        """);
    try {
      LabConfigLoader.load(dir.resolve("twinlab.yaml"));
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      List<String> found = e.problems().stream().map(Problem::toString).toList();
      assertThat(found).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:1:").contains("http.port"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:3:").contains("exactly one of opcua"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:4:").contains("password_env"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:5:").contains("not an id"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:5:").contains("opc.tcp://"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:8:").contains("no built-in model 'boiler'"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:9:").contains("colour"));
      assertThat(found).anySatisfy(p -> assertThat(p).contains("tank-1.yaml:4:").contains("no connection 'nowhere'"));
    }
  }

  @Test
  void aSparkplugConnectionIsABrokerWithTheGroupItReads(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - id: edge
            mqtt: tcp://127.0.0.1:1883
            version: 3.1.1
            username: twinlab
            password_env: TWINLAB_MQTT_PASSWORD
            sparkplug: {group: lab1, host_id: twinlab}
        """);
    ConnectionConfig edge = LabConfigLoader.load(dir.resolve("twinlab.yaml")).connections().get(0);
    assertThat(edge.protocol()).isEqualTo(ConnectionConfig.SPARKPLUG);
    assertThat(edge.sparkplugGroup()).contains("lab1");
    assertThat(edge.sparkplugHostId()).contains("twinlab");
    Files.writeString(dir.resolve("open.yaml"), "connections: [{id: edge, mqtt: 'tcp://127.0.0.1:1883', sparkplug: {group: lab1, host_id: h1}}]\n");
    var connector = LabConfigLoader.load(dir.resolve("open.yaml")).connections().get(0).sparkplugConnector("edge");
    assertThat(connector.group()).isEqualTo("lab1");
    assertThat(connector.hostId()).contains("h1");
    assertThat(edge.mqttVersion()).isEqualTo(MqttVersion.V3_1_1);
    assertThat(edge.username()).contains("twinlab");
    assertThat(edge.onBroker()).isTrue();
  }

  @Test
  void sparkplugMistakesAreNamedWhereTheyAre(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - {id: a, mqtt: tcp://127.0.0.1:1883, sparkplug: {}}
          - {id: b, mqtt: tcp://127.0.0.1:1883, sparkplug: {group: lab/1}}
          - {id: c, mqtt: tcp://127.0.0.1:1883, sparkplug: {group: lab1, host: x}}
          - {id: d, opcua: opc.tcp://127.0.0.1:4840, sparkplug: {group: lab1}}
          - {id: e, mqtt: tcp://127.0.0.1:1883, sparkplug: {group: lab1}, discover_topics: 'spBv1.0/#'}
          - {id: f, mqtt: tcp://127.0.0.1:1883, sparkplug: lab1}
          - {id: g, mqtt: tcp://127.0.0.1:1883, sparkplug: {group: lab1, host_id: 'a/b'}}
        """);
    assertThat(problems(dir)).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:2:").contains("group"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:3:").contains("connections[1].sparkplug.group")
            .contains("the group id 'lab/1' holds '/'"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:4:").contains("host"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:5:").contains("sparkplug: goes with an MQTT broker"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:6:").contains("discover_topics is for plain MQTT"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:7:").contains("connections[5].sparkplug"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:8:").contains("connections[6].sparkplug.host_id")
            .contains("the host id 'a/b' holds '/'"));
  }

  @Test
  void sparkplugBindingsAreCheckedAsSparkplugAddresses(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - {id: edge, mqtt: tcp://127.0.0.1:1883, sparkplug: {group: lab1}}
        twins:
          - {id: motor-1, model: motor-vibration, bindings: motor-1.yaml}
        """);
    Files.writeString(dir.resolve("motor-1.yaml"), """
        twin: motor-1
        model: motor-vibration
        bindings:
          - {property: motor.current, connection: edge, address: 'lab1/rig-1/drive#Current'}
          - {property: motor.winding_temperature, connection: edge, address: 'lab1/rig-1'}
          - {property: node.battery, connection: edge, address: 'lab2/rig-1#Battery'}
        """);
    assertThat(problems(dir)).hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("motor-1.yaml:5:").contains("address").contains("names no metric"))
        .anySatisfy(p -> assertThat(p).contains("motor-1.yaml:6:").contains("bindings[2].address")
            .contains("'lab2/rig-1#Battery' is in the group 'lab2'; connection 'edge' reads the group 'lab1'"));
  }

  @Test
  void httpsComesFromPemFilesOrAKeystoreNamedRelativeToTheConfiguration(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("tls"));
    for (String f : List.of("tls/server.pem", "tls/server.key", "tls/lab.p12")) Files.writeString(dir.resolve(f), "x");
    Files.writeString(dir.resolve("tls/password"), "s3cret\n");
    Files.writeString(dir.resolve("pem.yaml"), "http: {port: 8443, request_time_limit: 45s, tls: {cert: tls/server.pem, key: tls/server.key}}\n");
    HttpConfig pem = LabConfigLoader.load(dir.resolve("pem.yaml")).http();
    assertThat(pem.requestTimeLimit()).isEqualTo(java.time.Duration.ofSeconds(45));
    assertThat(pem.tls()).contains(new TlsConfig.Pem(dir.resolve("tls/server.pem"), dir.resolve("tls/server.key")));
    Files.writeString(dir.resolve("p12.yaml"), "http: {tls: {keystore: tls/lab.p12, password_file: tls/password}}\n");
    HttpConfig p12 = LabConfigLoader.load(dir.resolve("p12.yaml")).http();
    assertThat(p12.requestTimeLimit()).isEqualTo(HttpConfig.DEFAULT_TIME_LIMIT);
    assertThat(p12.tls()).contains(new TlsConfig.Keystore(dir.resolve("tls/lab.p12"), "s3cret"));
    assertThat(p12.tls().orElseThrow().toString()).doesNotContain("s3cret");
    Files.writeString(dir.resolve("plain.yaml"), "http: {port: 8080}\n");
    assertThat(LabConfigLoader.load(dir.resolve("plain.yaml")).http()).isEqualTo(HttpConfig.DEFAULT);
  }

  @Test
  void httpsMistakesAreNamedWhereTheyAre(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("lab.p12"), "x");
    Files.writeString(dir.resolve("twinlab.yaml"), """
        http:
          request_time_limit: soon
          tls: {cert: missing.pem, key: missing.key}
        """);
    assertThat(problems(dir)).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:2:").contains("http.request_time_limit"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:3:").contains("no file").contains("missing.pem"));
    Files.writeString(dir.resolve("twinlab.yaml"), """
        http:
          tls:
            keystore: lab.p12
            password: hunter2
        """);
    assertThat(problems(dir)).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:4:").contains("passwords do not belong in files"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:3:").contains("exactly one of password_env or password_file"));
    Files.writeString(dir.resolve("twinlab.yaml"), """
        http:
          tls: {keystore: lab.p12, password_env: TWINLAB_NO_SUCH_VARIABLE_SET}
        """);
    assertThat(problems(dir)).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:2:").contains("TWINLAB_NO_SUCH_VARIABLE_SET is not set"));
    Files.writeString(dir.resolve("twinlab.yaml"), """
        http:
          tls: {cert: lab.p12, keystore: lab.p12, colour: blue}
        """);
    assertThat(problems(dir)).anySatisfy(p -> assertThat(p).contains("twinlab.yaml:2:").contains("give either cert: and key:"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:2:").contains("colour"));
  }

  private static List<String> problems(Path dir) {
    try {
      LabConfigLoader.load(dir.resolve("twinlab.yaml"));
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
