package org.twinlab.bench;

/** A benchmark that measured nothing worth reporting, or saw the runtime fall behind; the message says which. */
public final class BenchFailure extends RuntimeException {
  public BenchFailure(String message) {
    super(message);
  }
}
