package org.twinlab.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.twinlab.connectors.mqtt.MqttTls;
import org.twinlab.connectors.tls.InvalidPemException;
import org.twinlab.connectors.tls.Pem;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlMap;

/**
 * A connection's {@code tls:} section: {@code ca} (PEM CAs the broker's certificate must chain
 * to; without it the JDK's CA list), optionally {@code cert} + {@code key} for mutual TLS with {@code key_password_env} or
 * {@code key_password_file} for an encrypted key, and {@code verify_hostname} (true unless turned
 * off). The files are read here, so a missing, unreadable or wrong file is a problem at its field
 * rather than a failed connection later.
 */
final class MqttTlsSection {
  private MqttTlsSection() {}

  static Optional<MqttTls> read(YamlMap t, Path base, Problems problems) {
    Optional<List<X509Certificate>> ca = LabConfigLoader.existing(t, "ca", base, problems).flatMap(f -> certificates(t, "ca", f, problems));
    Optional<List<X509Certificate>> cert = LabConfigLoader.existing(t, "cert", base, problems)
        .flatMap(f -> certificates(t, "cert", f, problems));
    Optional<Path> keyFile = LabConfigLoader.existing(t, "key", base, problems);
    Optional<char[]> keyPassword = keyPassword(t, base, problems);
    boolean verifyHostname = t.bool("verify_hostname", true, problems);
    if (t.has("cert") != t.has("key")) {
      t.self().problem(problems, "a client certificate needs both cert: and key: (PEM files)");
    }
    if (!t.has("key") && (t.has("key_password_env") || t.has("key_password_file"))) {
      t.self().problem(problems, "key_password_env and key_password_file go with key:");
    }
    if (t.has("key_password_env") && t.has("key_password_file")) {
      t.self().problem(problems, "give one of key_password_env or key_password_file, not both");
    }
    if (t.has("password") || t.has("key_password")) {
      t.get(t.has("password") ? "password" : "key_password").ifPresent(v -> v.problem(problems,
          "passwords do not belong in files: name the environment variable with key_password_env, or a file with key_password_file"));
    }
    Optional<PrivateKey> key = keyFile.flatMap(f -> key(t, f, keyPassword, problems));
    boolean pair = cert.isPresent() && key.isPresent() && Pem.matches(key.get(), cert.get().get(0));
    if (cert.isPresent() && key.isPresent() && !pair) {
      t.get("key").ifPresent(v -> v.problem(problems, "this key does not belong to the certificate in cert:"));
    }
    t.rejectUnknown(problems);
    if ((t.has("ca") && ca.isEmpty()) || ((t.has("cert") || t.has("key")) && !pair)) return Optional.empty();
    // without ca: the JDK's CA list
    MqttTls tls = MqttTls.trusting(ca.orElse(List.of())).withHostnameVerification(verifyHostname);
    return Optional.of(pair ? tls.withIdentity(cert.get(), key.get()) : tls);
  }

  private static Optional<List<X509Certificate>> certificates(YamlMap t, String field, Path f, Problems problems) {
    try {
      return Optional.of(Pem.certificates(f));
    } catch (IOException e) {
      t.get(field).ifPresent(v -> v.problem(problems, "cannot read " + f + ": " + e.getMessage()));
    } catch (InvalidPemException e) {
      t.get(field).ifPresent(v -> v.problem(problems, f + ": " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static Optional<PrivateKey> key(YamlMap t, Path f, Optional<char[]> password, Problems problems) {
    try {
      return Optional.of(Pem.privateKey(f, password));
    } catch (IOException e) {
      t.get("key").ifPresent(v -> v.problem(problems, "cannot read " + f + ": " + e.getMessage()));
    } catch (InvalidPemException e) {
      String hint = password.isEmpty() && e.getMessage().contains("encrypted") ? " (give key_password_env or key_password_file)" : "";
      t.get("key").ifPresent(v -> v.problem(problems, f + ": " + e.getMessage() + hint));
    }
    return Optional.empty();
  }

  /** The password of an encrypted key, from the environment or a file; never from the configuration itself. */
  private static Optional<char[]> keyPassword(YamlMap t, Path base, Problems problems) {
    Optional<String> env = t.string("key_password_env", problems);
    if (env.isPresent()) {
      String value = System.getenv(env.get());
      if (value == null) {
        t.get("key_password_env").ifPresent(v -> v.problem(problems, "the environment variable " + env.get() + " is not set"));
      }
      return Optional.ofNullable(value).map(String::toCharArray);
    }
    return LabConfigLoader.existing(t, "key_password_file", base, problems).flatMap(f -> {
      try {
        return Optional.of(ConnectionConfig.stripLineBreak(Files.readString(f)).toCharArray());
      } catch (IOException e) {
        t.get("key_password_file").ifPresent(v -> v.problem(problems, "cannot read " + f + ": " + e.getMessage()));
        return Optional.empty();
      }
    });
  }
}
