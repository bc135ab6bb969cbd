package org.twinlab.models.yaml;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a file is read, so one pass reports them all. */
public final class Problems {
  private final List<Problem> found = new ArrayList<>();

  public void add(SourceLocation at, String field, String message) {
    found.add(new Problem(at, field, message));
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(found);
  }

  public void throwIfAny() throws InvalidInputException {
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
  }
}
