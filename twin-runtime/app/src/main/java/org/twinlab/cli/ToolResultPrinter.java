package org.twinlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.twinlab.runtime.scenario.SlowVariant;
import org.twinlab.scenarios.engine.ActionRecord;
import org.twinlab.scenarios.engine.ScenarioRun;

/**
 * Prints each test set-up and performance script a run submitted: a set-up probe by probe, whether
 * it mirrors the rig; a script's metric on the sound twin and on each slow variant, and whether it
 * caught it.
 *
 * <pre>
 * -- performance script at 18:00: p95 of the write-to-twin latency 200 ms on the sound twin …
 *     sound twin           200 ms
 *     added_latency       1700 ms  caught  (every sample reaches the twin 1500 ms late)
 * </pre>
 */
final class ToolResultPrinter {
  private ToolResultPrinter() {}

  static void print(ScenarioRun run, PrintWriter out) {
    for (ActionRecord a : run.actions()) {
      if (!a.outcome().accepted()) continue;
      long s = a.elapsed().toSeconds();
      Map<String, String> r = a.outcome().result();
      if (a.kind().equals("test_setup")) {
        out.printf(Locale.ROOT, "-- test set-up at %d:%02d: %s%n", s / 60, s % 60, a.outcome().detail());
        r.forEach((k, v) -> {
          if (k.startsWith("mirrors.")) out.printf(Locale.ROOT, "    %-24s %s%n", k.substring("mirrors.".length()), v.equals("true") ? "mirrors" : "DOES NOT MIRROR");
        });
      } else if (a.kind().equals("perf_script")) {
        out.printf(Locale.ROOT, "-- performance script at %d:%02d: %s%n", s / 60, s % 60, a.outcome().detail());
        out.printf(Locale.ROOT, "    %-20s %s%n", "sound twin", figure(r.get("measured_ms"), r.get("unseen")));
        for (SlowVariant v : SlowVariant.all()) {
          out.printf(Locale.ROOT, "    %-20s %s  %s  (%s)%n", v.kind(), figure(r.get("measured_ms." + v.kind()), r.get("unseen." + v.kind())),
              "true".equals(r.get("detects." + v.kind())) ? "caught" : "NOT CAUGHT", v.describe());
        }
      }
    }
  }

  private static String figure(String ms, String unseen) {
    String shown = "never".equals(ms) ? "never" : ms + " ms";
    return "0".equals(unseen) || unseen == null ? shown : shown + " (" + unseen + " writes never shown)";
  }
}
