package org.twinlab.scenarios.score;

import org.twinlab.scenarios.model.CheckDef;

/**
 * One check on a score sheet.
 *
 * @param earned the points earned, or null when the check is not scored yet (indeterminate,
 *     pending, or a judgement not marked): it then counts neither for nor against
 * @param clause the standard clause it evidences, as cited
 */
public record CheckScore(String check, String task, CheckDef.Kind kind, String clause, String function, double points,
    Double earned, Status status, String because) {

  public enum Status { PASSED, FAILED, INDETERMINATE, PENDING, MARKED, UNMARKED }

  /** Whether examiners must look at it before the sheet is final. */
  public boolean flagged() {
    return status == Status.INDETERMINATE || status == Status.UNMARKED || status == Status.PENDING;
  }
}
