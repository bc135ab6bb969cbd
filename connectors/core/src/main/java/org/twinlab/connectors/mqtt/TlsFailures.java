package org.twinlab.connectors.mqtt;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What a failed TLS handshake means for whoever reads the connection's state: the JDK's words
 * ("unable to find valid certification path to requested target") say what failed, not which
 * setting to look at.
 */
public final class TlsFailures {
  private TlsFailures() {}

  /** The reason in the terms of the configuration, or empty when {@code e} is no TLS failure. */
  public static Optional<String> explain(Throwable e) {
    boolean tls = false;
    String root = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SSLException) tls = true;
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
        return Optional.of("the broker's certificate is not signed by a CA this connection trusts (tls: ca): " + message(t));
      }
      root = message(t);
    }
    if (!tls) return Optional.empty();
    if (root.startsWith("No subject alternative") || root.startsWith("No name matching")) {
      return Optional.of("the broker's certificate is not issued for the host of the URI: " + root);
    }
    if (root.contains("certificate_required")) {
      return Optional.of("the broker wants a client certificate (tls: cert and key): " + root);
    }
    if (root.contains("bad_certificate") || root.contains("unknown_ca") || root.contains("certificate_unknown")) {
      return Optional.of("the broker refused the client certificate: " + root);
    }
    return Optional.of("TLS with the broker failed: " + root);
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
