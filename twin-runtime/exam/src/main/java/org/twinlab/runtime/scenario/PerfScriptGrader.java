package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinlab.connectors.Sample;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.sim.Simulators;

/**
 * Grades a candidate's performance test script (standard clause L3 3.3.1) by running its load on
 * virtual time against the sound twin application and each {@link SlowVariant}: every write goes
 * through the twin to the rig, and its latency is the time until the twin shows the written value
 * as read from the rig after that write (before the next one; a write never shown so counts as
 * infinitely late).
 * The script passes a twin when its metric of those latencies meets its threshold. Failing the
 * sound twin is a false failure; a variant is detected when the script passes the sound twin and
 * fails the variant.
 *
 * <p>Recorded with the action: {@code writes}, {@code measured_ms} and {@code unseen} (writes never
 * shown) on the sound twin, {@code false_failures}, {@code variants}, {@code detected},
 * {@code detects.<variant>}, {@code measured_ms.<variant>} and {@code unseen.<variant>}.
 */
public final class PerfScriptGrader {
  private static final Duration STEP = Duration.ofMillis(50);
  private static final Duration SETTLE = Duration.ofSeconds(3);
  private static final long SEED = 1;

  private final TwinModel model;

  public PerfScriptGrader(TwinModel model) {
    this.model = model;
  }

  /** Runs the script against the sound twin and every slow variant; refuses a malformed script naming the field. */
  public ActionOutcome grade(Map<String, Object> fields) {
    PerfScript script = PerfScriptReader.read(fields, model);
    StationNames names = StationNames.simulated(model.id());
    try {
      BindingSet sound = StandardBindings.load(model, names);
      Measured onSound = measure(script, sound, 0, names);
      boolean passes = onSound.passes(script);
      Map<String, String> result = new LinkedHashMap<>();
      result.put("writes", Integer.toString(script.writes()));
      result.put("measured_ms", onSound.figure());
      result.put("unseen", Integer.toString(onSound.unseen()));
      result.put("false_failures", passes ? "0" : "1");
      int detected = 0;
      List<String> caught = new ArrayList<>();
      for (SlowVariant v : SlowVariant.all()) {
        Measured m = measure(script, v.bindings(sound, model, names.protocols()), v.delayMs(), names);
        boolean detects = passes && !m.passes(script);
        if (detects) {
          detected++;
          caught.add(v.kind());
        }
        result.put("detects." + v.kind(), Boolean.toString(detects));
        result.put("measured_ms." + v.kind(), m.figure());
        result.put("unseen." + v.kind(), Integer.toString(m.unseen()));
      }
      result.put("variants", Integer.toString(SlowVariant.all().size()));
      result.put("detected", Integer.toString(detected));
      String detail = String.format(Locale.ROOT, "%s of the write-to-twin latency %s ms on the sound twin (requirement %s ms): %s; %d of %d slow variants detected%s",
          script.metric(), onSound.figure(), fmt(script.thresholdMs()), passes ? "met" : "not met, a false failure",
          detected, SlowVariant.all().size(), caught.isEmpty() ? "" : " (" + String.join(", ", caught) + ")");
      return new ActionOutcome(true, detail, result);
    } catch (IOException | InvalidInputException e) {
      throw new IllegalStateException("the slow variants of " + model.id() + " do not build", e);
    }
  }

  /** The script's metric on one twin application, and how many writes never showed. */
  record Measured(double metricMs, int unseen) {
    boolean passes(PerfScript s) {
      return metricMs <= s.thresholdMs();
    }

    String figure() {
      return Double.isInfinite(metricMs) ? "never" : Long.toString(Math.round(metricMs));
    }
  }

  /** Runs the load on a fresh simulated station; samples reach the twin {@code delayMs} after the rig gave them. */
  private Measured measure(PerfScript s, BindingSet bindings, long delayMs, StationNames names) {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    Clock clock = time.withZone(ZoneOffset.UTC);
    SimulatedRig rig = new SimulatedRig(Simulators.create(model.id(), SEED, true), names);
    StationTwin twin = new StationTwin(model, names, bindings, rig, clock, changes -> { });
    twin.moveTo(Lifecycle.RUNNING);
    Deque<Delayed> link = new ArrayDeque<>();
    Instant start = time.instant().plus(SETTLE);
    Duration every = Duration.ofNanos(Math.round(1e9 / s.rate()));
    Instant end = start.plus(every.multipliedBy(s.writes())).plusMillis(Math.max(5000, delayMs * 2));
    List<Instant> written = new ArrayList<>();
    List<Double> latencies = new ArrayList<>();
    Instant next = start;
    while (time.instant().isBefore(end)) {
      if (written.size() < s.writes() && !time.instant().isBefore(next)) {
        double value = s.values().get(written.size() % 2);
        written.add(time.instant());
        latencies.add(Double.POSITIVE_INFINITY);
        try {
          twin.write(s.property(), value);
        } catch (TwinRequestException refused) {
          // a write the twin or the rig refuses never shows: it stays infinitely late
        }
        next = next.plus(every);
      }
      time.advance(STEP);
      link.add(new Delayed(time.instant().plusMillis(delayMs), rig.advance(STEP, time.instant())));
      while (!link.isEmpty() && !link.peek().due().isAfter(time.instant())) twin.accept(link.poll().samples());
      seen(twin, s, written, latencies, time.instant());
    }
    int unseen = (int) latencies.stream().filter(d -> d.isInfinite()).count();
    return new Measured(s.metricOf(latencies), unseen);
  }

  private record Delayed(Instant due, List<Sample> samples) {}

  /**
   * Notes the write whose value the twin shows now, read from the rig after that write and before
   * the next: its latency is the time from the write until now. Telling writes apart by when the
   * reading was taken, not by its value, keeps a late reading of an earlier write of the same value
   * from counting as a fast one.
   */
  private static void seen(StationTwin twin, PerfScript s, List<Instant> written, List<Double> latencies, Instant now) {
    PropertyState p = twin.snapshot().properties().stream().filter(x -> x.property().equals(s.property())).findFirst().orElse(null);
    if (p == null || !p.trusted() || !(p.value() instanceof Number n)) return;
    for (int j = written.size() - 1; j >= 0; j--) {
      if (p.sourceTime().isBefore(written.get(j))) continue;
      if (latencies.get(j).isInfinite() && Math.abs(n.doubleValue() - s.values().get(j % 2)) < 1e-6) {
        latencies.set(j, (double) Duration.between(written.get(j), now).toMillis());
      }
      return;
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
