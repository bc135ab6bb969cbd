package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.check.CheckEvaluator;
import org.twinlab.scenarios.check.RecordedTrace;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.scenarios.model.StationRigs;
import org.twinlab.sim.Fault;
import org.twinlab.sim.Simulators;

/**
 * Grades a candidate's joint-debugging program (standard clause L3 1.1.2): {@code {rigs, steps}},
 * steps taken one after another on one station of every rig the program names, each a stimulus at
 * one rig and the response expected of the twins (of any rig) within a time, as a test case is
 * written. The program runs on the correct wiring of every rig and on each miswired variant, one
 * rig's twin application spoiled as {@link Mutant#forModel} spoils it ({@code tank_wrong_scale},
 * {@code motor_swapped_signals} …); it stops at its first step that fails. A step that fails on the
 * correct wiring is a false failure (and the steps after it are not run); a variant is detected when
 * the program fails on it at a step that passes on the correct wiring.
 *
 * <p>Recorded as a test suite is, its steps as the cases: {@code cases}, {@code false_failures},
 * {@code variants}, {@code detected}, {@code detects.<variant>}, {@code case.<n>.*}, {@code caught_by.<variant>}.
 */
public final class JointProgramGrader {
  static final int MAX_STEPS = 30;
  private static final Duration STEP = Duration.ofMillis(100);
  private static final long SEED = 1;

  private final TwinModel own;

  /** @param own the model of the twin the program is submitted on: always among its rigs */
  public JointProgramGrader(TwinModel own) {
    this.own = own;
  }

  /** A variant of the station: one rig's twin application miswired. */
  record Variant(String id, int rig, Mutant mutant) {}

  /** A program as read: its rigs (the twin's own first) and its steps. */
  public record Program(List<TwinModel> models, List<TestCase> steps) {}

  /** Reads a program; a malformed one is refused naming the field ({@code steps[2].then: …}). */
  public Program read(Map<String, Object> fields) {
    List<TwinModel> models = rigs(fields);
    StationRigs station = new StationRigs(models);
    if (!(fields.get("steps") instanceof List<?> raw) || raw.isEmpty()) {
      throw TwinRequestException.invalid("steps", "a program is a list of steps: {steps: [{name, given, when, then, within}]}");
    }
    if (raw.size() > MAX_STEPS) throw TwinRequestException.invalid("steps", "at most " + MAX_STEPS + " steps");
    List<TestCase> steps = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      steps.add(TestSuiteReader.readCase(raw.get(i), "steps[" + i + "]", i, station::hasProperty, String.join(" and ", station.ids())));
    }
    return new Program(models, steps);
  }

  public ActionOutcome grade(Map<String, Object> fields) {
    Program p = read(fields);
    List<TwinModel> models = p.models();
    List<TestCase> steps = p.steps();
    StationRigs station = new StationRigs(models);
    String named = String.join(" and ", station.ids());
    try {
      List<BindingSet> correct = new ArrayList<>();
      for (TwinModel m : models) correct.add(StandardBindings.load(m, StationNames.simulated(m.id())));
      List<TwinModel> correctModels = models;
      Outcome onCorrect = run(steps, station, correctModels, correct, Optional.empty(), -1);
      List<VariantGrading.OnCorrect> perStep = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        perStep.add(i < onCorrect.failedAt() || onCorrect.failedAt() < 0 ? new VariantGrading.OnCorrect(true, onCorrect.why().get(i))
            : i == onCorrect.failedAt() ? new VariantGrading.OnCorrect(false, onCorrect.why().get(i))
            : new VariantGrading.OnCorrect(false, "not run: step " + (onCorrect.failedAt() + 1) + " failed"));
      }
      return VariantGrading.grade(steps.stream().map(TestCase::name).toList(), perStep, variants(models), Variant::id, v -> {
        List<TwinModel> vm = new ArrayList<>(models);
        List<BindingSet> vb = new ArrayList<>(correct);
        vm.set(v.rig(), v.mutant().model(models.get(v.rig())));
        vb.set(v.rig(), v.mutant().bindings(correct.get(v.rig()), vm.get(v.rig()), StationNames.simulated(models.get(v.rig()).id()).protocols()));
        int failedAt = run(steps, station, vm, vb, v.mutant().stuckSignal(), v.rig()).failedAt();
        return i -> i == failedAt;
      }, "miswired");
    } catch (IOException | InvalidInputException e) {
      throw new IllegalStateException("the miswired variants of " + named + " do not build", e);
    }
  }

  /** The program's rigs: the twin's own first, then any others it names by model. */
  private List<TwinModel> rigs(Map<String, Object> fields) {
    for (String k : fields.keySet()) {
      if (!k.equals("rigs") && !k.equals("steps")) throw TwinRequestException.invalid(k, "a program has rigs and steps and nothing else");
    }
    List<TwinModel> out = new ArrayList<>(List.of(own));
    Object given = fields.get("rigs");
    if (given == null) return out;
    if (!(given instanceof List<?> list)) throw TwinRequestException.invalid("rigs", "a list of rig models, e.g. [tank-process, motor-vibration]");
    for (int i = 0; i < list.size(); i++) {
      String id = String.valueOf(list.get(i));
      if (!ModelLibrary.BUILT_IN.contains(id)) {
        throw TwinRequestException.invalid("rigs[" + i + "]", "no rig model '" + id + "': " + String.join(", ", ModelLibrary.BUILT_IN));
      }
      if (out.stream().noneMatch(m -> m.id().equals(id))) out.add(ModelLibrary.loadBuiltIn(id));
    }
    new StationRigs(out).clash().ifPresent(c -> {
      throw TwinRequestException.invalid("rigs", "these rigs share a " + c + ": they are not one station");
    });
    return out;
  }

  /** Every rig's variants, named by the rig's first word: tank_wrong_scale, motor_swapped_signals. */
  static List<Variant> variants(List<TwinModel> models) {
    List<Variant> out = new ArrayList<>();
    for (int r = 0; r < models.size(); r++) {
      String rig = models.get(r).id().split("-")[0];
      for (Mutant m : Mutant.forModel(models.get(r).id())) out.add(new Variant(rig + "_" + m.kind(), r, m));
    }
    return out;
  }

  /** How a program went on one wiring: the first step that failed (-1 when none did), and what each step run saw. */
  private record Outcome(int failedAt, List<String> why) {}

  /** One rig of the station the program runs on. */
  private record Rig(TwinModel model, SimulatedRig rig, StationTwin twin) {}

  private static Outcome run(List<TestCase> steps, StationRigs station, List<TwinModel> models, List<BindingSet> bindings,
      Optional<String> stuck, int stuckRig) {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    Clock clock = time.withZone(ZoneOffset.UTC);
    RecordedTrace trace = new RecordedTrace();
    List<Rig> rigs = new ArrayList<>();
    for (int r = 0; r < models.size(); r++) {
      TwinModel m = models.get(r);
      StationNames names = StationNames.simulated(m.id());
      SimulatedRig rig = new SimulatedRig(Simulators.create(m.id(), SEED, true), names);
      TwinSignals signals = new TwinSignals(m, (signal, at, o) -> trace.sample(signal, at, o.value(), o.knowledge()));
      StationTwin twin = new StationTwin(m, names, bindings.get(r), rig, clock, changes -> signals.changes(changes, time.instant()));
      signals.snapshot(twin.snapshot(), time.instant());
      twin.moveTo(Lifecycle.RUNNING);
      if (r == stuckRig) stuck.ifPresent(s -> rig.sim().inject(new Fault.StuckAt(s, rig.sim().read().get(s).value())));
      rigs.add(new Rig(m, rig, twin));
    }
    List<String> why = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      TestCase s = steps.get(i);
      s.given().forEach((p, v) -> owner(rigs, station, p).rig().sim().write(p, v));
      advance(time, rigs, s.settle(), null);
      try {
        switch (s.whenKind()) {
          case "write" -> owner(rigs, station, String.valueOf(s.when().get("property"))).twin()
              .write(String.valueOf(s.when().get("property")), s.when().get("value"));
          case "command" -> owner(rigs, station, String.valueOf(s.when().get("command"))).twin().command(String.valueOf(s.when().get("command")));
          case "rig" -> s.when().forEach((p, v) -> owner(rigs, station, p).rig().sim().write(p, v));
          default -> { }
        }
      } catch (TwinRequestException refused) {
        why.add("the twin refused the " + s.whenKind() + ": " + refused.getMessage());
        return new Outcome(i, why);
      }
      Instant from = time.instant();
      Predicate<Instant> shows = t -> CheckEvaluator.holdsAt(s.then(), trace, from, t);
      if (shows.test(from) || advance(time, rigs, s.within(), shows)) {
        why.add(String.format(Locale.ROOT, "held after %.1f s", Duration.between(from, time.instant()).toMillis() / 1000.0));
      } else {
        why.add(String.format(Locale.ROOT, "did not hold within %.1f s", s.within().toMillis() / 1000.0));
        return new Outcome(i, why);
      }
    }
    return new Outcome(-1, why);
  }

  private static Rig owner(List<Rig> rigs, StationRigs station, String path) {
    TwinModel m = station.ownerOf(path).orElse(rigs.get(0).model());
    return rigs.stream().filter(r -> r.model().id().equals(m.id())).findFirst().orElse(rigs.get(0));
  }

  /** Moves every rig on together; stops early when the condition (if any) says so. */
  private static boolean advance(VirtualTime time, List<Rig> rigs, Duration d, Predicate<Instant> until) {
    for (Duration gone = Duration.ZERO; gone.compareTo(d) < 0; gone = gone.plus(STEP)) {
      time.advance(STEP);
      for (Rig r : rigs) r.twin().accept(r.rig().advance(STEP, time.instant()));
      if (until != null && until.test(time.instant())) return true;
    }
    return false;
  }
}
