package org.twinlab.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.opcua.OpcUaConnectorConfig;
import org.twinlab.connectors.opcua.OpcUaIdentity;
import org.twinlab.connectors.opcua.OpcUaSecurity;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.testing.TestPki;

/**
 * A secured OPC UA connection in {@code twinlab.yaml}: policy, mode and login are named as OPC UA
 * names them, each mistake is reported at its field, and the password comes from the environment
 * or a file, read when a session is made, never printed.
 */
class OpcUaConnectionConfigTest {
  @TempDir static Path dir;
  static TestPki.Issued user;
  static TestPki.Issued other;

  @BeforeAll
  static void makeFiles() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "lab");
    user = pki.client("user", "examiner", TestPki.KeyForm.PKCS8, null);
    other = pki.client("other", "someone-else", TestPki.KeyForm.PKCS8, null);
    Files.writeString(dir.resolve("plc-password"), "pl c\n");
  }

  @Test
  void withoutSecurityAConnectionStaysAsItWasNoneAndAnonymous() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - {id: plc-1, opcua: 'opc.tcp://10.0.0.1:4840'}
        """);
    ConnectionConfig c = LabConfigLoader.load(dir.resolve("twinlab.yaml")).connections().get(0);
    assertThat(c.opcuaSecurity()).isEqualTo(OpcUaSecurityConfig.NONE);
    assertThat(c.opcuaConnector("plc-1", dir.resolve("data/pki")).security()).isEqualTo(OpcUaSecurity.NONE);
  }

  @Test
  void aSignedAndEncryptedUsernameSessionReadsItsPasswordWhenTheSessionIsMade() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - id: plc-1
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256, mode: SignAndEncrypt}
            identity: {kind: username, username: trainee, password_file: plc-password}
          - id: plc-2
            opcua: opc.tcp://10.0.0.2:4840
            security: {policy: Aes256_Sha256_RsaPss}
            identity: {kind: x509, certificate: pki/user.pem, private_key: pki/user.key}
        """);
    List<ConnectionConfig> cs = LabConfigLoader.load(dir.resolve("twinlab.yaml")).connections();
    OpcUaConnectorConfig plc1 = cs.get(0).opcuaConnector("plc-1", dir.resolve("data/pki"));
    assertThat(plc1.security().policy()).isEqualTo(OpcUaSecurity.Policy.Basic256Sha256);
    assertThat(plc1.security().mode()).isEqualTo(OpcUaSecurity.Mode.SignAndEncrypt);
    assertThat(plc1.security().pki()).contains(dir.resolve("data/pki"));
    OpcUaIdentity.Username login = (OpcUaIdentity.Username) plc1.security().identity();
    assertThat(login.username()).isEqualTo("trainee");
    assertThat(login.password().get()).isEqualTo("pl c");
    assertThat(cs.get(0).toString() + plc1.security()).doesNotContain("pl c");

    OpcUaSecurity plc2 = cs.get(1).opcuaConnector("plc-2", dir.resolve("data/pki")).security();
    assertThat(plc2.mode()).as("a policy without a mode means the strongest").isEqualTo(OpcUaSecurity.Mode.SignAndEncrypt);
    assertThat(plc2.identity()).isInstanceOf(OpcUaIdentity.X509.class);
  }

  @Test
  void aPasswordFromAnUnsetVariableStopsTheStartNamingTheVariable() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - id: plc-1
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256, mode: Sign}
            identity: {kind: username, username: trainee, password_env: TWINLAB_NO_SUCH_VARIABLE_SET}
        """);
    ConnectionConfig c = LabConfigLoader.load(dir.resolve("twinlab.yaml")).connections().get(0);
    assertThatThrownBy(() -> c.opcuaConnector("plc-1", dir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connection plc-1").hasMessageContaining("TWINLAB_NO_SUCH_VARIABLE_SET");
  }

  @Test
  void eachSecurityMistakeIsNamedAtItsField() throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), """
        connections:
          - id: a
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic128Rsa15, mode: SignAndEncrypt}
          - id: b
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256, mode: None}
          - id: c
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256, mode: Encrypt}
          - id: d
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256}
            identity: {kind: username, username: trainee}
          - id: e
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256}
            identity: {kind: username, username: trainee, password: hunter2}
          - id: f
            opcua: opc.tcp://10.0.0.1:4840
            identity: {kind: username, username: trainee, password_env: PLC_PASSWORD}
          - id: g
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256}
            identity: {kind: x509, certificate: pki/user.pem, private_key: pki/other.key}
          - id: h
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256}
            identity: {kind: kerberos}
          - id: i
            mqtt: tcp://10.0.0.5:1883
            security: {policy: Basic256Sha256}
          - id: j
            opcua: opc.tcp://10.0.0.1:4840
            security: {policy: Basic256Sha256, mode: Sign, colour: blue}
        """);
    List<String> found = problems();
    assertThat(found)
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:4:").contains("unknown security policy 'Basic128Rsa15'")
            .contains("Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:7:").contains("mode").contains("mode None goes with policy None only"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:10:").contains("unknown security mode 'Encrypt'"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:14:").contains("password_env").contains("password_file"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:18:").contains("password").contains("passwords do not belong in files"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:21:").contains("identity").contains("needs a secured channel"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:25:").contains("private_key").contains("does not belong to the certificate"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:29:").contains("unknown identity kind 'kerberos'"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:32:").contains("security").contains("goes with an OPC UA connection"))
        .anySatisfy(p -> assertThat(p).contains("twinlab.yaml:35:").contains("colour"));
    assertThat(String.join("\n", found)).doesNotContain("hunter2");
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
