package org.twinlab.models.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one meaning of an expression at a moment, whether an alarm or a check asks. */
class StateEvaluatorTest {
  private static final Vocabulary ANY_DOTTED = new Vocabulary() {
    @Override
    public Optional<Reference> reference(String name) {
      return name.contains(".") ? Optional.of(Reference.SIGNAL) : Optional.empty();
    }

    @Override
    public String notAReference(String word) {
      return "no name: " + word;
    }

    @Override
    public String keywordHint(String word) {
      return "";
    }

    @Override
    public String misplacedDuration(String duration) {
      return "no duration";
    }
  };

  private static Tri truth(String text, Map<String, Reading> values) throws Exception {
    Expr e = ExprParser.parseWhole(text, ANY_DOTTED, "condition");
    return StateEvaluator.truth(e, new StateEvaluator.Lookup() {
      @Override
      public Reading signal(Expr.Signal signal) {
        return values.getOrDefault(signal.name(), Reading.MISSING);
      }

      @Override
      public boolean happened(Expr.EventMatch event) {
        return false;
      }
    });
  }

  @Test
  void missingIsFalseAndUnknownSpreadsAsKleeneSays() throws Exception {
    Map<String, Reading> v = Map.of("a.x", Reading.known(5.0), "a.gone", Reading.UNKNOWN, "a.on", Reading.known(true));
    assertThat(truth("a.none > 1", v)).isEqualTo(Tri.FALSE);
    assertThat(truth("not a.none > 1", v)).isEqualTo(Tri.TRUE);
    assertThat(truth("a.gone > 1", v)).isEqualTo(Tri.UNKNOWN);
    assertThat(truth("a.gone > 1 or a.x == 5", v)).as("true whatever the unknown is").isEqualTo(Tri.TRUE);
    assertThat(truth("a.gone > 1 and a.x == 5", v)).isEqualTo(Tri.UNKNOWN);
    assertThat(truth("a.gone > 1 and a.on == false", v)).as("false whatever the unknown is").isEqualTo(Tri.FALSE);
  }

  @Test
  void numbersCompareAsNumbersAndTextOnlyByEquality() throws Exception {
    Map<String, Reading> v = Map.of("a.n", Reading.known(2), "a.mode", Reading.known("auto"), "a.on", Reading.known(true));
    assertThat(truth("a.n == 2.0", v)).isEqualTo(Tri.TRUE);
    assertThat(truth("a.mode == 'auto' and a.mode != manual", v)).isEqualTo(Tri.TRUE);
    assertThat(truth("a.mode > 'a'", v)).as("no order between texts").isEqualTo(Tri.FALSE);
    assertThat(truth("a.on == true and a.on", v)).isEqualTo(Tri.TRUE);
  }

  @Test
  void arithmeticOnNumbersAndADivisionByZeroIsMissing() throws Exception {
    Map<String, Reading> v = Map.of("a.x", Reading.known(262.0), "a.sp", Reading.known(250.0), "a.zero", Reading.known(0));
    assertThat(truth("abs(a.sp - a.x) > 10 and -a.x < 0 and a.x / 2 * 2 == a.x", v)).isEqualTo(Tri.TRUE);
    assertThat(truth("a.x / a.zero > 0", v)).isEqualTo(Tri.FALSE);
    assertThat(truth("not a.x / a.zero > 0", v)).isEqualTo(Tri.TRUE);
  }
}
