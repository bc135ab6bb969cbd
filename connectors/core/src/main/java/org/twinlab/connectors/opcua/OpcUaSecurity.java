package org.twinlab.connectors.opcua;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * How a session is secured: the endpoint's policy and mode, the user identity, and the folder
 * holding the client's own certificate and the trust list ({@code own/}, {@code trusted/},
 * {@code rejected/}). Policy None needs no folder.
 */
public record OpcUaSecurity(Policy policy, Mode mode, OpcUaIdentity identity, Optional<Path> pki) {

  /** The security policies the connector speaks, named as OPC UA names them (the runtime never sees Milo's types). */
  public enum Policy {
    None(SecurityPolicy.None),
    Basic256Sha256(SecurityPolicy.Basic256Sha256),
    Aes128_Sha256_RsaOaep(SecurityPolicy.Aes128_Sha256_RsaOaep),
    Aes256_Sha256_RsaPss(SecurityPolicy.Aes256_Sha256_RsaPss);

    private final SecurityPolicy milo;

    Policy(SecurityPolicy milo) {
      this.milo = milo;
    }

    SecurityPolicy milo() {
      return milo;
    }
  }

  public enum Mode {
    None(MessageSecurityMode.None),
    Sign(MessageSecurityMode.Sign),
    SignAndEncrypt(MessageSecurityMode.SignAndEncrypt);

    private final MessageSecurityMode milo;

    Mode(MessageSecurityMode milo) {
      this.milo = milo;
    }

    MessageSecurityMode milo() {
      return milo;
    }
  }

  public static final OpcUaSecurity NONE = new OpcUaSecurity(Policy.None, Mode.None, OpcUaIdentity.ANONYMOUS, Optional.empty());

  public OpcUaSecurity {
    if ((policy == Policy.None) != (mode == Mode.None)) {
      throw new IllegalArgumentException("security policy " + policy + " does not go with mode " + mode);
    }
    if (policy != Policy.None && pki.isEmpty()) {
      throw new IllegalArgumentException("a secured session needs a folder for its certificates");
    }
  }

  public static OpcUaSecurity secured(Policy policy, Mode mode, OpcUaIdentity identity, Path pki) {
    return new OpcUaSecurity(policy, mode, identity, Optional.of(pki));
  }

  public boolean encrypted() {
    return policy != Policy.None;
  }

  /** e.g. "Basic256Sha256/SignAndEncrypt with UserName login" */
  public String describe() {
    return policy.name() + "/" + mode.name() + " with " + identity.tokenType().name() + " login";
  }
}
