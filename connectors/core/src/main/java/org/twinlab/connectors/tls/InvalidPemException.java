package org.twinlab.connectors.tls;

/** A file that is there and readable but holds no usable certificate or key; the message says why. */
public final class InvalidPemException extends Exception {
  public InvalidPemException(String message) {
    super(message);
  }
}
