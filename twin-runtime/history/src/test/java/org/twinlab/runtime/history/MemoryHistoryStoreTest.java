package org.twinlab.runtime.history;

/** The store in memory a simulated station keeps answers as every store must. */
class MemoryHistoryStoreTest extends HistoryStoreContract {
  private static final MemoryHistoryStore STORE = new MemoryHistoryStore();

  @Override
  protected HistoryStore store() {
    return STORE;
  }
}
