package org.twinlab.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time of this JVM, of another process, and of the whole machine, for per-sample costs. */
record CpuClock(long wallNanos, long selfNanos, long otherNanos, long machineBusyJiffies, long machineTotalJiffies) {

  static CpuClock read(long otherPid) {
    long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    long other = 0;
    long busy = 0;
    long total = 0;
    try {
      if (otherPid > 0) {
        String st = Files.readString(Path.of("/proc/" + otherPid + "/stat"));
        String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
        other = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // jiffies of 10 ms
      }
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      String[] c = lines.get(0).trim().split("\\s+");
      for (int i = 1; i <= 8; i++) total += Long.parseLong(c[i]);
      busy = total - Long.parseLong(c[4]) - Long.parseLong(c[5]);
    } catch (Exception e) {
      // not Linux: the machine columns stay 0
    }
    return new CpuClock(System.nanoTime(), self, other, busy, total);
  }

  /** Share of one core used by this JVM between two readings. */
  double selfCores(CpuClock later) {
    return (double) (later.selfNanos - selfNanos) / (later.wallNanos - wallNanos);
  }

  double otherCores(CpuClock later) {
    return (double) (later.otherNanos - otherNanos) / (later.wallNanos - wallNanos);
  }

  double machineBusy(CpuClock later) {
    long t = later.machineTotalJiffies - machineTotalJiffies;
    return t == 0 ? 0 : (double) (later.machineBusyJiffies - machineBusyJiffies) / t;
  }
}
