package org.twinlab.scenarios.model;

import java.util.List;
import java.util.Optional;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.check.Check;

/**
 * One scored item of a task: a measurement the engine judges from the run, or a judgement an
 * examiner marks on the fixed 0-3 scale.
 *
 * @param judge the aspect a judgement marks
 * @param rubric what earns each mark of a judgement
 * @param evidence the action kinds a judgement is marked on, when the check names them; empty for
 *     the default ({@link JudgementEvidence})
 * @param clause the standard clause it evidences, when not the task's
 */
public record CheckDef(String id, Kind kind, double points, Optional<Check> measure, String measureText,
    Optional<Localized> judge, Optional<Rubric> rubric, List<String> evidence, Optional<String> clause, boolean hidden) {

  public enum Kind { MEASUREMENT, JUDGEMENT }

  /** The top of the judgement scale; a mark of 2 earns two thirds of the points. */
  public static final int JUDGEMENT_SCALE = 3;

  public CheckDef {
    evidence = List.copyOf(evidence);
  }
}
