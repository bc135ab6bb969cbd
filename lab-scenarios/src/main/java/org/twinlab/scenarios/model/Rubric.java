package org.twinlab.scenarios.model;

import java.util.List;
import org.twinlab.models.Localized;

/**
 * What earns each mark of a judged check, from 0 to {@link CheckDef#JUDGEMENT_SCALE}: one
 * descriptor per mark, so two examiners reading the same evidence reach the same mark.
 *
 * @param descriptors the descriptor of mark 0, 1, 2 and 3, in that order
 */
public record Rubric(List<Localized> descriptors) {
  public Rubric {
    descriptors = List.copyOf(descriptors);
    if (descriptors.size() != CheckDef.JUDGEMENT_SCALE + 1) {
      throw new IllegalArgumentException("a rubric has a descriptor for each mark 0 to " + CheckDef.JUDGEMENT_SCALE);
    }
  }

  /** The descriptor of one mark. */
  public Localized descriptor(int mark) {
    if (mark < 0 || mark > CheckDef.JUDGEMENT_SCALE) throw new IllegalArgumentException("a mark is 0 to " + CheckDef.JUDGEMENT_SCALE);
    return descriptors.get(mark);
  }
}
