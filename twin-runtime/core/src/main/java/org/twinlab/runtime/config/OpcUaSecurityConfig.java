package org.twinlab.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.twinlab.connectors.opcua.OpcUaIdentity;
import org.twinlab.connectors.opcua.OpcUaSecurity;

/**
 * An OPC UA connection's {@code security:} and {@code identity:} sections.
 *
 * @param kind how the connector logs in: anonymous, username or x509
 * @param passwordEnv the environment variable holding the password: secrets never sit in files
 * @param passwordFile or the file holding it, read each time a session is made
 * @param certificate the user certificate of an x509 login, with its {@code privateKey}, read from PEM files when loaded
 */
public record OpcUaSecurityConfig(OpcUaSecurity.Policy policy, OpcUaSecurity.Mode mode, Kind kind, Optional<String> username,
    Optional<String> passwordEnv, Optional<Path> passwordFile, Optional<X509Certificate> certificate, Optional<PrivateKey> privateKey) {

  public enum Kind {
    ANONYMOUS, USERNAME, X509
  }

  public static final OpcUaSecurityConfig NONE = new OpcUaSecurityConfig(OpcUaSecurity.Policy.None, OpcUaSecurity.Mode.None, Kind.ANONYMOUS,
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** The policies a connection may name, as OPC UA names them. */
  public static final java.util.List<OpcUaSecurity.Policy> POLICIES =
      java.util.List.of(OpcUaSecurity.Policy.None, OpcUaSecurity.Policy.Basic256Sha256, OpcUaSecurity.Policy.Aes128_Sha256_RsaOaep, OpcUaSecurity.Policy.Aes256_Sha256_RsaPss);

  /** Where the OPC UA client certificate and trust list live: {@code <data>/pki} (own/, trusted/, rejected/). */
  public static Path pkiDir(Path dataDir) {
    return dataDir.resolve("pki");
  }

  public boolean secured() {
    return policy != OpcUaSecurity.Policy.None;
  }

  /** The connector's security; certificates live under {@code pki} (the data directory's {@code pki/}). */
  public OpcUaSecurity connectorSecurity(String connection, Path pki) {
    OpcUaIdentity identity = switch (kind) {
      case ANONYMOUS -> OpcUaIdentity.ANONYMOUS;
      case USERNAME -> new OpcUaIdentity.Username(username.orElseThrow(), () -> password(connection));
      case X509 -> new OpcUaIdentity.X509(certificate.orElseThrow(), privateKey.orElseThrow());
    };
    return secured() ? OpcUaSecurity.secured(policy, mode, identity, pki) : new OpcUaSecurity(policy, mode, identity, Optional.empty());
  }

  /**
   * The password, read now from its environment variable or file.
   *
   * @throws IllegalStateException naming the variable or file when it cannot be read, never the value
   */
  String password(String connection) {
    if (passwordEnv.isPresent()) {
      String p = System.getenv(passwordEnv.get());
      if (p == null) {
        throw new IllegalStateException("connection " + connection + ": the OPC UA password is read from the environment variable "
            + passwordEnv.get() + ", which is not set");
      }
      return p;
    }
    try {
      return ConnectionConfig.stripLineBreak(Files.readString(passwordFile.orElseThrow()));
    } catch (IOException e) {
      throw new IllegalStateException("connection " + connection + ": cannot read the OPC UA password file " + passwordFile.get() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "OpcUaSecurityConfig[" + policy + "/" + mode + ", " + kind + username.map(u -> " " + u).orElse("") + "]";
  }
}
