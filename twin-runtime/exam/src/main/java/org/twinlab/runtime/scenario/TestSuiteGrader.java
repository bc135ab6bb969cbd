package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.TwinModel;
import org.twinlab.models.expr.Expr;
import org.twinlab.models.expr.Knowledge;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.check.CheckEvaluator;
import org.twinlab.scenarios.check.CheckParser;
import org.twinlab.scenarios.check.RecordedTrace;
import org.twinlab.scenarios.check.Sample;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.sim.Fault;
import org.twinlab.sim.Simulators;

/**
 * Grades a candidate's test suite (standard clauses L5 2.1, L4 2.1, L3 3.2-3.4) by running every
 * case on virtual time against the correct twin application and against each faulty variant of
 * {@link Mutant#forModel}. A case that fails on the correct twin is a false failure; a variant is
 * detected when a case that passes on the correct twin fails on it.
 *
 * <p>The result is recorded with the action: {@code cases}, {@code false_failures},
 * {@code variants}, {@code detected}, and {@code detects.<kind>=true|false} for each variant, so a
 * scenario scores exactly the detections it asks for; and in full, each case's result and the
 * variants it caught, as {@link SuiteResult} writes them.
 */
public final class TestSuiteGrader {
  private static final Duration STEP = Duration.ofMillis(100);
  private static final long SEED = 1;

  private final TwinModel model;

  public TestSuiteGrader(TwinModel model) {
    this.model = model;
  }

  /** Runs the suite against the correct twin and every variant; refuses a malformed suite naming the case and field. */
  public ActionOutcome grade(Map<String, Object> fields) {
    List<TestCase> cases = TestSuiteReader.read(fields, model);
    StationNames names = StationNames.simulated(model.id());
    try {
      BindingSet correct = StandardBindings.load(model, names);
      List<VariantGrading.OnCorrect> onCorrect = new ArrayList<>();
      for (TestCase c : cases) {
        CaseRun r = runCase(c, model, correct, Optional.empty(), names);
        onCorrect.add(new VariantGrading.OnCorrect(r.passed(), r.why()));
      }
      return VariantGrading.grade(cases.stream().map(TestCase::name).toList(), onCorrect, Mutant.forModel(model.id()), Mutant::kind,
          m -> {
            TwinModel vm = m.model(model);
            BindingSet vb = m.bindings(correct, vm, names.protocols());
            return i -> !runCase(cases.get(i), vm, vb, m.stuckSignal(), names).passed();
          }, "faulty");
    } catch (IOException | InvalidInputException e) {
      throw new IllegalStateException("the variants of " + model.id() + " do not build", e);
    }
  }

  /** A case's run on one twin application: whether its expected state showed, and what the twin showed. */
  private record CaseRun(boolean passed, String why) {}

  /** Runs one case on a fresh simulated station with the given twin application. */
  private static CaseRun runCase(TestCase c, TwinModel model, BindingSet bindings, Optional<String> stuck, StationNames names) {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    Clock clock = time.withZone(ZoneOffset.UTC);
    SimulatedRig rig = new SimulatedRig(Simulators.create(model.id(), SEED, true), names);
    // the expected state is judged on the twin's own changes, as a scenario run's checks are
    RecordedTrace trace = new RecordedTrace();
    TwinSignals signals = new TwinSignals(model, (signal, at, o) -> trace.sample(signal, at, o.value(), o.knowledge()));
    StationTwin twin = new StationTwin(model, names, bindings, rig, clock, changes -> signals.changes(changes, time.instant()));
    signals.snapshot(twin.snapshot(), time.instant());
    twin.moveTo(Lifecycle.RUNNING);
    c.given().forEach(rig.sim()::write);
    stuck.ifPresent(s -> rig.sim().inject(new Fault.StuckAt(s, rig.sim().read().get(s).value())));
    run(time, rig, twin, c.settle(), null);
    try {
      switch (c.whenKind()) {
        case "write" -> twin.write(String.valueOf(c.when().get("property")), c.when().get("value"));
        case "command" -> twin.command(String.valueOf(c.when().get("command")));
        case "rig" -> c.when().forEach(rig.sim()::write);
        default -> { }
      }
    } catch (TwinRequestException refused) {
      // a stimulus the twin refuses cannot show the expected state
      return new CaseRun(false, "the twin refused the " + c.whenKind() + ": " + refused.getMessage());
    }
    Instant from = time.instant();
    if (CheckEvaluator.holdsAt(c.then(), trace, from, from)
        || run(time, rig, twin, c.within(), t -> CheckEvaluator.holdsAt(c.then(), trace, from, t))) {
      return new CaseRun(true, "held after " + seconds(Duration.between(from, time.instant())));
    }
    return new CaseRun(false, "did not hold within " + seconds(c.within()) + showing(c.then(), trace));
  }

  /** The last values the twin showed of the signals an expected state reads: "; twin.tank.level = 301.2". */
  private static String showing(Expr then, RecordedTrace trace) {
    StringBuilder b = new StringBuilder();
    for (Expr ref : new LinkedHashSet<>(CheckParser.references(then))) {
      if (!(ref instanceof Expr.Signal s)) continue;
      List<Sample> samples = trace.samples(s.name());
      Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
      b.append(b.length() == 0 ? "; the twin showed " : ", ").append(s.name()).append(" = ")
          .append(last == null ? "nothing" : last.knowledge() == Knowledge.KNOWN ? String.valueOf(last.value())
              : last.knowledge().name().toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** Moves the station on for a while; stops early when the condition (if any) says so. */
  private static boolean run(VirtualTime time, SimulatedRig rig, StationTwin twin, Duration d,
      java.util.function.Predicate<Instant> until) {
    for (Duration gone = Duration.ZERO; gone.compareTo(d) < 0; gone = gone.plus(STEP)) {
      time.advance(STEP);
      twin.accept(rig.advance(STEP, time.instant()));
      if (until != null && until.test(time.instant())) return true;
    }
    return false;
  }
}
