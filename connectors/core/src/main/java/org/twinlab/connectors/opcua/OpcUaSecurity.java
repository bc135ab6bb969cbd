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
public record OpcUaSecurity(SecurityPolicy policy, MessageSecurityMode mode, OpcUaIdentity identity, Optional<Path> pki) {

  public static final OpcUaSecurity NONE = new OpcUaSecurity(SecurityPolicy.None, MessageSecurityMode.None, OpcUaIdentity.ANONYMOUS,
      Optional.empty());

  public OpcUaSecurity {
    if ((policy == SecurityPolicy.None) != (mode == MessageSecurityMode.None)) {
      throw new IllegalArgumentException("security policy " + policy + " does not go with mode " + mode);
    }
    if (policy != SecurityPolicy.None && pki.isEmpty()) {
      throw new IllegalArgumentException("a secured session needs a folder for its certificates");
    }
  }

  public static OpcUaSecurity secured(SecurityPolicy policy, MessageSecurityMode mode, OpcUaIdentity identity, Path pki) {
    return new OpcUaSecurity(policy, mode, identity, Optional.of(pki));
  }

  public boolean encrypted() {
    return policy != SecurityPolicy.None;
  }

  /** e.g. "Basic256Sha256/SignAndEncrypt with UserName login" */
  public String describe() {
    return policy.name() + "/" + mode.name() + " with " + identity.tokenType().name() + " login";
  }
}
