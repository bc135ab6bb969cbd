package org.twinlab.connectors.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The sockets Paho opens to an {@code ssl://} broker: trusting only the configured CAs, presenting
 * the client certificate when there is one, with Nagle off as on plain TCP. Host names are checked
 * by Paho itself (endpoint identification), after the handshake this factory's sockets start.
 */
final class TlsSocketFactory extends SSLSocketFactory {
  /** Only ever in memory: the key store API needs a password, nothing outside this class sees it. */
  private static final char[] IN_MEMORY = new char[0];

  private final SSLSocketFactory delegate;

  private TlsSocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  static TlsSocketFactory of(MqttTls tls) throws GeneralSecurityException, IOException {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (tls.trusted().isEmpty()) {
      trust.init((KeyStore) null); // the JDK's CA list
    } else {
      KeyStore cas = emptyStore();
      for (int i = 0; i < tls.trusted().size(); i++) cas.setCertificateEntry("ca-" + i, tls.trusted().get(i));
      trust.init(cas);
    }
    KeyManager[] keys = null;
    if (tls.identity().isPresent()) {
      MqttTls.Identity id = tls.identity().get();
      KeyStore store = emptyStore();
      store.setKeyEntry("client", id.key(), IN_MEMORY, id.chain().toArray(new Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, IN_MEMORY);
      keys = kmf.getKeyManagers();
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, trust.getTrustManagers(), null);
    return new TlsSocketFactory(context.getSocketFactory());
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore s = KeyStore.getInstance("PKCS12");
    s.load(null, null);
    return s;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return noDelay(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
    return noDelay(delegate.createSocket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
    return noDelay(delegate.createSocket(address, port, local, localPort));
  }

  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

}
