package org.twinlab.connectors.mqtt;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * TLS for an {@code ssl://} broker, as read certificates and keys (no file paths: where they came
 * from is the configuration's business).
 *
 * @param trusted the CA certificates the broker's certificate must chain to; empty trusts the JDK's
 *     own CA list (a broker with a publicly signed certificate)
 * @param identity the client certificate and key for mutual TLS
 * @param verifyHostname whether the broker's certificate must name the host of the URI (on unless
 *     turned off on purpose)
 */
public record MqttTls(List<X509Certificate> trusted, Optional<Identity> identity, boolean verifyHostname) {

  public MqttTls {
    trusted = List.copyOf(trusted);
  }

  /** A client certificate chain (leaf first) and its private key. */
  public record Identity(List<X509Certificate> chain, PrivateKey key) {
    public Identity {
      chain = List.copyOf(chain);
      if (chain.isEmpty()) throw new IllegalArgumentException("a client identity needs its certificate");
    }

    @Override
    public String toString() {
      return "Identity[" + chain.get(0).getSubjectX500Principal().getName() + "]"; // never the key
    }
  }

  /** Trusts these CAs, verifies the host name, presents no client certificate. */
  public static MqttTls trusting(List<X509Certificate> ca) {
    return new MqttTls(ca, Optional.empty(), true);
  }

  public MqttTls withIdentity(List<X509Certificate> chain, PrivateKey key) {
    return new MqttTls(trusted, Optional.of(new Identity(chain, key)), verifyHostname);
  }

  public MqttTls withHostnameVerification(boolean on) {
    return new MqttTls(trusted, identity, on);
  }

  @Override
  public String toString() {
    return "MqttTls[trusted=" + trusted.stream().map(c -> c.getSubjectX500Principal().getName()).toList()
        + ", identity=" + identity + ", verifyHostname=" + verifyHostname + "]";
  }
}
