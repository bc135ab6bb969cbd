package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.sim.Fault;
import org.twinlab.sim.Simulators;

/**
 * Grades a candidate's virtual-real mapping test (standard clauses L3 2.2.4, 2.3.2, 2.3.3): every
 * case runs on virtual time on a fresh simulated station with the correct mapping (the station's
 * standard bindings) and with each wrong mapping, the variants of {@link Mutant#forModel} that lie
 * in the bindings (a wrong scale, two signals swapped, an inverted bit, a sensor stuck, a slow
 * update). A case passes when, after its stimulus, the twin's property follows the rig's ground
 * truth within the tolerance, starting within its time and holding without a break. Graded as a
 * test suite is ({@link VariantGrading}), and recorded with {@code driven_cases} too: the cases
 * whose stimulus the platform drives through the twin that pass on the correct mapping.
 */
public final class MappingTestGrader {
  private static final Duration STEP = Duration.ofMillis(100);
  private static final long SEED = 1;

  private final TwinModel model;

  public MappingTestGrader(TwinModel model) {
    this.model = model;
  }

  /** The wrong mappings a mapping test is graded against: the variants that lie in the bindings, not the model. */
  static List<Mutant> wrongMappings(String model) {
    return Mutant.forModel(model).stream().filter(m -> !m.kind().equals("wrong_alarm_threshold")).toList();
  }

  public ActionOutcome grade(Map<String, Object> fields) {
    List<MappingCase> cases = MappingTestReader.read(fields, model);
    StationNames names = StationNames.simulated(model.id());
    try {
      BindingSet correct = StandardBindings.load(model, names);
      List<VariantGrading.OnCorrect> onCorrect = new ArrayList<>();
      int driven = 0;
      for (MappingCase c : cases) {
        CaseRun r = runCase(c, model, correct, Optional.empty(), names);
        onCorrect.add(new VariantGrading.OnCorrect(r.passed(), r.why()));
        if (r.passed() && c.driven()) driven++;
      }
      ActionOutcome graded = VariantGrading.grade(cases.stream().map(MappingCase::name).toList(), onCorrect, wrongMappings(model.id()),
          Mutant::kind, m -> {
            TwinModel vm = m.model(model);
            BindingSet vb = m.bindings(correct, vm, names.protocols());
            return i -> !runCase(cases.get(i), vm, vb, m.stuckSignal(), names).passed();
          }, "wrong mapping");
      Map<String, String> result = new LinkedHashMap<>(graded.result());
      result.put("driven_cases", Integer.toString(driven));
      return new ActionOutcome(true, graded.detail() + ", " + driven + " driven through the twin", result);
    } catch (IOException | InvalidInputException e) {
      throw new IllegalStateException("the wrong mappings of " + model.id() + " do not build", e);
    }
  }

  private record CaseRun(boolean passed, String why) {}

  /** Runs one case on a fresh simulated station whose twin application has these bindings. */
  private static CaseRun runCase(MappingCase c, TwinModel model, BindingSet bindings, Optional<String> stuck, StationNames names) {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    Clock clock = time.withZone(ZoneOffset.UTC);
    SimulatedRig rig = new SimulatedRig(Simulators.create(model.id(), SEED, true), names);
    StationTwin twin = new StationTwin(model, names, bindings, rig, clock, changes -> { });
    twin.moveTo(Lifecycle.RUNNING);
    c.given().forEach(rig.sim()::write);
    stuck.ifPresent(s -> rig.sim().inject(new Fault.StuckAt(s, rig.sim().read().get(s).value())));
    advance(time, rig, twin, c.settle());
    try {
      switch (c.whenKind()) {
        case "write" -> twin.write(String.valueOf(c.when().get("property")), c.when().get("value"));
        case "command" -> twin.command(String.valueOf(c.when().get("command")));
        case "rig" -> c.when().forEach(rig.sim()::write);
        default -> { }
      }
    } catch (TwinRequestException refused) {
      return new CaseRun(false, "the twin refused the " + c.whenKind() + ": " + refused.getMessage());
    }
    Duration gone = Duration.ZERO;
    Duration followingSince = null;
    String last = "";
    Duration end = c.within().plus(c.hold());
    while (true) {
      Object shown = shown(twin, c.property());
      Object truth = rig.sim().groundTruth().get(c.property());
      last = "the twin showed " + text(shown) + ", the rig " + text(truth);
      if (follows(shown, truth, c.tolerance())) {
        if (followingSince == null && gone.compareTo(c.within()) <= 0) followingSince = gone;
        if (followingSince != null && gone.minus(followingSince).compareTo(c.hold()) >= 0) {
          return new CaseRun(true, "followed the rig from +" + seconds(followingSince) + " for " + seconds(c.hold()));
        }
      } else {
        followingSince = null;
      }
      if (gone.compareTo(end) >= 0 || (followingSince == null && gone.compareTo(c.within()) > 0)) break;
      advance(time, rig, twin, STEP);
      gone = gone.plus(STEP);
    }
    return new CaseRun(false, "did not follow the rig within " + fmt(c.tolerance()) + " for " + seconds(c.hold())
        + " starting within " + seconds(c.within()) + "; " + last);
  }

  private static Object shown(StationTwin twin, String property) {
    return twin.snapshot().properties().stream().filter(p -> p.property().equals(property) && p.quality().isGood())
        .findFirst().map(PropertyState::value).orElse(null);
  }

  private static boolean follows(Object shown, Object truth, double tolerance) {
    if (shown == null || truth == null) return false;
    if (shown instanceof Number a && truth instanceof Number b) return Math.abs(a.doubleValue() - b.doubleValue()) <= tolerance;
    return String.valueOf(shown).equals(String.valueOf(truth));
  }

  private static void advance(VirtualTime time, SimulatedRig rig, StationTwin twin, Duration d) {
    for (Duration gone = Duration.ZERO; gone.compareTo(d) < 0; gone = gone.plus(STEP)) {
      time.advance(STEP);
      twin.accept(rig.advance(STEP, time.instant()));
    }
  }

  private static String text(Object v) {
    return v == null ? "nothing" : v instanceof Double d ? fmt(d) : String.valueOf(v);
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
