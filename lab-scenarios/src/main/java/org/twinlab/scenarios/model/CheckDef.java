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
 * @param guards the check whose work this one guards ("never boiled" guards "level held"): it earns
 *     only once that check has earned, so staying away from the work is never credited
 * @param name what candidates and examiners read for it, when the scenario gives one
 */
public record CheckDef(String id, Kind kind, double points, Optional<Check> measure, String measureText,
    Optional<Localized> judge, Optional<Rubric> rubric, List<String> evidence, Optional<String> clause, boolean hidden,
    Optional<String> guards, Optional<Localized> name) {

  public enum Kind { MEASUREMENT, JUDGEMENT }

  /** The top of the judgement scale; a mark of 2 earns two thirds of the points. */
  public static final int JUDGEMENT_SCALE = 3;

  public CheckDef {
    evidence = List.copyOf(evidence);
  }

  /** Its name, or its id made readable: no-overflow → No overflow. */
  public Localized readableName() {
    return name.orElseGet(() -> {
      String words = id.replace('-', ' ').replace('_', ' ').trim();
      return Localized.of(words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1));
    });
  }
}
