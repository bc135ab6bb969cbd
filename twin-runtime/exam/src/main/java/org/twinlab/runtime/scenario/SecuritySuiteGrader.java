package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
      List<String> onSecure = new ArrayList<>();
      List<Boolean> passes = new ArrayList<>();
      int falseFailures = 0;
      for (SecurityCase c : cases) {
        String refusal = attempt(c, model, secure, names);
        boolean ok = (refusal != null) == c.expectRefused();
        onSecure.add(refusal == null ? "the twin accepted the write" : "the twin refused the write: " + refusal);
        passes.add(ok);
        if (!ok) falseFailures++;
      }
      List<InsecureVariant> variants = InsecureVariant.forModel(model.id());
      List<List<String>> catches = new ArrayList<>();
      cases.forEach(c -> catches.add(new ArrayList<>()));
      Map<String, String> result = new LinkedHashMap<>();
      int detected = 0;
      for (InsecureVariant v : variants) {
        TwinModel vm = v.model(model);
        BindingSet vb = v.bindings(secure, vm, names.protocols());
        boolean caught = false;
        for (int i = 0; i < cases.size(); i++) {
          SecurityCase c = cases.get(i);
          if (passes.get(i) && ((attempt(c, vm, vb, names) != null) != c.expectRefused())) {
            catches.get(i).add(v.kind());
            caught = true;
          }
        }
        if (caught) detected++;
        result.put("detects." + v.kind(), Boolean.toString(caught));
      }
      result.put("cases", Integer.toString(cases.size()));
      result.put("false_failures", Integer.toString(falseFailures));
      result.put("variants", Integer.toString(variants.size()));
      result.put("detected", Integer.toString(detected));
      List<SuiteResult.CaseResult> perCase = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        perCase.add(new SuiteResult.CaseResult(i + 1, cases.get(i).name(), passes.get(i), onSecure.get(i), catches.get(i)));
      }
      result.putAll(new SuiteResult(perCase, variants.stream().map(InsecureVariant::kind).toList()).attributes());
      return new ActionOutcome(true, detected + " of " + variants.size() + " insecure variants detected, "
          + falseFailures + " false failures in " + cases.size() + " cases", result);
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
