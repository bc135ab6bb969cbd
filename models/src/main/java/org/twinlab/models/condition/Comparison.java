package org.twinlab.models.condition;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** {@code property op literal}. Numbers compare numerically; other values only by (in)equality. */
public record Comparison(String property, Operator op, Object literal) implements Condition {

  public enum Operator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    boolean ordering() {
      return this != EQ && this != NE;
    }
  }

  @Override
  public boolean test(Function<String, Object> values) {
    Object v = values.apply(property);
    if (v == null) return false;
    if (v instanceof Number n && literal instanceof Number l) {
      int c = Double.compare(n.doubleValue(), l.doubleValue());
      return switch (op) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
      };
    }
    return switch (op) {
      case EQ -> Objects.equals(v, literal);
      case NE -> !Objects.equals(v, literal);
      default -> false;
    };
  }

  @Override
  public Set<String> properties() {
    return Set.of(property);
  }
}
