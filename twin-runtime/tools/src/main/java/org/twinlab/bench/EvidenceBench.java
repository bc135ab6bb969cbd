package org.twinlab.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.twinlab.runtime.durable.DurableFiles;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceVerifier;

/**
 * What recording an action costs: appends of a candidate action's evidence record (canonical JSON,
 * SHA-256, one forced write each), beside the floor of forced one-line appends to the same disk,
 * and the time to verify the whole log.
 */
public final class EvidenceBench {
  private EvidenceBench() {}

  public static void run(Path dir, int records, PrintWriter out) throws IOException {
    Files.createDirectories(dir);
    JsonObject action = new JsonObject().put("twin", "motor-1").put("kind", "binding_edit").put("fields", new JsonObject()
        .put("property", "vibration.rms_x").put("connection", "broker").put("address", "twinlab/motor-1/telemetry#/vibration/x"))
        .put("result", new JsonObject()).put("elapsedSeconds", 180);
    Path floorFile = dir.resolve("floor.jsonl");
    long[] floor = new long[records];
    try (FileChannel ch = DurableFiles.openForAppend(floorFile)) {
      String line = action.encode();
      for (int i = 0; i < records; i++) {
        long t0 = System.nanoTime();
        DurableFiles.appendLine(ch, line);
        floor[i] = System.nanoTime() - t0;
      }
    }
    Path logFile = dir.resolve("evidence.jsonl");
    long[] each = new long[records];
    try (EvidenceLog log = EvidenceLog.open(logFile, Clock.systemUTC())) {
      for (int i = 0; i < records; i++) {
        long t0 = System.nanoTime();
        log.append("action", "cand1", "s1", action);
        each[i] = System.nanoTime() - t0;
      }
    }
    long v0 = System.nanoTime();
    EvidenceVerifier.Result r = EvidenceVerifier.verify(logFile, null);
    long verifyMs = (System.nanoTime() - v0) / 1_000_000;
    out.printf(Locale.ROOT, "forced line appends (floor): %s%n", line(floor));
    out.printf(Locale.ROOT, "evidence records:            %s%n", line(each));
    out.printf(Locale.ROOT, "verify %d records: %d ms (%s)%n", r.records(), verifyMs, r.ok() ? "OK" : r.message());
    out.flush();
  }

  private static String line(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double total = Arrays.stream(s).sum() / 1e9;
    return String.format(Locale.ROOT, "%.0f/s, p50 %.2f ms, p99 %.2f ms", s.length / total, s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.99)] / 1e6);
  }
}
