package org.twinlab.runtime.config;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.twinlab.connectors.tls.InvalidPemException;
import org.twinlab.connectors.tls.Pem;
import org.twinlab.connectors.opcua.OpcUaSecurity;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;

/**
 * Reads an OPC UA connection's {@code security: {policy, mode}} and {@code identity: {kind,
 * username, password_env | password_file, certificate, private_key}}. Without them the connection
 * stays as it always was: policy None, anonymous. The PEM files of an x509 login are read here, so
 * a wrong file is a problem at its field rather than a failed session later.
 */
final class OpcUaSecuritySection {
  private OpcUaSecuritySection() {}

  private static final String POLICY_NAMES = OpcUaSecurityConfig.POLICIES.stream().map(Enum::name).collect(Collectors.joining(", "));

  static OpcUaSecurityConfig read(YamlMap c, Path base, Problems problems) {
    OpcUaSecurity.Policy policy = OpcUaSecurity.Policy.None;
    OpcUaSecurity.Mode mode = OpcUaSecurity.Mode.None;
    boolean valid = true;
    Optional<YamlMap> security = c.get("security").flatMap(v -> v.asMap(problems));
    if (c.has("security") && security.isEmpty()) valid = false;
    if (security.isPresent()) {
      YamlMap s = security.get();
      Optional<String> policyName = s.requireString("policy", problems);
      Optional<OpcUaSecurity.Policy> p = policyName.flatMap(n -> OpcUaSecurityConfig.POLICIES.stream().filter(x -> x.name().equals(n)).findFirst());
      if (policyName.isPresent() && p.isEmpty()) {
        s.get("policy").ifPresent(v -> v.problem(problems, "unknown security policy '" + policyName.get() + "' (one of " + POLICY_NAMES + ")"));
      }
      policy = p.orElse(OpcUaSecurity.Policy.None);
      Optional<String> modeName = s.string("mode", problems);
      Optional<OpcUaSecurity.Mode> m = modeName.flatMap(n -> List.of(OpcUaSecurity.Mode.None, OpcUaSecurity.Mode.Sign,
          OpcUaSecurity.Mode.SignAndEncrypt).stream().filter(x -> x.name().equals(n)).findFirst());
      if (modeName.isPresent() && m.isEmpty()) {
        s.get("mode").ifPresent(v -> v.problem(problems, "unknown security mode '" + modeName.get() + "' (None, Sign or SignAndEncrypt)"));
      }
      // a policy without a mode means the strongest
      mode = m.orElse(policy == OpcUaSecurity.Policy.None ? OpcUaSecurity.Mode.None : OpcUaSecurity.Mode.SignAndEncrypt);
      if (p.isPresent() && m.isPresent() && (policy == OpcUaSecurity.Policy.None) != (mode == OpcUaSecurity.Mode.None)) {
        String why = policy == OpcUaSecurity.Policy.None
            ? "mode " + modeName.get() + " needs a security policy other than None"
            : "mode None goes with policy None only: " + policyName.get() + " signs (Sign) or signs and encrypts (SignAndEncrypt)";
        s.get("mode").ifPresent(v -> v.problem(problems, why));
        valid = false;
      }
      if ((policyName.isPresent() && p.isEmpty()) || (modeName.isPresent() && m.isEmpty()) || policyName.isEmpty()) valid = false;
      s.rejectUnknown(problems);
    }
    Identity identity = c.get("identity").flatMap(v -> v.asMap(problems)).map(i -> identity(i, base, problems)).orElse(Identity.ANONYMOUS);
    if (identity.kind != OpcUaSecurityConfig.Kind.ANONYMOUS && policy == OpcUaSecurity.Policy.None && valid && identity.valid) {
      c.get("identity").ifPresent(v -> v.problem(problems,
          "a " + identity.kind.name().toLowerCase() + " login needs a secured channel, so that no credential travels in clear: add security: {policy: Basic256Sha256, mode: SignAndEncrypt}"));
    }
    if (!valid || !identity.valid) return OpcUaSecurityConfig.NONE;
    return new OpcUaSecurityConfig(policy, mode, identity.kind, identity.username, identity.passwordEnv, identity.passwordFile,
        identity.certificate, identity.privateKey);
  }

  /** Fields "valid" is false when a problem was reported, so no half-read identity is used. */
  private record Identity(OpcUaSecurityConfig.Kind kind, Optional<String> username, Optional<String> passwordEnv, Optional<Path> passwordFile,
      Optional<X509Certificate> certificate, Optional<PrivateKey> privateKey, boolean valid) {
    static final Identity ANONYMOUS = new Identity(OpcUaSecurityConfig.Kind.ANONYMOUS, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), true);
  }

  private static Identity identity(YamlMap i, Path base, Problems problems) {
    int before = problems.list().size();
    Optional<String> kindName = i.requireString("kind", problems);
    OpcUaSecurityConfig.Kind kind = OpcUaSecurityConfig.Kind.ANONYMOUS;
    if (kindName.isPresent()) {
      switch (kindName.get()) {
        case "anonymous" -> kind = OpcUaSecurityConfig.Kind.ANONYMOUS;
        case "username" -> kind = OpcUaSecurityConfig.Kind.USERNAME;
        case "x509" -> kind = OpcUaSecurityConfig.Kind.X509;
        default -> i.get("kind").ifPresent(v -> v.problem(problems, "unknown identity kind '" + kindName.get() + "' (anonymous, username or x509)"));
      }
    }
    Optional<String> username = i.string("username", problems);
    Optional<String> passwordEnv = i.string("password_env", problems);
    Optional<Path> passwordFile = LabConfigLoader.existing(i, "password_file", base, problems);
    if (i.has("password")) i.get("password").ifPresent(v -> v.problem(problems,
        "passwords do not belong in files: name the environment variable that holds it with password_env, or a file with password_file"));
    Optional<X509Certificate> certificate = Optional.empty();
    Optional<PrivateKey> key = Optional.empty();
    if (kind == OpcUaSecurityConfig.Kind.USERNAME) {
      if (!i.has("username")) i.self().problem(problems, "a username login needs username:");
      if (i.has("password_env") && i.has("password_file")) {
        i.self().problem(problems, "give one of password_env or password_file, not both");
      } else if (!i.has("password_env") && !i.has("password_file") && !i.has("password")) {
        i.self().problem(problems, "a username login needs its password from password_env (an environment variable) or password_file");
      }
    } else {
      for (String field : List.of("username", "password_env", "password_file")) {
        if (i.has(field)) i.get(field).ifPresent(v -> v.problem(problems, field + " goes with kind: username"));
      }
    }
    if (kind == OpcUaSecurityConfig.Kind.X509) {
      if (!i.has("certificate") || !i.has("private_key")) {
        i.self().problem(problems, "an x509 login needs certificate: and private_key: (PEM files)");
      }
      certificate = LabConfigLoader.existing(i, "certificate", base, problems).flatMap(f -> certificate(i, f, problems));
      key = LabConfigLoader.existing(i, "private_key", base, problems).flatMap(f -> key(i, f, problems));
      if (certificate.isPresent() && key.isPresent() && !Pem.matches(key.get(), certificate.get())) {
        i.get("private_key").ifPresent(v -> v.problem(problems, "this key does not belong to the certificate in certificate:"));
      }
    } else {
      for (String field : List.of("certificate", "private_key")) {
        if (i.has(field)) i.get(field).ifPresent(v -> v.problem(problems, field + " goes with kind: x509"));
      }
    }
    i.rejectUnknown(problems);
    return new Identity(kind, username, passwordEnv, passwordFile, certificate, key, problems.list().size() == before);
  }

  private static Optional<X509Certificate> certificate(YamlMap i, Path f, Problems problems) {
    try {
      return Optional.of(Pem.certificates(f).get(0));
    } catch (IOException e) {
      i.get("certificate").ifPresent(v -> v.problem(problems, "cannot read " + f + ": " + e.getMessage()));
    } catch (InvalidPemException e) {
      i.get("certificate").ifPresent(v -> v.problem(problems, f + ": " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static Optional<PrivateKey> key(YamlMap i, Path f, Problems problems) {
    try {
      return Optional.of(Pem.privateKey(f, Optional.empty()));
    } catch (IOException e) {
      i.get("private_key").ifPresent(v -> v.problem(problems, "cannot read " + f + ": " + e.getMessage()));
    } catch (InvalidPemException e) {
      i.get("private_key").ifPresent(v -> v.problem(problems, f + ": " + e.getMessage()));
    }
    return Optional.empty();
  }

  static void onlyForOpcUa(YamlMap c, Problems problems) {
    for (String field : List.of("security", "identity")) {
      c.get(field).ifPresent((YamlValue v) -> v.problem(problems, field + ": goes with an OPC UA connection (opcua: opc.tcp://...)"));
    }
  }
}
