package org.twinlab.models.condition;

import java.util.ArrayList;
import java.util.List;
import org.twinlab.models.condition.Comparison.Operator;

/**
 * Recursive-descent parser for conditions:
 *
 * <pre>
 * expr   := and ('or' and)*
 * and    := unary ('and' unary)*
 * unary  := 'not' unary | '(' expr ')' | path [op literal]
 * op     := == | != | &lt; | &lt;= | &gt; | &gt;=
 * literal:= number | true | false | 'text' | "text" | word
 * </pre>
 */
public final class ConditionParser {
  private final List<Token> tokens;
  private int pos;

  private ConditionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  public static Condition parse(String text) throws ConditionSyntaxException {
    ConditionParser p = new ConditionParser(tokenize(text));
    Condition c = p.or();
    Token t = p.peek();
    if (t.kind != Kind.END) {
      throw new ConditionSyntaxException(t.column, "unexpected '" + t.text + "'");
    }
    return c;
  }

  private Condition or() throws ConditionSyntaxException {
    Condition left = and();
    while (peekWord("or")) {
      pos++;
      left = new Or(left, and());
    }
    return left;
  }

  private Condition and() throws ConditionSyntaxException {
    Condition left = unary();
    while (peekWord("and")) {
      pos++;
      left = new And(left, unary());
    }
    return left;
  }

  private Condition unary() throws ConditionSyntaxException {
    Token t = next();
    if (t.kind == Kind.WORD && t.text.equals("not")) {
      return new Not(unary());
    }
    if (t.kind == Kind.OPEN) {
      Condition inner = or();
      Token close = next();
      if (close.kind != Kind.CLOSE) {
        throw new ConditionSyntaxException(close.column, "expected ')'");
      }
      return inner;
    }
    if (t.kind != Kind.WORD || !t.text.contains(".")) {
      throw new ConditionSyntaxException(t.column,
          t.kind == Kind.END ? "expression ends too early" : "expected a property as component.property, found '" + t.text + "'");
    }
    if (peek().kind != Kind.OP) {
      return new PropertyIsTrue(t.text);
    }
    Operator op = operator(next());
    return new Comparison(t.text, op, literal(next()));
  }

  private static Operator operator(Token t) throws ConditionSyntaxException {
    for (Operator op : Operator.values()) {
      if (op.symbol().equals(t.text)) return op;
    }
    throw new ConditionSyntaxException(t.column, "unknown operator '" + t.text + "'");
  }

  private static Object literal(Token t) throws ConditionSyntaxException {
    switch (t.kind) {
      case NUMBER:
        return Double.parseDouble(t.text);
      case TEXT:
        return t.text;
      case WORD:
        if (t.text.equals("true") || t.text.equals("false")) return Boolean.parseBoolean(t.text);
        return t.text;
      default:
        throw new ConditionSyntaxException(t.column, t.kind == Kind.END ? "a value is missing after the operator" : "expected a value, found '" + t.text + "'");
    }
  }

  private boolean peekWord(String w) {
    Token t = peek();
    return t.kind == Kind.WORD && t.text.equals(w);
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind != Kind.END) pos++;
    return t;
  }

  private enum Kind { WORD, NUMBER, TEXT, OP, OPEN, CLOSE, END }

  private record Token(Kind kind, String text, int column) {}

  private static List<Token> tokenize(String s) throws ConditionSyntaxException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int col = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), col));
        i++;
      } else if ("=!<>".indexOf(c) >= 0) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '=') j++;
        String op = s.substring(i, j);
        if (op.equals("=") || op.equals("!")) {
          throw new ConditionSyntaxException(col, "unknown operator '" + op + "' (use == or !=)");
        }
        out.add(new Token(Kind.OP, op, col));
        i = j;
      } else if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) throw new ConditionSyntaxException(col, "text is not closed");
        out.add(new Token(Kind.TEXT, s.substring(i + 1, end), col));
        i = end + 1;
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int j = i + 1;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || ".eE+-".indexOf(s.charAt(j)) >= 0 && !(s.charAt(j) == '-' && "eE".indexOf(s.charAt(j - 1)) < 0))) j++;
        String num = s.substring(i, j);
        try {
          Double.parseDouble(num);
        } catch (NumberFormatException e) {
          throw new ConditionSyntaxException(col, "not a number: '" + num + "'");
        }
        out.add(new Token(Kind.NUMBER, num, col));
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) j++;
        out.add(new Token(Kind.WORD, s.substring(i, j), col));
        i = j;
      } else {
        throw new ConditionSyntaxException(col, "unexpected character '" + c + "'");
      }
    }
    out.add(new Token(Kind.END, "", s.length() + 1));
    return out;
  }
}
