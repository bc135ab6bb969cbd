package org.twinlab.models.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the expression language, over a token stream that callers may go
 * on reading: a scenario check parses its temporal operator and window around the expressions
 * this parser reads.
 *
 * <pre>
 * expr     := and ('or' and)* ;  and := not ('and' not)* ;  not := 'not' not | cmp
 * cmp      := sum [('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') (sum | WORD)]
 * sum      := product (('+' | '-') product)* ;  product := unary (('*' | '/') unary)*
 * unary    := '-' unary | 'abs' '(' expr ')' | '(' expr ')' | NUMBER | STRING | 'true' | 'false' | ref
 * ref      := SIGNAL | EVENT ['[' filter, ... ']']      (which names are which: the {@link Vocabulary})
 * filter   := KEY ('=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') value | KEY 'in' number '..' number | KEY 'contains' value
 * value    := WORD | STRING | number | ['-'] DURATION ;  number := ['-'] NUMBER
 * </pre>
 *
 * A bare word after a comparison (no dot, not a reserved word) is text: {@code mode == auto};
 * text that is a reserved word is quoted: {@code state == 'start'}.
 */
public final class ExprParser {
  /** Reserved words: the logic's, and those of checks' temporal operators and windows. */
  public static final Set<String> KEYWORDS = Set.of("within", "after", "before", "between", "holds", "for", "and", "or", "not",
      "first", "last", "start", "end", "eventually", "always", "never", "count", "tracks", "abs", "true", "false", "in", "contains");

  private static final Set<String> STARTS_A_VALUE = Set.of("not", "abs", "true", "false");

  private final List<ExprLexer.Token> tokens;
  private final Vocabulary vocabulary;
  private int pos;

  public ExprParser(String text, Vocabulary vocabulary) throws ExprSyntaxException {
    this.tokens = ExprLexer.tokens(text);
    this.vocabulary = vocabulary;
  }

  /** Parses text that is one expression and nothing else; {@code what} names it in errors ("condition"). */
  public static Expr parseWhole(String text, Vocabulary vocabulary, String what) throws ExprSyntaxException {
    ExprParser p = new ExprParser(text, vocabulary);
    if (p.peek().kind() == ExprLexer.Kind.END) throw new ExprSyntaxException(1, "empty " + what);
    Expr e = p.expr();
    ExprLexer.Token t = p.peek();
    if (t.kind() != ExprLexer.Kind.END) {
      throw new ExprSyntaxException(t.column(), "unexpected '" + t.text() + "' after the " + what
          + (isKeyword(t) ? vocabulary.keywordHint(t.text()) : ""));
    }
    return e;
  }

  public Expr expr() throws ExprSyntaxException {
    Expr left = and();
    while (isWord(peek(), "or")) {
      pos++;
      left = new Expr.Binary(Expr.Op.OR, left, and());
    }
    return left;
  }

  private Expr and() throws ExprSyntaxException {
    Expr left = not();
    while (isWord(peek(), "and")) {
      pos++;
      left = new Expr.Binary(Expr.Op.AND, left, not());
    }
    return left;
  }

  private Expr not() throws ExprSyntaxException {
    if (isWord(peek(), "not")) {
      pos++;
      return new Expr.Not(not());
    }
    return cmp();
  }

  /** A comparison, or the value alone; checks' anchors ({@code first …}) read one. */
  public Expr cmp() throws ExprSyntaxException {
    Expr left = sum();
    ExprLexer.Token opToken = peek();
    if (isOp(opToken, "=")) {
      throw new ExprSyntaxException(opToken.column(), "'=' is no comparison: write == (or != for not equal)");
    }
    Expr.Op op = comparison(opToken);
    if (op == null) return left;
    pos++;
    ExprLexer.Token right = peek();
    if (right.kind() == ExprLexer.Kind.END) {
      throw new ExprSyntaxException(right.column(), "the expression ends too early: a value is missing after '" + opToken.text() + "'");
    }
    if (right.kind() == ExprLexer.Kind.WORD && right.text().indexOf('.') < 0 && !isKeyword(right)) {
      pos++;
      return new Expr.Binary(op, left, new Expr.Literal(right.text()));
    }
    if (isKeyword(right) && !STARTS_A_VALUE.contains(right.text())) {
      throw new ExprSyntaxException(right.column(), "expected a value, found '" + right.text() + "'" + vocabulary.keywordHint(right.text())
          + "; text that is a reserved word is quoted: '" + right.text() + "'");
    }
    return new Expr.Binary(op, left, sum());
  }

  /** The comparison a token writes, or null. */
  public static Expr.Op comparison(ExprLexer.Token t) {
    if (t.kind() != ExprLexer.Kind.OP) return null;
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

  private Expr sum() throws ExprSyntaxException {
    Expr left = product();
    // "+ 5s" after an anchor's expression offsets the anchor; it is not arithmetic
    while ((isOp(peek(), "+") || isOp(peek(), "-")) && peek(1).kind() != ExprLexer.Kind.DURATION) {
      Expr.Op op = next().text().equals("+") ? Expr.Op.ADD : Expr.Op.SUB;
      left = new Expr.Binary(op, left, product());
    }
    return left;
  }

  private Expr product() throws ExprSyntaxException {
    Expr left = unary();
    while (isOp(peek(), "*") || isOp(peek(), "/")) {
      Expr.Op op = next().text().equals("*") ? Expr.Op.MUL : Expr.Op.DIV;
      left = new Expr.Binary(op, left, unary());
    }
    return left;
  }

  private Expr unary() throws ExprSyntaxException {
    if (isOp(peek(), "-")) {
      pos++;
      return new Expr.Negate(unary());
    }
    return primary();
  }

  /** A value, a parenthesised expression or a reference; checks read signals and events with it. */
  public Expr primary() throws ExprSyntaxException {
    ExprLexer.Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return new Expr.Literal(Double.parseDouble(t.text()));
      case STRING:
        return new Expr.Literal(t.text());
      case DURATION:
        throw new ExprSyntaxException(t.column(), vocabulary.misplacedDuration(t.text()));
      case OP:
        if (t.text().equals("(")) {
          Expr inner = expr();
          expectOp(")");
          return inner;
        }
        throw new ExprSyntaxException(t.column(), "unexpected '" + t.text() + "'");
      case END:
        throw new ExprSyntaxException(t.column(), "the expression ends too early");
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
    if (KEYWORDS.contains(t.text())) {
      throw new ExprSyntaxException(t.column(), "expected a value, found '" + t.text() + "'" + vocabulary.keywordHint(t.text()));
    }
    Vocabulary.Reference ref = vocabulary.reference(t.text())
        .orElseThrow(() -> new ExprSyntaxException(t.column(), vocabulary.notAReference(t.text())));
    if (ref == Vocabulary.Reference.SIGNAL) return new Expr.Signal(t.text(), t.column());
    return new Expr.EventMatch(t.text(), filters(), t.column());
  }

  private List<Filter> filters() throws ExprSyntaxException {
    List<Filter> out = new ArrayList<>();
    if (!isOp(peek(), "[")) return out;
    pos++;
    while (true) {
      ExprLexer.Token key = next();
      if (key.kind() != ExprLexer.Kind.WORD) { // dotted names reach nested fields: transform.scale
        throw new ExprSyntaxException(key.column(), "expected an attribute name such as property, value or transform.scale");
      }
      ExprLexer.Token opToken = next();
      Filter.Op op = filterOp(opToken);
      if (op == null) {
        throw new ExprSyntaxException(opToken.column(), "expected '=' or another test (!=, <, <=, >, >=, in, contains) after '"
            + key.text() + "'");
      }
      out.add(op == Filter.Op.IN ? range(key) : filter(key, op));
      ExprLexer.Token sep = next();
      if (isOp(sep, "]")) return out;
      if (!isOp(sep, ",")) throw new ExprSyntaxException(sep.column(), "expected , or ] in the attribute list");
    }
  }

  private static Filter.Op filterOp(ExprLexer.Token t) {
    if (t.kind() == ExprLexer.Kind.WORD) {
      return switch (t.text()) {
        case "in" -> Filter.Op.IN;
        case "contains" -> Filter.Op.CONTAINS;
        default -> null;
      };
    }
    if (t.kind() != ExprLexer.Kind.OP) return null;
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

  private Filter filter(ExprLexer.Token key, Filter.Op op) throws ExprSyntaxException {
    ExprLexer.Token at = peek();
    String value = filterValue();
    if (op.numeric() && Filter.number(value).isEmpty()) {
      throw new ExprSyntaxException(at.column(), "'" + op.text + "' compares numbers, and '" + value + "' is not one");
    }
    return new Filter(key.text(), op, value, "", key.column(), at.column());
  }

  /** {@code key in low..high}, both bounds numbers, the range inclusive. */
  private Filter range(ExprLexer.Token key) throws ExprSyntaxException {
    ExprLexer.Token at = peek();
    String low = bound();
    ExprLexer.Token dots = next();
    if (!isOp(dots, "..")) throw new ExprSyntaxException(dots.column(), "expected '..' in the range, as in value in 40..60");
    String high = bound();
    if (Filter.number(low).orElseThrow() > Filter.number(high).orElseThrow()) {
      throw new ExprSyntaxException(at.column(), "the range " + low + ".." + high + " is empty: write the lower bound first");
    }
    return new Filter(key.text(), Filter.Op.IN, low, high, key.column(), at.column());
  }

  private String bound() throws ExprSyntaxException {
    ExprLexer.Token at = peek();
    String b = filterValue();
    if (Filter.number(b).isEmpty()) throw new ExprSyntaxException(at.column(), "a range's bounds are numbers, as in value in 40..60 or -5..5");
    return b;
  }

  /** A word, a text, or a number or duration, negative ones written with their minus: value=-2.5, from=-10m. */
  private String filterValue() throws ExprSyntaxException {
    ExprLexer.Token value = next();
    if (isOp(value, "-")) {
      ExprLexer.Token magnitude = next();
      if (magnitude.kind() != ExprLexer.Kind.NUMBER && magnitude.kind() != ExprLexer.Kind.DURATION) {
        throw new ExprSyntaxException(magnitude.column(), "expected a number after '-'");
      }
      return "-" + magnitude.text();
    }
    if (value.kind() == ExprLexer.Kind.END || value.kind() == ExprLexer.Kind.OP) {
      throw new ExprSyntaxException(value.column(), "expected the attribute's value");
    }
    return value.text();
  }

  // ---- the token stream, for callers that read around expressions

  public void expectWord(String word) throws ExprSyntaxException {
    ExprLexer.Token t = next();
    if (!isWord(t, word)) throw new ExprSyntaxException(t.column(), "expected '" + word + "', found '" + t.text() + "'");
  }

  public void expectOp(String op) throws ExprSyntaxException {
    ExprLexer.Token t = next();
    if (!isOp(t, op)) throw new ExprSyntaxException(t.column(), "expected '" + op + "', found '" + t.text() + "'");
  }

  public static boolean isWord(ExprLexer.Token t, String word) {
    return t.kind() == ExprLexer.Kind.WORD && t.text().equals(word);
  }

  public static boolean isOp(ExprLexer.Token t, String op) {
    return t.kind() == ExprLexer.Kind.OP && t.text().equals(op);
  }

  private static boolean isKeyword(ExprLexer.Token t) {
    return t.kind() == ExprLexer.Kind.WORD && KEYWORDS.contains(t.text());
  }

  public ExprLexer.Token peek() {
    return peek(0);
  }

  private ExprLexer.Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  /** The next token, consumed; the end is never passed. */
  public ExprLexer.Token next() {
    ExprLexer.Token t = tokens.get(pos);
    if (t.kind() != ExprLexer.Kind.END) pos++;
    return t;
  }
}
