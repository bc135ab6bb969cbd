package org.twinlab.models.expr;

import java.util.Optional;

/**
 * What names mean where the expression language is used: a scenario check reads
 * {@code twin.…}, {@code rig.…}, {@code alarm.…} signals and {@code action.…}, {@code fault.…}
 * events; an alarm condition reads the twin's own {@code component.property} values. The grammar
 * is the same; only the names, and the words of advice in errors, differ.
 */
public interface Vocabulary {
  enum Reference { SIGNAL, EVENT }

  /** What a name written in an expression refers to, or empty when it is none of this vocabulary's. */
  Optional<Reference> reference(String name);

  /** Why a word is no name here, and what to write instead. */
  String notAReference(String word);

  /**
   * Advice appended when a reserved word (a temporal operator, a window's word) stands where it
   * cannot; empty for none.
   */
  String keywordHint(String word);

  /** Why a duration cannot stand in a state, and where durations go. */
  String misplacedDuration(String duration);
}
