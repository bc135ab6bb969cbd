package org.twinlab.connectors.opcua;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Aes256_Sha256_RsaPss signs with RSA-PSS, which Milo takes from Bouncy Castle. */
public final class SecurityProviders {
  private SecurityProviders() {}

  public static synchronized void install() {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) Security.addProvider(new BouncyCastleProvider());
  }
}
