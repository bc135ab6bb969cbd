package org.twinlab.models.expr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text of the expression language into tokens, each with its 1-based column. Durations
 * are tokens of the language too: checks' windows use them, and a state refuses them by name.
 */
public final class ExprLexer {
  public enum Kind { WORD, NUMBER, DURATION, STRING, OP, END }

  public record Token(Kind kind, String text, int column) {}

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private ExprLexer() {}

  public static List<Token> tokens(String text) throws ExprSyntaxException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c)) {
        int start = i;
        // a number stops before "..", which writes a range: 40..60
        while (i < n && (Character.isDigit(text.charAt(i)) || (text.charAt(i) == '.' && !text.startsWith("..", i)))) i++;
        i = exponentEnd(text, i);
        if (i < n && Character.isLetter(text.charAt(i))) {
          while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
          String d = text.substring(start, i);
          if (!isDuration(d)) throw new ExprSyntaxException(start + 1, "'" + d + "' is not a duration: use ms, s, m or h, as in 500ms, 30s, 1m30s");
          out.add(new Token(Kind.DURATION, d, start + 1));
        } else {
          String num = text.substring(start, i);
          if (num.chars().filter(ch -> ch == '.').count() > 1 || num.endsWith(".")) {
            throw new ExprSyntaxException(start + 1, "'" + num + "' is not a number");
          }
          out.add(new Token(Kind.NUMBER, num, start + 1));
        }
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.'
            || (text.charAt(i) == '-' && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1)) && insideAttributes(out)))) {
          i++;
        }
        out.add(new Token(Kind.WORD, text.substring(start, i), start + 1));
      } else if (c == '"' || c == '\'') {
        int start = i++;
        StringBuilder s = new StringBuilder();
        while (i < n && text.charAt(i) != c) s.append(text.charAt(i++));
        if (i >= n) throw new ExprSyntaxException(start + 1, "text that is never closed with " + c);
        i++;
        out.add(new Token(Kind.STRING, s.toString(), start + 1));
      } else {
        String two = i + 1 < n ? text.substring(i, i + 2) : "";
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")
            || two.equals("..")) {
          out.add(new Token(Kind.OP, two, i + 1));
          i += 2;
        } else if ("<>+-*/()[],=".indexOf(c) >= 0) {
          out.add(new Token(Kind.OP, String.valueOf(c), i + 1));
          i++;
        } else {
          throw new ExprSyntaxException(i + 1, "unexpected character '" + c + "'");
        }
      }
    }
    out.add(new Token(Kind.END, "the end", n + 1));
    return out;
  }

  /** Past a number's exponent ({@code 4.5e2}, {@code 5e-1}) when one follows at {@code i}; no duration unit starts with e. */
  private static int exponentEnd(String text, int i) {
    int n = text.length();
    if (i >= n || (text.charAt(i) != 'e' && text.charAt(i) != 'E')) return i;
    int j = i + 1;
    if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) j++;
    if (j >= n || !Character.isDigit(text.charAt(j))) return i;
    while (j < n && Character.isDigit(text.charAt(j))) j++;
    return j;
  }

  /** Inside [ … ] attribute values may hold hyphens (twin ids such as conveyor-1). */
  private static boolean insideAttributes(List<Token> so) {
    for (int k = so.size() - 1; k >= 0; k--) {
      Token t = so.get(k);
      if (t.kind() == Kind.OP && t.text().equals("]")) return false;
      if (t.kind() == Kind.OP && t.text().equals("[")) return true;
    }
    return false;
  }

  public static boolean isDuration(String text) {
    Matcher m = DURATION.matcher(text);
    int end = 0;
    while (m.find()) {
      if (m.start() != end) return false;
      end = m.end();
    }
    return end == text.length() && end > 0;
  }

  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    long nanos = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos += Math.round(v * unit);
    }
    return Duration.ofNanos(nanos);
  }
}
