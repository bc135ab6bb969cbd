package org.twinlab.scenarios.standard;

import org.twinlab.models.Localized;

/**
 * One assessable skill of a standard, cited as {@code 4-04-05-10 L5 3.1.3}.
 *
 * @param code "function.item.skill" within the level, the standard's own numbering
 * @param title a short English title, and in Chinese the standard's own text of the skill requirement
 */
public record Clause(String standard, Level level, String code, SkillFunction function, Localized title) {

  public String reference() {
    return standard + " L" + level.number() + " " + code;
  }
}
