package org.twinlab.scenarios.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.twinlab.models.expr.Expr;
import org.twinlab.scenarios.check.CheckParser;

/**
 * Which of the candidate's actions a judgement is marked on, by kind: those its check names
 * ({@code evidence: [report, binding_edit]}); else those its task rewards, the {@code action.*}
 * events its task's measurements look for, and the kinds the reference solution does (a report
 * judged in a task that measures only the emergency stop is still the report's to mark).
 */
public final class JudgementEvidence {
  private JudgementEvidence() {}

  /** The action kinds of a judged check's evidence, in a stable order. */
  public static List<String> kinds(Scenario scenario, String checkId) {
    TaskDef task = scenario.tasks().stream().filter(t -> t.checks().stream().anyMatch(c -> c.id().equals(checkId)))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no check '" + checkId + "' in " + scenario.id()));
    CheckDef check = task.checks().stream().filter(c -> c.id().equals(checkId)).findFirst().orElseThrow();
    if (!check.evidence().isEmpty()) return check.evidence();
    Set<String> kinds = new LinkedHashSet<>();
    for (CheckDef c : task.checks()) kinds.addAll(actionKinds(c));
    scenario.reference().forEach(s -> kinds.add(s.action()));
    return List.copyOf(kinds);
  }

  /** The action kinds a measured check's events name, {@code report} for {@code eventually action.report[…]}; none for a judgement. */
  public static List<String> actionKinds(CheckDef check) {
    return check.measure().map(CheckParser::references).orElse(List.of()).stream().flatMap(r -> r instanceof Expr.EventMatch e && e.kind().startsWith("action.")
        ? Optional.of(e.kind().substring("action.".length())).stream() : Optional.<String>empty().stream()).toList();
  }
}
