package org.twinlab.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The collector's pauses while measuring, each as the JVM reports it: a pause holds every thread,
 * so the longest ones bound what a latency percentile can be.
 */
final class GcPauses implements AutoCloseable {
  /** What was seen: how many pauses, the longest, and their sum. */
  record Result(int count, long longestMs, long totalMs) {}

  private final List<Long> pausesMs = new ArrayList<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = (n, handback) -> {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    // concurrent cycles hold no thread; only what the JVM names a pause is one (G1's "G1 Concurrent GC",
    // ZGC's and Shenandoah's "… Cycles" are whole concurrent cycles, their pauses come as "… Pauses")
    String name = info.getGcName();
    if (info.getGcAction().contains("end of") && !name.contains("Concurrent") && !name.endsWith("Cycles")) {
      record(info.getGcInfo().getDuration());
    }
  };

  GcPauses() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
  }

  private synchronized void record(long ms) {
    pausesMs.add(ms);
  }

  synchronized Result result() {
    long longest = pausesMs.stream().mapToLong(Long::longValue).max().orElse(0);
    return new Result(pausesMs.size(), longest, pausesMs.stream().mapToLong(Long::longValue).sum());
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException gone) {
        // never added
      }
    }
  }
}
