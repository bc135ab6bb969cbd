package org.twinlab.runtime.twin;

import java.util.List;

/** What one batch of samples (or one request, or one stale check) changed in a twin. */
public record ChangeBatch(String twin, List<Change> changes) {
  public ChangeBatch {
    changes = List.copyOf(changes);
  }
}
