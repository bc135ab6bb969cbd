package org.twinlab.runtime.config;

import java.nio.file.Path;

/** The server's certificate and private key, as PEM files or one PKCS#12 keystore. */
public sealed interface TlsConfig {
  /** A certificate chain and its private key (PKCS#8 or PKCS#1), each a PEM file. */
  record Pem(Path cert, Path key) implements TlsConfig {}

  /** A PKCS#12 keystore holding the key and its chain, with the password that opens it. */
  record Keystore(Path path, String password) implements TlsConfig {
    @Override
    public String toString() {
      return "Keystore[path=" + path + "]";
    }
  }
}
