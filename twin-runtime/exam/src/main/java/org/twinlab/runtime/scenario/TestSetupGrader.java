package org.twinlab.runtime.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.connectors.Sample;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.sim.Simulators;

/**
 * Checks a candidate's test environment (standard clauses L5 2.1.1, L3 3.1.1, 3.1.2): the test tool
 * is installed on a fresh simulated instance of the station's rig, running its process, with the
 * candidate's probes as its only bindings, and runs for a minute of virtual time. A probe connects
 * when its address reaches a signal the rig has; it mirrors the rig when, once a second after the
 * first five, what it reads matches the rig's ground truth (within 2 % of the property's range, or
 * equal) at least nine times in ten.
 *
 * <p>Recorded with the action: {@code probes}, {@code connects} (every probe reached its signal),
 * {@code mirrored} and {@code missed} (the probes that do and do not mirror), and {@code mirrors},
 * the mirrored properties, comma-separated, for the examiner; and {@code mirrors.<property>=true|false}
 * for each probe, so a check asks for the probes a task needs.
 */
public final class TestSetupGrader {
  private static final Duration STEP = Duration.ofMillis(100);
  private static final int SETTLE_S = 5;
  private static final int RUN_S = 60;
  private static final long SEED = 3;

  private final TwinModel model;
  private final StationNames names;

  /** @param names the station's names, so probes name its own PLC connection as its bindings do */
  public TestSetupGrader(TwinModel model, StationNames names) {
    this.model = model;
    this.names = names;
  }

  public ActionOutcome grade(Map<String, Object> fields) {
    List<Binding> probes = TestSetupReader.read(fields, model, names);
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    Clock clock = time.withZone(ZoneOffset.UTC);
    SimulatedRig rig = new SimulatedRig(Simulators.create(model.id(), SEED, true), names);
    boolean[] unreachable = new boolean[probes.size()];
    StationTwin tool = new StationTwin(model, names, new BindingSet(names.twin(), model.id(), probes), rig, clock, changes -> { });
    tool.moveTo(Lifecycle.RUNNING);
    int[] matches = new int[probes.size()];
    int comparisons = 0;
    for (int tick = 1; tick <= RUN_S * 10; tick++) {
      time.advance(STEP);
      List<Sample> samples = rig.advance(STEP, time.instant());
      for (Sample s : samples) {
        if (s.quality().isBad() && s.quality().reason().startsWith("Bad_NodeIdUnknown")) {
          for (int i = 0; i < probes.size(); i++) if (probes.get(i).source().address().equals(s.address())) unreachable[i] = true;
        }
      }
      tool.accept(samples);
      if (tick % 10 != 0 || tick / 10 <= SETTLE_S) continue;
      comparisons++;
      Map<String, Object> truth = rig.sim().groundTruth();
      Map<String, PropertyState> shown = new LinkedHashMap<>();
      tool.snapshot().properties().forEach(p -> shown.put(p.property(), p));
      for (int i = 0; i < probes.size(); i++) {
        String p = probes.get(i).property();
        if (matches(model.property(p).orElseThrow(), shown.get(p), truth.get(p))) matches[i]++;
      }
    }
    List<String> mirrors = new ArrayList<>();
    boolean connects = true;
    for (int i = 0; i < probes.size(); i++) {
      connects &= !unreachable[i];
      if (!unreachable[i] && matches[i] * 10 >= comparisons * 9) mirrors.add(probes.get(i).property());
    }
    Map<String, String> result = new LinkedHashMap<>();
    result.put("probes", Integer.toString(probes.size()));
    result.put("connects", Boolean.toString(connects));
    result.put("mirrored", Integer.toString(mirrors.size()));
    result.put("missed", Integer.toString(probes.size() - mirrors.size()));
    result.put("mirrors", String.join(",", mirrors));
    probes.forEach(b -> result.put("mirrors." + b.property(), Boolean.toString(mirrors.contains(b.property()))));
    String detail = mirrors.size() + " of " + probes.size() + " probes mirror the rig"
        + (connects ? "" : "; some reach no signal on " + names.plc()) + (mirrors.isEmpty() ? "" : ": " + String.join(", ", mirrors));
    return new ActionOutcome(true, detail, result);
  }

  /** Whether what the tool reads is the rig's truth: within 2 % of the range for a number, equal otherwise. */
  private static boolean matches(PropertyDef def, PropertyState shown, Object truth) {
    if (shown == null || !shown.trusted() || truth == null) return false;
    if (shown.value() instanceof Number a && truth instanceof Number b) {
      double tolerance = def.range().map(r -> 0.02 * r.span()).orElse(0.02 * Math.max(1, Math.abs(b.doubleValue())));
      return Math.abs(a.doubleValue() - b.doubleValue()) <= tolerance;
    }
    return String.valueOf(shown.value()).equals(String.valueOf(truth));
  }
}
