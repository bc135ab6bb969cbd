package org.twinlab.runtime.binding;

import java.io.IOException;
import java.util.List;

/**
 * Where one twin's binding versions are kept: its journal in the data directory
 * ({@link BindingJournal}, the default) or a database every node of a lab shares, so the node that
 * takes a twin over runs the version last made on any node. Each version is kept before
 * {@link #append} returns. Blocking; call it from a worker thread.
 */
public interface BindingHistory {

  /** Keeps a version; fails when it cannot, or when another node kept a version of that number first. */
  void append(BindingVersion v) throws IOException;

  /** Every version kept so far, oldest first. */
  List<BindingVersion> read() throws IOException;

  /** Where the versions are kept, for messages. */
  String where();

  /**
   * Sets the versions kept so far aside under a label (an upgrade, a rollback, a removal), so the
   * twin starts afresh; they stay readable for whoever looks into the store.
   */
  void setAside(String label) throws IOException;
}
