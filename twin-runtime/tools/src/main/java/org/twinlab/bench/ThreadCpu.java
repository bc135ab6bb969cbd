package org.twinlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where this JVM's CPU goes, by kind of thread: the Java threads by name (event loops, the history
 * writer, the protocol clients' threads), and the JVM's own compiler and collector threads, which
 * only the operating system counts (Linux: /proc/self/task; elsewhere they fall under "JVM other").
 */
final class ThreadCpu {
  private final Map<Long, Long> javaNanos;
  private final Map<Long, String> javaNames;
  private final Map<String, Long> jvmNanos;
  private final long processNanos;

  private ThreadCpu(Map<Long, Long> javaNanos, Map<Long, String> javaNames, Map<String, Long> jvmNanos, long processNanos) {
    this.javaNanos = javaNanos;
    this.javaNames = javaNames;
    this.jvmNanos = jvmNanos;
    this.processNanos = processNanos;
  }

  static ThreadCpu read() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info == null) continue;
      long cpu = mx.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) continue;
      nanos.put(info.getThreadId(), cpu);
      names.put(info.getThreadId(), info.getThreadName());
    }
    long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    return new ThreadCpu(nanos, names, jvmThreads(), process);
  }

  /** The compiler and collector threads' CPU from the operating system, by kind. */
  private static Map<String, Long> jvmThreads() {
    Map<String, Long> out = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String kind = jvmKind(comm);
          if (kind == null) return;
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          out.merge(kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L, Long::sum); // jiffies of 10 ms
        } catch (Exception gone) {
          // the thread ended while being read
        }
      });
    } catch (Exception notLinux) {
      // no breakdown of the JVM's own threads
    }
    return out;
  }

  private static String jvmKind(String comm) {
    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) return "JIT compilers";
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) return "garbage collector";
    return null;
  }

  /** What a Java thread is, by its name. */
  static String javaKind(String name) {
    if (name.startsWith("vert.x-eventloop")) return "event loops";
    if (name.startsWith("vert.x-worker") || name.startsWith("vert.x-internal-blocking")) return "Vert.x workers";
    if (name.startsWith("twinlab-history")) return "history writer";
    if (name.startsWith("MQTT") || name.matches("Thread-\\d+")) return "MQTT client threads";
    if (name.startsWith("milo") || name.startsWith("netty")) return "OPC UA client threads";
    if (name.startsWith("connector")) return "connector lanes";
    return "other Java threads";
  }

  /**
   * The CPU used between this reading and a later one, by kind, largest first; threads in {@code
   * excluded} are left out, and what no thread accounts for is "JVM other".
   */
  Map<String, Long> since(ThreadCpu earlier, Set<Long> excluded) {
    Map<String, Long> out = new HashMap<>();
    long accounted = 0;
    for (Map.Entry<Long, Long> e : javaNanos.entrySet()) {
      long before = earlier.javaNanos.getOrDefault(e.getKey(), 0L);
      long used = e.getValue() - before;
      accounted += used;
      if (excluded.contains(e.getKey())) continue;
      out.merge(javaKind(javaNames.get(e.getKey())), used, Long::sum);
    }
    for (Map.Entry<String, Long> e : jvmNanos.entrySet()) {
      long used = e.getValue() - earlier.jvmNanos.getOrDefault(e.getKey(), 0L);
      accounted += used;
      out.merge(e.getKey(), used, Long::sum);
    }
    // threads that ended in between, the VM's other threads, and the jiffies' rounding
    out.merge("JVM other", Math.max(0, processNanos - earlier.processNanos - accounted), Long::sum);
    Map<String, Long> sorted = new LinkedHashMap<>();
    out.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
