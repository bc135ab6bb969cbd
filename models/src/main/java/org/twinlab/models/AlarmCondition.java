package org.twinlab.models;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.twinlab.models.expr.Expr;
import org.twinlab.models.expr.ExprParser;
import org.twinlab.models.expr.ExprReferences;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.models.expr.Reading;
import org.twinlab.models.expr.StateEvaluator;
import org.twinlab.models.expr.Tri;
import org.twinlab.models.expr.Vocabulary;

/**
 * When an alarm is active: an expression of the one expression language over the twin's
 * {@code component.property} values as they are now, e.g. {@code tank.level > 450 and not pump.running}.
 * It has no temporal operators and reads no events: a twin judges it on its current values alone.
 *
 * @param properties the property paths it reads
 */
public record AlarmCondition(Expr expr, Set<String> properties) {
  private static final Set<String> TEMPORAL = Set.of("eventually", "always", "never", "count", "tracks", "holds", "for",
      "within", "after", "before", "between", "first", "last", "start", "end");

  /** Names in an alarm condition: the model's own properties, written component.property. */
  static final Vocabulary PROPERTIES = new Vocabulary() {
    @Override
    public Optional<Reference> reference(String name) {
      int dot = name.indexOf('.');
      return dot > 0 && dot < name.length() - 1 ? Optional.of(Reference.SIGNAL) : Optional.empty();
    }

    @Override
    public String notAReference(String word) {
      return "expected a property as component.property, found '" + word + "'";
    }

    @Override
    public String keywordHint(String word) {
      return TEMPORAL.contains(word)
          ? ": an alarm condition is a state of the twin now, without temporal operators or windows (those belong in scenario checks)"
          : "";
    }

    @Override
    public String misplacedDuration(String duration) {
      return "a duration (" + duration + ") has no place in an alarm condition: it is a state of the twin now, without time windows";
    }
  };

  public AlarmCondition {
    properties = Set.copyOf(properties);
  }

  public static AlarmCondition parse(String text) throws ExprSyntaxException {
    Expr e = ExprParser.parseWhole(text, PROPERTIES, "condition");
    Set<String> read = new LinkedHashSet<>();
    for (Expr ref : ExprReferences.of(e)) read.add(((Expr.Signal) ref).name());
    return new AlarmCondition(e, read);
  }

  /**
   * Whether the condition holds on these values; a property with no value makes its comparison
   * false, so an alarm never fires on missing data (staleness is reported separately).
   */
  public boolean test(Function<String, Object> values) {
    return StateEvaluator.truth(expr, new StateEvaluator.Lookup() {
      @Override
      public Reading signal(Expr.Signal signal) {
        return Reading.ofNullable(values.apply(signal.name()));
      }

      @Override
      public boolean happened(Expr.EventMatch event) {
        return false; // the vocabulary names no events
      }
    }) == Tri.TRUE;
  }
}
