package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.VirtualTime;
import org.twinlab.sim.Simulators;

/**
 * Grades a candidate's security test script (standard clauses L3 3.4.1, 3.4.2) by trying every
 * case's write for real on a fresh simulated station running the secure twin application and each
 * insecure variant of {@link InsecureVariant#forModel}. A case whose outcome on the secure twin is
 * not the one it expects is a false failure; a variant is detected when a case that passes on the
 * secure twin fails on it (a write it expects refused goes through).
 *
 * <p>Recorded as a test suite is: {@code cases}, {@code false_failures}, {@code variants},
 * {@code detected}, {@code detects.<variant>}, and each case in full as {@link SuiteResult} writes it.
 */
public final class SecuritySuiteGrader {
  private static final long SEED = 1;

  private final TwinModel model;

  public SecuritySuiteGrader(TwinModel model) {
    this.model = model;
  }

  public ActionOutcome grade(Map<String, Object> fields) {
    List<SecurityCase> cases = SecuritySuiteReader.read(fields, model);
    StationNames names = StationNames.simulated(model.id());
    try {
      BindingSet secure = StandardBindings.load(model, names);
      List<VariantGrading.OnCorrect> onSecure = new ArrayList<>();
      for (SecurityCase c : cases) {
        String refusal = attempt(c, model, secure, names);
        onSecure.add(new VariantGrading.OnCorrect((refusal != null) == c.expectRefused(),
            refusal == null ? "the twin accepted the write" : "the twin refused the write: " + refusal));
      }
      return VariantGrading.grade(cases.stream().map(SecurityCase::name).toList(), onSecure, InsecureVariant.forModel(model.id()),
          InsecureVariant::kind, v -> {
            TwinModel vm = v.model(model);
            BindingSet vb = v.bindings(secure, vm, names.protocols());
            return i -> (attempt(cases.get(i), vm, vb, names) != null) != cases.get(i).expectRefused();
          }, "insecure");
    } catch (IOException | InvalidInputException e) {
      throw new IllegalStateException("the insecure variants of " + model.id() + " do not build", e);
    }
  }

  /** Tries one case's write on a fresh running station; the twin's refusal, or null when it passed the write on. */
  private static String attempt(SecurityCase c, TwinModel model, BindingSet bindings, StationNames names) {
    VirtualTime time = new VirtualTime(Instant.parse("2026-01-05T08:00:00Z"));
    Clock clock = time.withZone(ZoneOffset.UTC);
    SimulatedRig rig = new SimulatedRig(Simulators.create(model.id(), SEED, true), names);
    StationTwin twin = new StationTwin(model, names, bindings, rig, clock, changes -> { });
    twin.moveTo(Lifecycle.RUNNING);
    try {
      twin.write(c.property(), c.value());
      return null;
    } catch (TwinRequestException refused) {
      // the rig's own refusal is the plant's last defence, not the twin application's: the twin let it through
      return refused.kind() == TwinRequestException.Kind.UNREACHABLE ? null : refused.getMessage();
    }
  }
}
