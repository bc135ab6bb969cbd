package org.twinlab.models.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Stands between the parser and the composer and refuses a document nested deeper than a limit,
 * at the position where it goes too deep: the composer builds the tree by recursion, so
 * thousands of nested brackets would otherwise end in a stack overflow instead of an error.
 */
final class NestingLimit implements Parser {
  /** Far deeper than any model, binding or scenario needs, far shallower than the stack allows. */
  static final int MAX_DEPTH = 64;

  /** A document nested too deep, with where it crossed the limit. */
  static final class TooDeep extends RuntimeException {
    final Optional<Mark> at;

    TooDeep(Optional<Mark> at) {
      super("nested deeper than " + MAX_DEPTH + " levels", null, false, false);
      this.at = at;
    }
  }

  private final Parser parser;
  private int depth;

  NestingLimit(Parser parser) {
    this.parser = parser;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event e = parser.next();
    switch (e.getEventId()) {
      case SequenceStart, MappingStart -> {
        if (++depth > MAX_DEPTH) throw new TooDeep(e.getStartMark());
      }
      case SequenceEnd, MappingEnd -> depth--;
      default -> { }
    }
    return e;
  }
}
