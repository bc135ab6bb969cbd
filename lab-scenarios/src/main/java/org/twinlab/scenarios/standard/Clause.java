package org.twinlab.scenarios.standard;

/**
 * One assessable skill of a standard, cited as {@code 4-04-05-10 L5 3.1.3}.
 *
 * @param code "function.item.skill" within the level, the standard's own numbering
 */
public record Clause(String standard, Level level, String code, SkillFunction function, String title) {

  public String reference() {
    return standard + " L" + level.number() + " " + code;
  }
}
