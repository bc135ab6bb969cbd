package org.twinlab.models;

import java.util.Map;
import java.util.Optional;
import org.twinlab.models.condition.And;
import org.twinlab.models.condition.Comparison;
import org.twinlab.models.condition.Condition;
import org.twinlab.models.condition.Not;
import org.twinlab.models.condition.Or;
import org.twinlab.models.condition.PropertyIsTrue;

/** Checks a parsed condition against a model: properties exist and literals fit their types. */
public final class ConditionChecker {
  private ConditionChecker() {}

  /** The first thing wrong, or empty when the condition fits the model. */
  public static Optional<String> check(Condition c, Map<String, PropertyDef> properties) {
    if (c instanceof And a) return check(a.left(), properties).or(() -> check(a.right(), properties));
    if (c instanceof Or o) return check(o.left(), properties).or(() -> check(o.right(), properties));
    if (c instanceof Not n) return check(n.inner(), properties);
    if (c instanceof PropertyIsTrue t) {
      PropertyDef p = properties.get(t.property());
      if (p == null) return unknown(t.property());
      return p.type() == PropertyType.BOOL ? Optional.empty()
          : Optional.of("'" + t.property() + "' is " + p.type().label() + ", compare it with a value");
    }
    Comparison cmp = (Comparison) c;
    PropertyDef p = properties.get(cmp.property());
    if (p == null) return unknown(cmp.property());
    Object lit = cmp.literal();
    boolean ordering = cmp.op() != Comparison.Operator.EQ && cmp.op() != Comparison.Operator.NE;
    return switch (p.type()) {
      case INT, DOUBLE -> lit instanceof Number ? Optional.empty() : mismatch(cmp, "a number");
      case BOOL -> ordering ? Optional.of("'" + cmp.property() + "' is bool: use == or !=")
          : lit instanceof Boolean ? Optional.empty() : mismatch(cmp, "true or false");
      case ENUM -> ordering ? Optional.of("'" + cmp.property() + "' is an enum: use == or !=")
          : p.enumValues().contains(String.valueOf(lit)) ? Optional.empty() : mismatch(cmp, "one of " + p.enumValues());
      case STRING -> ordering ? Optional.of("'" + cmp.property() + "' is text: use == or !=") : Optional.empty();
    };
  }

  private static Optional<String> unknown(String property) {
    return Optional.of("unknown property '" + property + "'");
  }

  private static Optional<String> mismatch(Comparison c, String expected) {
    return Optional.of("'" + c.property() + "' is compared with '" + c.literal() + "' but needs " + expected);
  }
}
