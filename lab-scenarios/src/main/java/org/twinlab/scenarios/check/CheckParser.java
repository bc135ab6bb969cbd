package org.twinlab.scenarios.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.twinlab.models.expr.Expr;
import org.twinlab.models.expr.ExprLexer;
import org.twinlab.models.expr.ExprParser;
import org.twinlab.models.expr.ExprReferences;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.models.expr.Vocabulary;

/**
 * Parses the check language: one temporal operator around a state expression of the one
 * expression language ({@link ExprParser}, shared with alarm conditions), and an optional window:
 *
 * <pre>
 * check    := 'eventually' expr window | 'always' expr window | 'never' expr window
 *           | expr 'holds' 'for' DURATION window
 *           | 'count' event cmp INTEGER window
 *           | 'tracks' signal signal 'within' NUMBER 'for' DURATION window
 * window   := (nothing: the whole run) | 'within' DURATION ['after' anchor] | 'after' anchor
 *           | 'before' anchor | 'between' anchor 'and' anchor
 * anchor   := ('start' | 'end' | 'first' cmp | 'last' cmp) [('+' | '-') DURATION]
 * expr, cmp := as {@link ExprParser} reads them, with refs twin.PATH | rig.PATH | alarm.ID
 *           | action.KIND ['[' filter, ... ']'] | fault.ID ['[' filter, ... ']']
 * DURATION := 500ms | 30s | 2m | 1h | 1m30s
 * </pre>
 */
public final class CheckParser {
  static final Set<String> SIGNALS = Set.of("twin", "rig", "alarm");
  static final Set<String> EVENTS = Set.of("action", "fault", "watch");

  /** The names checks read: signals of the twin, the rig and alarms; candidates' actions and injected faults. */
  static final Vocabulary NAMES = new Vocabulary() {
    @Override
    public Optional<Reference> reference(String name) {
      int dot = name.indexOf('.');
      if (dot < 0 || dot == name.length() - 1) return Optional.empty();
      String ns = name.substring(0, dot);
      if (SIGNALS.contains(ns)) return Optional.of(Reference.SIGNAL);
      return EVENTS.contains(ns) ? Optional.of(Reference.EVENT) : Optional.empty();
    }

    @Override
    public String notAReference(String word) {
      return word.indexOf('.') < 0
          ? "'" + word + "' is not a signal, an event or an operator: checks start with "
              + "eventually, always, never, count or tracks, and name twin.…, rig.…, alarm.…, action.… or fault.…"
          : "'" + word + "' is not a signal or an event: write twin.…, rig.…, alarm.…, action.… or fault.…";
    }

    @Override
    public String keywordHint(String word) {
      return "";
    }

    @Override
    public String misplacedDuration(String duration) {
      return "a duration (" + duration + ") cannot stand in a state; durations follow within, for, + or -";
    }
  };

  private final ExprParser p;

  private CheckParser(String text) throws ExprSyntaxException {
    this.p = new ExprParser(text, NAMES);
  }

  public static Check parse(String text) throws ExprSyntaxException {
    CheckParser parser = new CheckParser(text);
    Check check = parser.check();
    ExprLexer.Token t = parser.p.peek();
    if (t.kind() != ExprLexer.Kind.END) throw new ExprSyntaxException(t.column(), "unexpected '" + t.text() + "' after the check");
    return check;
  }

  /** Parses a state expression alone, as triggers and reference steps use it. */
  public static Expr parseExpression(String text) throws ExprSyntaxException {
    return ExprParser.parseWhole(text, NAMES, "condition");
  }

  /** Reads a duration such as {@code 30s}, {@code 2m}, {@code 1m30s} or {@code 500ms}. */
  public static Optional<Duration> parseDuration(String text) {
    String t = text.trim();
    return ExprLexer.isDuration(t) ? Optional.of(ExprLexer.duration(t)) : Optional.empty();
  }

  /** The signals and events an expression reads. */
  public static List<Expr> references(Expr e) {
    return ExprReferences.of(e);
  }

  private Check check() throws ExprSyntaxException {
    ExprLexer.Token t = p.peek();
    if (ExprParser.isWord(t, "eventually")) {
      p.next();
      return new Check.Eventually(p.expr(), window());
    }
    if (ExprParser.isWord(t, "always")) {
      p.next();
      return new Check.Always(p.expr(), window());
    }
    if (ExprParser.isWord(t, "never")) {
      p.next();
      return new Check.Never(p.expr(), window());
    }
    if (ExprParser.isWord(t, "count")) {
      p.next();
      return count();
    }
    if (ExprParser.isWord(t, "tracks")) {
      p.next();
      return tracks();
    }
    if (t.kind() == ExprLexer.Kind.END) {
      throw new ExprSyntaxException(t.column(), "empty check: start with eventually, always, never, count, tracks, or a state followed by 'holds for'");
    }
    Expr state = p.expr();
    ExprLexer.Token h = p.peek();
    if (!ExprParser.isWord(h, "holds")) {
      throw new ExprSyntaxException(h.column(), h.kind() == ExprLexer.Kind.END
          ? "a check needs a temporal operator: eventually, always, never, count, tracks, or '<state> holds for <duration>'"
          : "expected 'holds for', found '" + h.text() + "'");
    }
    p.next();
    p.expectWord("for");
    return new Check.HoldsFor(state, duration(), window());
  }

  private Check count() throws ExprSyntaxException {
    ExprLexer.Token at = p.peek();
    Expr e = p.primary();
    if (!(e instanceof Expr.EventMatch event)) throw new ExprSyntaxException(at.column(), "count counts events: action.… or fault.…");
    ExprLexer.Token opToken = p.next();
    Expr.Op op = ExprParser.comparison(opToken);
    if (op == null) throw new ExprSyntaxException(opToken.column(), "expected a comparison such as >= after the event");
    ExprLexer.Token n = p.next();
    if (n.kind() != ExprLexer.Kind.NUMBER || !n.text().chars().allMatch(Character::isDigit)) {
      throw new ExprSyntaxException(n.column(), "expected a whole number of events");
    }
    return new Check.Count(event, op, Long.parseLong(n.text()), window());
  }

  private Check tracks() throws ExprSyntaxException {
    Expr.Signal twin = signal();
    Expr.Signal rig = signal();
    p.expectWord("within");
    ExprLexer.Token tol = p.next();
    if (tol.kind() != ExprLexer.Kind.NUMBER) throw new ExprSyntaxException(tol.column(), "expected the tolerance, a number in the signals' unit");
    p.expectWord("for");
    return new Check.Tracks(twin, rig, Double.parseDouble(tol.text()), duration(), window());
  }

  private Expr.Signal signal() throws ExprSyntaxException {
    ExprLexer.Token at = p.peek();
    Expr e = p.primary();
    if (!(e instanceof Expr.Signal s)) throw new ExprSyntaxException(at.column(), "expected a signal such as twin.tank.level or rig.tank.level");
    return s;
  }

  private Window window() throws ExprSyntaxException {
    ExprLexer.Token t = p.peek();
    if (ExprParser.isWord(t, "within")) {
      p.next();
      Duration d = duration();
      Anchor from = new Anchor.Start();
      if (ExprParser.isWord(p.peek(), "after")) {
        p.next();
        from = anchor();
      }
      return new Window(from, new Anchor.Offset(from, d), false);
    }
    if (ExprParser.isWord(t, "after")) {
      p.next();
      return new Window(anchor(), new Anchor.End(), false);
    }
    if (ExprParser.isWord(t, "before")) {
      p.next();
      return new Window(new Anchor.Start(), anchor(), true);
    }
    if (ExprParser.isWord(t, "between")) {
      p.next();
      Anchor from = anchor();
      p.expectWord("and");
      return new Window(from, anchor(), false);
    }
    return Window.WHOLE_RUN;
  }

  private Anchor anchor() throws ExprSyntaxException {
    ExprLexer.Token t = p.next();
    Anchor base;
    if (ExprParser.isWord(t, "start")) base = new Anchor.Start();
    else if (ExprParser.isWord(t, "end")) base = new Anchor.End();
    else if (ExprParser.isWord(t, "first")) base = new Anchor.First(p.cmp());
    else if (ExprParser.isWord(t, "last")) base = new Anchor.Last(p.cmp());
    else throw new ExprSyntaxException(t.column(), "expected start, end, first … or last … , found '" + t.text() + "'");
    ExprLexer.Token sign = p.peek();
    if (sign.kind() == ExprLexer.Kind.OP && (sign.text().equals("+") || sign.text().equals("-"))) {
      p.next();
      Duration d = duration();
      return new Anchor.Offset(base, sign.text().equals("+") ? d : d.negated());
    }
    return base;
  }

  private Duration duration() throws ExprSyntaxException {
    ExprLexer.Token t = p.next();
    if (t.kind() != ExprLexer.Kind.DURATION) throw new ExprSyntaxException(t.column(), "expected a duration such as 30s, 2m or 1m30s, found '" + t.text() + "'");
    return ExprLexer.duration(t.text());
  }

  /** The signals and events a check reads, for validating names against a rig model. */
  public static List<Expr> references(Check check) {
    List<Expr> out = new ArrayList<>();
    CheckWalker.collect(check, out);
    return out;
  }
}
