package org.twinlab.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.mqtt.MqttConnectorConfig;
import org.twinlab.connectors.mqtt.MqttTls;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.testing.TestPki;

/**
 * A secured broker in {@code twinlab.yaml}: TLS files are read when the configuration is, each
 * mistake is named at its field, and the password comes from the environment or a file and
 * nowhere else — not even into what is printed of the configuration.
 */
class MqttConnectionConfigTest {
  @TempDir static Path dir;
  static TestPki pki;
  static TestPki.Issued client;
  static TestPki.Issued locked;
  static TestPki.Issued other;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pki = TestPki.create(dir.resolve("tls"), "lab");
    client = pki.client("client", "twin-runtime", TestPki.KeyForm.PKCS8, null);
    locked = pki.client("locked", "twin-runtime", TestPki.KeyForm.PKCS8_ENCRYPTED, "key-pass".toCharArray());
    other = pki.client("other", "someone-else", TestPki.KeyForm.PKCS8, null);
    Files.writeString(dir.resolve("tls/key-password"), "key-pass\n");
    Files.writeString(dir.resolve("tls/notes.txt"), "not a certificate\n");
    Files.writeString(dir.resolve("mqtt-password"), "pa ss\n");
  }

  @Test
  void anSslBrokerWithMutualTlsAndAPasswordFileLoadsWithItsFilesRead() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - id: secure-broker
            mqtt: ssl://broker.lab:8883
            username: twinlab
            password_file: mqtt-password
            tls:
              ca: tls/lab-ca.pem
              cert: tls/locked.pem
              key: tls/locked.key
              key_password_file: tls/key-password
        """);
    ConnectionConfig c = LabConfigLoader.load(dir.resolve("twinlab.yaml")).connections().get(0);
    MqttTls tls = c.tls().orElseThrow();
    assertThat(tls.trusted()).extracting(x -> x.getSubjectX500Principal().getName()).containsExactly("CN=lab test CA");
    assertThat(tls.identity().orElseThrow().chain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=twin-runtime");
    assertThat(tls.verifyHostname()).isTrue();
    assertThat(c.passwordFile()).contains(dir.resolve("mqtt-password"));
    assertThat(c.password()).contains("pa ss"); // the trailing line break only: a space may be part of a password

    MqttConnectorConfig connector = c.mqttConnector("secure-broker");
    assertThat(connector.password()).contains("pa ss");
    assertThat(connector.tls()).contains(tls);
    assertThat(connector.toString()).doesNotContain("pa ss").contains("twinlab");
    assertThat(c.toString()).doesNotContain("pa ss").doesNotContain("key-pass");
  }

  @Test
  void hostNameVerificationCanBeTurnedOffAndCaDefaultsToTheJdkList() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - {id: public-broker, mqtt: 'ssl://mqtt.example.org:8883', tls: {cert: tls/client.pem, key: tls/client.key}}
          - {id: lab-broker, mqtt: 'ssl://10.0.0.5:8883', tls: {ca: tls/lab-ca.pem, verify_hostname: false}}
        """);
    List<ConnectionConfig> cs = LabConfigLoader.load(dir.resolve("twinlab.yaml")).connections();
    assertThat(cs.get(0).tls().orElseThrow().trusted()).isEmpty();
    assertThat(cs.get(0).tls().orElseThrow().identity()).isPresent();
    assertThat(cs.get(1).tls().orElseThrow().verifyHostname()).isFalse();
    assertThat(cs.get(1).tls().orElseThrow().identity()).isEmpty();
  }

  @Test
  void aPasswordFromAnUnsetVariableIsAnErrorThatNamesTheVariableWhenTheLinkIsMade() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - {id: b, mqtt: 'tcp://10.0.0.5:1883', username: lab, password_env: TWINLAB_NO_SUCH_VARIABLE_SET}
        """);
    ConnectionConfig c = LabConfigLoader.load(dir.resolve("twinlab.yaml")).connections().get(0);
    assertThatThrownBy(() -> c.mqttConnector("b")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connection b").hasMessageContaining("TWINLAB_NO_SUCH_VARIABLE_SET");
  }

  @Test
  void eachTlsMistakeIsNamedAtItsField() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - id: a
            mqtt: ssl://broker:8883
            tls:
              ca: tls/missing.pem
              cert: tls/client.pem
          - id: b
            mqtt: ssl://broker:8883
            tls:
              ca: tls/notes.txt
              cert: tls/client.pem
              key: tls/other.key
              verify_hostname: maybe
          - id: c
            mqtt: ssl://broker:8883
            tls:
              cert: tls/locked.pem
              key: tls/locked.key
              key_password: key-pass
          - id: d
            mqtt: tcp://broker:1883
            tls: {ca: tls/lab-ca.pem}
          - id: e
            mqtt: ssl://broker:8883
            tls: {cert: tls/locked.pem, key: tls/locked.key, key_password_env: TWINLAB_NO_SUCH_VARIABLE_SET}
          - id: f
            mqtt: ssl://broker:8883
            tls: {cert: tls/client.pem, key: tls/client.key, key_password_file: tls/key-password, colour: blue}
        """);
    List<String> found = problems();
    assertThat(found)
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:5:").contains("ca").contains("no file").contains("missing.pem"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:5:").contains("both cert: and key:"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:10:").contains("no PEM certificate"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:12:").contains("does not belong to the certificate"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:13:").contains("true or false"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:18:").contains("encrypted").contains("key_password_env"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:19:").contains("passwords do not belong in files"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:22:").contains("ssl://"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:25:").contains("TWINLAB_NO_SUCH_VARIABLE_SET is not set"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:28:").contains("colour"));
    assertThat(String.join("\n", found)).doesNotContain("key-pass\n");
  }

  @Test
  void credentialsComeFromOneOfPasswordEnvOrPasswordFileWithAUsername() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - {id: a, mqtt: 'tcp://b:1883', username: lab, password_env: MQTT_PW, password_file: mqtt-password}
          - {id: b, mqtt: 'tcp://b:1883', password_file: mqtt-password}
          - {id: c, mqtt: 'tcp://b:1883', username: lab, password: hunter2}
          - {id: d, mqtt: 'tcp://b:1883', username: lab, password_file: no-such-file}
        """);
    assertThat(problems())
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:2:").contains("not both"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:3:").contains("username"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:4:").contains("passwords do not belong in files").doesNotContain("hunter2"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:5:").contains("no file").contains("no-such-file"));
  }

  private static List<String> problems() {
    try {
      LabConfigLoader.load(dir.resolve("twinlab.yaml"));
      throw new AssertionError("accepted");
    } catch (InvalidInputException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
