package org.twinlab.runtime.history;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The writer's batch: the lists it took from its queue, one after the other, without copying their
 * points into one list (which would build every point of a {@link HistoryBlock} and keep them all
 * alive until the batch is written). Filled on the writer's thread, then read by the store.
 */
final class JoinedPoints extends AbstractList<HistoryPoint> {
  private final List<List<HistoryPoint>> parts = new ArrayList<>();
  private int size;

  void add(List<HistoryPoint> part) {
    if (part.isEmpty()) return;
    parts.add(part);
    size += part.size();
  }

  @Override
  public void clear() {
    parts.clear();
    size = 0;
  }

  List<List<HistoryPoint>> parts() {
    return parts;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public HistoryPoint get(int index) {
    java.util.Objects.checkIndex(index, size);
    int left = index;
    for (List<HistoryPoint> part : parts) {
      if (left < part.size()) return part.get(left);
      left -= part.size();
    }
    throw new IndexOutOfBoundsException(index);
  }

  @Override
  public Iterator<HistoryPoint> iterator() {
    return new Iterator<>() {
      private int part;
      private int next;

      @Override
      public boolean hasNext() {
        while (part < parts.size() && next == parts.get(part).size()) {
          part++;
          next = 0;
        }
        return part < parts.size();
      }

      @Override
      public HistoryPoint next() {
        if (!hasNext()) throw new NoSuchElementException();
        return parts.get(part).get(next++);
      }
    };
  }
}
