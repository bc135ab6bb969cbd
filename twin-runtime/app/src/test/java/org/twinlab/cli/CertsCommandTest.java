package org.twinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.connectors.opcua.OpcUaPki;

/** An administrator accepts a refused PLC certificate from the shell, and can take the trust back. */
class CertsCommandTest {
  @TempDir Path data;

  @Test
  void aRefusedCertificateIsListedTrustedAndRemoved() throws Exception {
    KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    X509Certificate plc = new SelfSignedCertificateBuilder(keys).setCommonName("PLC station 4").setApplicationUri("urn:plc:station-4").build();
    OpcUaPki pki = OpcUaPki.at(data.resolve("pki"));
    assertThatThrownBy(() -> pki.validator().validateCertificateChain(List.of(plc), "urn:plc:station-4", new String[0]))
        .isInstanceOf(OpcUaPki.UntrustedCertificateException.class);
    String thumbprint = OpcUaPki.thumbprint(plc);

    String[] listed = CliRun.run("certs", "list", "--data", data.toString());
    assertThat(listed[0]).isEqualTo("0");
    assertThat(listed[1]).contains("rejected").contains(thumbprint).contains("CN=PLC station 4").contains("urn:plc:station-4");

    String[] trusted = CliRun.run("certs", "trust", thumbprint, "--data", data.toString());
    assertThat(trusted[0]).isEqualTo("0");
    assertThat(pki.isTrusted(plc)).isTrue();
    assertThat(CliRun.run("certs", "list", "--data", data.toString())[1]).startsWith("trusted").contains(thumbprint);
    pki.validator().validateCertificateChain(List.of(plc), "urn:plc:station-4", new String[0]);

    String[] removed = CliRun.run("certs", "remove", thumbprint, "--data", data.toString());
    assertThat(removed[0]).isEqualTo("0");
    assertThat(pki.isTrusted(plc)).isFalse();
    assertThat(CliRun.run("certs", "list", "--data", data.toString())[1]).contains("no OPC UA server certificates yet");
  }

  @Test
  void anUnknownThumbprintIsAnErrorThatSaysWhereToLook() {
    String[] r = CliRun.run("certs", "trust", "00112233445566778899aabbccddeeff00112233", "--data", data.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("no refused certificate 00112233445566778899aabbccddeeff00112233").contains("twinlab certs list");
    assertThat(CliRun.run("certs", "remove", "not-a-thumbprint", "--data", data.toString())[0]).isEqualTo("1");
  }
}
