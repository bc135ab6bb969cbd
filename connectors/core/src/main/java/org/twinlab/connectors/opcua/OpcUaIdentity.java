package org.twinlab.connectors.opcua;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;

/** Who the connector logs in as, once the secure channel is open. */
public sealed interface OpcUaIdentity {

  /** The user token type an endpoint must offer for this identity. */
  UserTokenType tokenType();

  record Anonymous() implements OpcUaIdentity {
    @Override
    public UserTokenType tokenType() {
      return UserTokenType.Anonymous;
    }
  }

  /** The password is fetched each time a session is made, so it sits in no field and no log line. */
  record Username(String username, Supplier<String> password) implements OpcUaIdentity {
    @Override
    public UserTokenType tokenType() {
      return UserTokenType.UserName;
    }

    @Override
    public String toString() {
      return "Username[" + username + "]";
    }
  }

  record X509(X509Certificate certificate, PrivateKey privateKey) implements OpcUaIdentity {
    @Override
    public UserTokenType tokenType() {
      return UserTokenType.Certificate;
    }

    @Override
    public String toString() {
      return "X509[" + certificate.getSubjectX500Principal().getName() + "]";
    }
  }

  OpcUaIdentity ANONYMOUS = new Anonymous();
}
