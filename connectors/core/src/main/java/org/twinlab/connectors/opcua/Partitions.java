package org.twinlab.connectors.opcua;

import java.util.ArrayList;
import java.util.List;

/** Splits a request into pieces no larger than a server's operation limit. */
final class Partitions {
  private Partitions() {}

  static <T> List<List<T>> of(List<T> items, long limit) {
    int size = limit <= 0 || limit > Integer.MAX_VALUE ? Math.max(1, items.size()) : (int) limit;
    List<List<T>> parts = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      parts.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return parts;
  }
}
