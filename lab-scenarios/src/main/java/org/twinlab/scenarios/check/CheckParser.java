package org.twinlab.scenarios.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the check language. A check is one temporal operator, a state expression and an optional
 * window:
 *
 * <pre>
 * check    := 'eventually' expr window | 'always' expr window | 'never' expr window
 *           | expr 'holds' 'for' DURATION window
 *           | 'count' event cmp INTEGER window
 *           | 'tracks' signal signal 'within' NUMBER 'for' DURATION window
 * window   := (nothing: the whole run) | 'within' DURATION ['after' anchor] | 'after' anchor
 *           | 'before' anchor | 'between' anchor 'and' anchor
 * anchor   := ('start' | 'end' | 'first' cmp | 'last' cmp) [('+' | '-') DURATION]
 * expr     := and ('or' and)* ;  and := not ('and' not)* ;  not := 'not' not | cmp
 * cmp      := sum [('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') sum]
 * sum      := product (('+' | '-') product)* ;  product := unary (('*' | '/') unary)*
 * unary    := '-' unary | 'abs' '(' expr ')' | '(' expr ')' | NUMBER | STRING | 'true' | 'false' | ref
 * ref      := twin.PATH | rig.PATH | alarm.ID | action.KIND ['[' filter, ... ']'] | fault.ID ['[' filter, ... ']']
 * filter   := KEY ('=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') value | KEY 'in' number '..' number | KEY 'contains' value
 * value    := WORD | STRING | number | ['-'] DURATION ;  number := ['-'] NUMBER
 * DURATION := 500ms | 30s | 2m | 1h | 1m30s
 * </pre>
 */
public final class CheckParser {
  static final Set<String> SIGNALS = Set.of("twin", "rig", "alarm");
  static final Set<String> EVENTS = Set.of("action", "fault");
  private static final Set<String> KEYWORDS = Set.of("within", "after", "before", "between", "holds", "for", "and", "or",
      "first", "last", "start", "end", "eventually", "always", "never", "count", "tracks");

  private final List<CheckLexer.Token> tokens;
  private int pos;

  private CheckParser(List<CheckLexer.Token> tokens) {
    this.tokens = tokens;
  }

  public static Check parse(String text) throws CheckSyntaxException {
    CheckParser p = new CheckParser(CheckLexer.tokens(text));
    Check check = p.check();
    CheckLexer.Token t = p.peek();
    if (t.kind() != CheckLexer.Kind.END) throw new CheckSyntaxException(t.column(), "unexpected '" + t.text() + "' after the check");
    return check;
  }

  /** Parses a state expression alone, as triggers and reference steps use it. */
  public static Expr parseExpression(String text) throws CheckSyntaxException {
    CheckParser p = new CheckParser(CheckLexer.tokens(text));
    if (p.peek().kind() == CheckLexer.Kind.END) throw new CheckSyntaxException(1, "empty condition");
    Expr e = p.expr();
    CheckLexer.Token t = p.peek();
    if (t.kind() != CheckLexer.Kind.END) throw new CheckSyntaxException(t.column(), "unexpected '" + t.text() + "' after the condition");
    return e;
  }

  /** Reads a duration such as {@code 30s}, {@code 2m}, {@code 1m30s} or {@code 500ms}. */
  public static java.util.Optional<Duration> parseDuration(String text) {
    String t = text.trim();
    return CheckLexer.isDuration(t) ? java.util.Optional.of(CheckLexer.duration(t)) : java.util.Optional.empty();
  }

  /** The signals and events an expression reads. */
  public static List<Expr> references(Expr e) {
    List<Expr> out = new ArrayList<>();
    CheckWalker.refs(e, out);
    return out;
  }

  private Check check() throws CheckSyntaxException {
    CheckLexer.Token t = peek();
    if (isWord(t, "eventually")) {
      pos++;
      return new Check.Eventually(expr(), window());
    }
    if (isWord(t, "always")) {
      pos++;
      return new Check.Always(expr(), window());
    }
    if (isWord(t, "never")) {
      pos++;
      return new Check.Never(expr(), window());
    }
    if (isWord(t, "count")) {
      pos++;
      return count();
    }
    if (isWord(t, "tracks")) {
      pos++;
      return tracks();
    }
    if (t.kind() == CheckLexer.Kind.END) {
      throw new CheckSyntaxException(t.column(), "empty check: start with eventually, always, never, count, tracks, or a state followed by 'holds for'");
    }
    Expr state = expr();
    CheckLexer.Token h = peek();
    if (!isWord(h, "holds")) {
      throw new CheckSyntaxException(h.column(), h.kind() == CheckLexer.Kind.END
          ? "a check needs a temporal operator: eventually, always, never, count, tracks, or '<state> holds for <duration>'"
          : "expected 'holds for', found '" + h.text() + "'");
    }
    pos++;
    expectWord("for");
    return new Check.HoldsFor(state, duration(), window());
  }

  private Check count() throws CheckSyntaxException {
    CheckLexer.Token at = peek();
    Expr e = primary();
    if (!(e instanceof Expr.EventMatch event)) throw new CheckSyntaxException(at.column(), "count counts events: action.… or fault.…");
    CheckLexer.Token opToken = next();
    Expr.Op op = comparison(opToken);
    if (op == null) throw new CheckSyntaxException(opToken.column(), "expected a comparison such as >= after the event");
    CheckLexer.Token n = next();
    if (n.kind() != CheckLexer.Kind.NUMBER || n.text().contains(".")) {
      throw new CheckSyntaxException(n.column(), "expected a whole number of events");
    }
    return new Check.Count(event, op, Long.parseLong(n.text()), window());
  }

  private Check tracks() throws CheckSyntaxException {
    Expr.Signal twin = signal();
    Expr.Signal rig = signal();
    expectWord("within");
    CheckLexer.Token tol = next();
    if (tol.kind() != CheckLexer.Kind.NUMBER) throw new CheckSyntaxException(tol.column(), "expected the tolerance, a number in the signals' unit");
    expectWord("for");
    return new Check.Tracks(twin, rig, Double.parseDouble(tol.text()), duration(), window());
  }

  private Expr.Signal signal() throws CheckSyntaxException {
    CheckLexer.Token at = peek();
    Expr e = primary();
    if (!(e instanceof Expr.Signal s)) throw new CheckSyntaxException(at.column(), "expected a signal such as twin.tank.level or rig.tank.level");
    return s;
  }

  private Window window() throws CheckSyntaxException {
    CheckLexer.Token t = peek();
    if (isWord(t, "within")) {
      pos++;
      Duration d = duration();
      Anchor from = new Anchor.Start();
      if (isWord(peek(), "after")) {
        pos++;
        from = anchor();
      }
      return new Window(from, new Anchor.Offset(from, d), false);
    }
    if (isWord(t, "after")) {
      pos++;
      return new Window(anchor(), new Anchor.End(), false);
    }
    if (isWord(t, "before")) {
      pos++;
      return new Window(new Anchor.Start(), anchor(), true);
    }
    if (isWord(t, "between")) {
      pos++;
      Anchor from = anchor();
      expectWord("and");
      return new Window(from, anchor(), false);
    }
    return Window.WHOLE_RUN;
  }

  private Anchor anchor() throws CheckSyntaxException {
    CheckLexer.Token t = next();
    Anchor base;
    if (isWord(t, "start")) base = new Anchor.Start();
    else if (isWord(t, "end")) base = new Anchor.End();
    else if (isWord(t, "first")) base = new Anchor.First(cmp());
    else if (isWord(t, "last")) base = new Anchor.Last(cmp());
    else throw new CheckSyntaxException(t.column(), "expected start, end, first … or last … , found '" + t.text() + "'");
    CheckLexer.Token sign = peek();
    if (sign.kind() == CheckLexer.Kind.OP && (sign.text().equals("+") || sign.text().equals("-"))) {
      pos++;
      Duration d = duration();
      return new Anchor.Offset(base, sign.text().equals("+") ? d : d.negated());
    }
    return base;
  }

  private Duration duration() throws CheckSyntaxException {
    CheckLexer.Token t = next();
    if (t.kind() != CheckLexer.Kind.DURATION) throw new CheckSyntaxException(t.column(), "expected a duration such as 30s, 2m or 1m30s, found '" + t.text() + "'");
    return CheckLexer.duration(t.text());
  }

  Expr expr() throws CheckSyntaxException {
    Expr left = and();
    while (isWord(peek(), "or")) {
      pos++;
      left = new Expr.Binary(Expr.Op.OR, left, and());
    }
    return left;
  }

  private Expr and() throws CheckSyntaxException {
    Expr left = not();
    while (isWord(peek(), "and")) {
      pos++;
      left = new Expr.Binary(Expr.Op.AND, left, not());
    }
    return left;
  }

  private Expr not() throws CheckSyntaxException {
    if (isWord(peek(), "not")) {
      pos++;
      return new Expr.Not(not());
    }
    return cmp();
  }

  private Expr cmp() throws CheckSyntaxException {
    Expr left = sum();
    Expr.Op op = comparison(peek());
    if (op != null) {
      pos++;
      return new Expr.Binary(op, left, sum());
    }
    return left;
  }

  private static Expr.Op comparison(CheckLexer.Token t) {
    if (t.kind() != CheckLexer.Kind.OP) return null;
    return switch (t.text()) {
      case "==" -> Expr.Op.EQ;
      case "!=" -> Expr.Op.NE;
      case "<" -> Expr.Op.LT;
      case "<=" -> Expr.Op.LE;
      case ">" -> Expr.Op.GT;
      case ">=" -> Expr.Op.GE;
      default -> null;
    };
  }

  private Expr sum() throws CheckSyntaxException {
    Expr left = product();
    // "+ 5s" after an anchor's expression offsets the anchor; it is not arithmetic
    while ((isOp(peek(), "+") || isOp(peek(), "-")) && tokens.get(pos + 1).kind() != CheckLexer.Kind.DURATION) {
      Expr.Op op = next().text().equals("+") ? Expr.Op.ADD : Expr.Op.SUB;
      left = new Expr.Binary(op, left, product());
    }
    return left;
  }

  private Expr product() throws CheckSyntaxException {
    Expr left = unary();
    while (isOp(peek(), "*") || isOp(peek(), "/")) {
      Expr.Op op = next().text().equals("*") ? Expr.Op.MUL : Expr.Op.DIV;
      left = new Expr.Binary(op, left, unary());
    }
    return left;
  }

  private Expr unary() throws CheckSyntaxException {
    if (isOp(peek(), "-")) {
      pos++;
      return new Expr.Negate(unary());
    }
    return primary();
  }

  private Expr primary() throws CheckSyntaxException {
    CheckLexer.Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return new Expr.Literal(Double.parseDouble(t.text()));
      case STRING:
        return new Expr.Literal(t.text());
      case DURATION:
        throw new CheckSyntaxException(t.column(), "a duration (" + t.text() + ") cannot stand in a state; durations follow within, for, + or -");
      case OP:
        if (t.text().equals("(")) {
          Expr inner = expr();
          expectOp(")");
          return inner;
        }
        throw new CheckSyntaxException(t.column(), "unexpected '" + t.text() + "'");
      case END:
        throw new CheckSyntaxException(t.column(), "the check ends too early");
      default:
        break;
    }
    if (t.text().equals("true") || t.text().equals("false")) return new Expr.Literal(Boolean.parseBoolean(t.text()));
    if (t.text().equals("abs")) {
      expectOp("(");
      Expr inner = expr();
      expectOp(")");
      return new Expr.Abs(inner);
    }
    int dot = t.text().indexOf('.');
    String ns = dot < 0 ? t.text() : t.text().substring(0, dot);
    if (KEYWORDS.contains(t.text())) throw new CheckSyntaxException(t.column(), "expected a value, found '" + t.text() + "'");
    if (dot < 0) {
      throw new CheckSyntaxException(t.column(), "'" + t.text() + "' is not a signal, an event or an operator: checks start with "
          + "eventually, always, never, count or tracks, and name twin.…, rig.…, alarm.…, action.… or fault.…");
    }
    if (dot == t.text().length() - 1 || !(SIGNALS.contains(ns) || EVENTS.contains(ns))) {
      throw new CheckSyntaxException(t.column(), "'" + t.text() + "' is not a signal or an event: write twin.…, rig.…, alarm.…, action.… or fault.…");
    }
    if (SIGNALS.contains(ns)) return new Expr.Signal(t.text(), t.column());
    return new Expr.EventMatch(t.text(), filters(), t.column());
  }

  private List<Filter> filters() throws CheckSyntaxException {
    List<Filter> out = new ArrayList<>();
    if (!isOp(peek(), "[")) return out;
    pos++;
    while (true) {
      CheckLexer.Token key = next();
      if (key.kind() != CheckLexer.Kind.WORD) { // dotted names reach nested fields: transform.scale
        throw new CheckSyntaxException(key.column(), "expected an attribute name such as property, value or transform.scale");
      }
      CheckLexer.Token opToken = next();
      Filter.Op op = filterOp(opToken);
      if (op == null) {
        throw new CheckSyntaxException(opToken.column(), "expected '=' or another test (!=, <, <=, >, >=, in, contains) after '"
            + key.text() + "'");
      }
      out.add(op == Filter.Op.IN ? range(key) : filter(key, op));
      CheckLexer.Token sep = next();
      if (isOp(sep, "]")) return out;
      if (!isOp(sep, ",")) throw new CheckSyntaxException(sep.column(), "expected , or ] in the attribute list");
    }
  }

  private static Filter.Op filterOp(CheckLexer.Token t) {
    if (t.kind() == CheckLexer.Kind.WORD) {
      return switch (t.text()) {
        case "in" -> Filter.Op.IN;
        case "contains" -> Filter.Op.CONTAINS;
        default -> null;
      };
    }
    if (t.kind() != CheckLexer.Kind.OP) return null;
    return switch (t.text()) {
      case "=", "==" -> Filter.Op.EQ;
      case "!=" -> Filter.Op.NE;
      case "<" -> Filter.Op.LT;
      case "<=" -> Filter.Op.LE;
      case ">" -> Filter.Op.GT;
      case ">=" -> Filter.Op.GE;
      default -> null;
    };
  }

  private Filter filter(CheckLexer.Token key, Filter.Op op) throws CheckSyntaxException {
    CheckLexer.Token at = peek();
    String value = filterValue();
    if (op.numeric() && Filter.number(value).isEmpty()) {
      throw new CheckSyntaxException(at.column(), "'" + op.text + "' compares numbers, and '" + value + "' is not one");
    }
    return new Filter(key.text(), op, value, "", key.column(), at.column());
  }

  /** {@code key in low..high}, both bounds numbers, the range inclusive. */
  private Filter range(CheckLexer.Token key) throws CheckSyntaxException {
    CheckLexer.Token at = peek();
    String low = bound();
    CheckLexer.Token dots = next();
    if (!isOp(dots, "..")) throw new CheckSyntaxException(dots.column(), "expected '..' in the range, as in value in 40..60");
    String high = bound();
    if (Filter.number(low).orElseThrow() > Filter.number(high).orElseThrow()) {
      throw new CheckSyntaxException(at.column(), "the range " + low + ".." + high + " is empty: write the lower bound first");
    }
    return new Filter(key.text(), Filter.Op.IN, low, high, key.column(), at.column());
  }

  private String bound() throws CheckSyntaxException {
    CheckLexer.Token at = peek();
    String b = filterValue();
    if (Filter.number(b).isEmpty()) throw new CheckSyntaxException(at.column(), "a range's bounds are numbers, as in value in 40..60 or -5..5");
    return b;
  }

  /** A word, a text, or a number or duration, negative ones written with their minus: value=-2.5, from=-10m. */
  private String filterValue() throws CheckSyntaxException {
    CheckLexer.Token value = next();
    if (isOp(value, "-")) {
      CheckLexer.Token magnitude = next();
      if (magnitude.kind() != CheckLexer.Kind.NUMBER && magnitude.kind() != CheckLexer.Kind.DURATION) {
        throw new CheckSyntaxException(magnitude.column(), "expected a number after '-'");
      }
      return "-" + magnitude.text();
    }
    if (value.kind() == CheckLexer.Kind.END || value.kind() == CheckLexer.Kind.OP) {
      throw new CheckSyntaxException(value.column(), "expected the attribute's value");
    }
    return value.text();
  }

  private void expectWord(String word) throws CheckSyntaxException {
    CheckLexer.Token t = next();
    if (!isWord(t, word)) throw new CheckSyntaxException(t.column(), "expected '" + word + "', found '" + t.text() + "'");
  }

  private void expectOp(String op) throws CheckSyntaxException {
    CheckLexer.Token t = next();
    if (!isOp(t, op)) throw new CheckSyntaxException(t.column(), "expected '" + op + "', found '" + t.text() + "'");
  }

  private static boolean isWord(CheckLexer.Token t, String word) {
    return t.kind() == CheckLexer.Kind.WORD && t.text().equals(word);
  }

  private static boolean isOp(CheckLexer.Token t, String op) {
    return t.kind() == CheckLexer.Kind.OP && t.text().equals(op);
  }

  private CheckLexer.Token peek() {
    return tokens.get(pos);
  }

  private CheckLexer.Token next() {
    CheckLexer.Token t = tokens.get(pos);
    if (t.kind() != CheckLexer.Kind.END) pos++;
    return t;
  }

  /** The signals and events a check reads, for validating names against a rig model. */
  public static List<Expr> references(Check check) {
    List<Expr> out = new ArrayList<>();
    CheckWalker.collect(check, out);
    return out;
  }
}
