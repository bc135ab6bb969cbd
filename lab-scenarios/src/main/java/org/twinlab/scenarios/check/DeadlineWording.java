package org.twinlab.scenarios.check;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.twinlab.models.Localized;
import org.twinlab.models.expr.Expr;

/**
 * Words a check's window as the time limit it sets, in English and Chinese, naming properties and
 * alarms as the rig model does and never naming a hidden fault.
 */
final class DeadlineWording {
  record Wording(Localized text, Optional<Duration> byClock) {}

  private final SignalNames names;

  private DeadlineWording(SignalNames names) {
    this.names = names;
  }

  static Optional<Wording> of(Check check, SignalNames names) {
    Window w = check.window();
    if (w.to() instanceof Anchor.End) return Optional.empty(); // runs to the end of the exam: no limit
    return Optional.of(new Wording(new DeadlineWording(names).window(w, restricts(check)), clockTime(w.to())));
  }

  /** Whether the check forbids something in its window (it lasts until then) rather than asks for it (by then). */
  private static boolean restricts(Check check) {
    if (check instanceof Check.Always || check instanceof Check.Never) return true;
    return check instanceof Check.Count c && c.op() != Expr.Op.GE && c.op() != Expr.Op.GT;
  }

  /** An anchor's time on the exam clock, when it is the start moved by a fixed time. */
  static Optional<Duration> clockTime(Anchor a) {
    if (a instanceof Anchor.Start) return Optional.of(Duration.ZERO);
    if (a instanceof Anchor.Offset o) return clockTime(o.base()).map(d -> d.plus(o.by()));
    return Optional.empty();
  }

  private Localized window(Window w, boolean until) {
    Optional<Duration> toClock = clockTime(w.to()).filter(d -> !(w.to() instanceof Anchor.Start));
    if (w.from() instanceof Anchor.Start && toClock.isPresent()) {
      String clock = clock(toClock.get());
      return until
          ? new Localized("until " + clock + " on the exam clock", "直到考试计时 " + clock)
          : new Localized((w.endExclusive() ? "before " : "by ") + clock + " on the exam clock", "考试计时 " + clock + " 之前");
    }
    if (w.to() instanceof Anchor.Offset o && o.base().equals(w.from()) && !o.by().isNegative() && !w.endExclusive()) {
      Localized from = moment(w.from());
      Localized d = duration(o.by());
      return new Localized((until ? "for " : "within ") + d.en() + " after " + from.en(), from.zh() + "后 " + d.zh() + " 内");
    }
    Localized to = moment(w.to());
    if (w.from() instanceof Anchor.Start) {
      return until
          ? new Localized("until " + to.en(), "直到" + to.zh())
          : new Localized("before " + to.en(), "在" + to.zh() + "之前");
    }
    Localized from = moment(w.from());
    return new Localized("between " + from.en() + " and " + to.en(), "在" + from.zh() + "与" + to.zh() + "之间");
  }

  /** A moment, worded to follow "before", "after" or "between". */
  private Localized moment(Anchor a) {
    Optional<Duration> clock = clockTime(a);
    if (clock.isPresent() && !(a instanceof Anchor.Start)) {
      String c = clock(clock.get());
      return new Localized(c + " on the exam clock", "考试计时 " + c);
    }
    if (a instanceof Anchor.Start) return new Localized("the exam starts", "考试开始");
    if (a instanceof Anchor.End) return new Localized("the exam ends", "考试结束");
    if (a instanceof Anchor.First f) return clause(f.what());
    if (a instanceof Anchor.Last l) {
      Localized c = clause(l.what());
      return new Localized(c.en() + " for the last time", "最后一次" + c.zh());
    }
    Anchor.Offset o = (Anchor.Offset) a;
    Localized base = moment(o.base());
    Localized d = duration(o.by().abs());
    return o.by().isNegative()
        ? new Localized(d.en() + " before " + base.en(), base.zh() + "前 " + d.zh())
        : new Localized(d.en() + " after " + base.en(), base.zh() + "后 " + d.zh());
  }

  /** A state becoming true, or an event happening, as a clause: "“Tank level” reaches 490 mm". */
  private Localized clause(Expr e) {
    if (e instanceof Expr.Signal s && s.name().startsWith("alarm.")) {
      Localized a = alarmName(s);
      return new Localized("the alarm " + a.en() + " is raised", "报警" + a.zh() + "出现");
    }
    if (e instanceof Expr.Not n && n.operand() instanceof Expr.Signal s && s.name().startsWith("alarm.")) {
      Localized a = alarmName(s);
      return new Localized("the alarm " + a.en() + " clears", "报警" + a.zh() + "消除");
    }
    if (e instanceof Expr.Signal s) {
      Localized p = signalName(s);
      return new Localized(p.en() + " becomes true", p.zh() + "变为真");
    }
    if (e instanceof Expr.Not n && n.operand() instanceof Expr.Signal s) {
      Localized p = signalName(s);
      return new Localized(p.en() + " becomes false", p.zh() + "变为假");
    }
    if (e instanceof Expr.Binary b && (b.op() == Expr.Op.AND || b.op() == Expr.Op.OR)) {
      Localized l = clause(b.left());
      Localized r = clause(b.right());
      return b.op() == Expr.Op.AND
          ? new Localized(l.en() + " and " + r.en(), l.zh() + "且" + r.zh())
          : new Localized(l.en() + " or " + r.en(), l.zh() + "或" + r.zh());
    }
    if (e instanceof Expr.Binary b && b.left() instanceof Expr.Signal s && b.right() instanceof Expr.Literal v) {
      return comparison(s, b.op(), v);
    }
    if (e instanceof Expr.Binary b && b.right() instanceof Expr.Signal s && b.left() instanceof Expr.Literal v) {
      return comparison(s, flipped(b.op()), v);
    }
    if (e instanceof Expr.EventMatch m) return event(m);
    String text = text(e);
    return new Localized("“" + text + "” holds", "“" + text + "”成立");
  }

  private Localized comparison(Expr.Signal s, Expr.Op op, Expr.Literal v) {
    Localized p = signalName(s);
    Localized value = value(v, s);
    return switch (op) {
      case GE -> new Localized(p.en() + " reaches " + value.en(), p.zh() + "达到 " + value.zh());
      case GT -> new Localized(p.en() + " rises above " + value.en(), p.zh() + "高于 " + value.zh());
      case LE -> new Localized(p.en() + " falls to " + value.en(), p.zh() + "降到 " + value.zh());
      case LT -> new Localized(p.en() + " falls below " + value.en(), p.zh() + "低于 " + value.zh());
      case EQ -> new Localized(p.en() + " is " + value.en(), p.zh() + "为 " + value.zh());
      case NE -> new Localized(p.en() + " is other than " + value.en(), p.zh() + "不为 " + value.zh());
      default -> {
        String text = text(new Expr.Binary(op, s, v));
        yield new Localized("“" + text + "” holds", "“" + text + "”成立");
      }
    };
  }

  private static Expr.Op flipped(Expr.Op op) {
    return switch (op) {
      case LT -> Expr.Op.GT;
      case LE -> Expr.Op.GE;
      case GT -> Expr.Op.LT;
      case GE -> Expr.Op.LE;
      default -> op;
    };
  }

  private Localized event(Expr.EventMatch m) {
    String kind = m.kind();
    if (kind.startsWith("fault.")) {
      String id = kind.substring("fault.".length());
      boolean cleared = filter(m, "phase").filter("cleared"::equals).isPresent();
      if (names.hidden(id)) {
        return cleared ? new Localized("the rig is back to normal", "装置恢复正常") : new Localized("something goes wrong at the rig", "装置出现异常");
      }
      return cleared
          ? new Localized("the fault “" + pretty(id) + "” is cleared", "故障“" + pretty(id) + "”排除")
          : new Localized("the fault “" + pretty(id) + "” occurs", "故障“" + pretty(id) + "”发生");
    }
    if (kind.startsWith("watch.")) return new Localized("your watch fires", "你设置的监视规则触发");
    String action = kind.substring(kind.indexOf('.') + 1);
    Optional<Localized> property = filter(m, "property").map(this::propertyName);
    if (action.equals("write") && property.isPresent()) {
      return new Localized("you write " + property.get().en(), "你写入" + property.get().zh());
    }
    if (action.equals("binding_edit") && property.isPresent()) {
      return new Localized("you edit the binding of " + property.get().en(), "你修改" + property.get().zh() + "的绑定");
    }
    Optional<String> alarm = filter(m, "alarm");
    if (action.equals("alarm_ack") && alarm.isPresent()) {
      Localized a = alarmName(alarm.get());
      return new Localized("you acknowledge the alarm " + a.en(), "你确认报警" + a.zh());
    }
    String words = pretty(action);
    return new Localized("you take the “" + words + "” action", "你执行“" + words + "”操作");
  }

  /** The value an event filter requires of an attribute ({@code property=pid.setpoint}), if it requires one. */
  private static Optional<String> filter(Expr.EventMatch m, String key) {
    return m.filters().stream().filter(f -> f.key().equals(key) && f.op() == org.twinlab.models.expr.Filter.Op.EQ)
        .map(org.twinlab.models.expr.Filter::value).findFirst();
  }

  private Localized signalName(Expr.Signal s) {
    return propertyName(s.name().substring(s.name().indexOf('.') + 1));
  }

  private Localized propertyName(String path) {
    return names.property(path).map(l -> new Localized("“" + l.en() + "”", "“" + l.zh() + "”"))
        .orElse(Localized.of("“" + path + "”"));
  }

  private Localized alarmName(Expr.Signal s) {
    return alarmName(s.name().substring("alarm.".length()));
  }

  private Localized alarmName(String id) {
    return names.alarm(id).map(l -> new Localized("“" + l.en() + "”", "“" + l.zh() + "”")).orElse(Localized.of("“" + id + "”"));
  }

  private Localized value(Expr.Literal v, Expr.Signal s) {
    String path = s.name().substring(s.name().indexOf('.') + 1);
    if (v.value() instanceof Boolean b) return new Localized(b.toString(), b ? "真" : "假");
    if (v.value() instanceof Number n) {
      String unit = names.unit(path).map(u -> " " + u).orElse("");
      return Localized.of(number(n) + unit);
    }
    return Localized.of("“" + v.value() + "”");
  }

  /** The expression as a check writes it, a hidden fault's name left out. */
  private String text(Expr e) {
    if (e instanceof Expr.Literal l) return l.value() instanceof Number n ? number(n) : String.valueOf(l.value());
    if (e instanceof Expr.Signal s) return s.name();
    if (e instanceof Expr.EventMatch m) {
      if (m.kind().startsWith("fault.") && names.hidden(m.kind().substring("fault.".length()))) return "fault";
      return m.kind() + (m.filters().isEmpty() ? "" : m.filters().stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]")));
    }
    if (e instanceof Expr.Not n) return "not " + text(n.operand());
    if (e instanceof Expr.Negate n) return "-" + text(n.operand());
    if (e instanceof Expr.Abs a) return "abs(" + text(a.operand()) + ")";
    Expr.Binary b = (Expr.Binary) e;
    return text(b.left()) + " " + b.op().text + " " + text(b.right());
  }

  private static String number(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** A clock reading: 3:00, 1:02:30. */
  static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** A span of time: 30 s, 2 min, 1 min 30 s, 500 ms. */
  static Localized duration(Duration d) {
    if (d.toMillis() < 1000 || d.toMillis() % 1000 != 0) return new Localized(d.toMillis() + " ms", d.toMillis() + " 毫秒");
    long s = d.toSeconds();
    long h = s / 3600;
    long m = s / 60 % 60;
    long sec = s % 60;
    StringBuilder en = new StringBuilder();
    StringBuilder zh = new StringBuilder();
    if (h > 0) {
      en.append(h).append(" h");
      zh.append(h).append(" 小时");
    }
    if (m > 0) {
      en.append(en.length() > 0 ? " " : "").append(m).append(" min");
      zh.append(zh.length() > 0 ? " " : "").append(m).append(sec > 0 || h > 0 ? " 分" : " 分钟");
    }
    if (sec > 0) {
      en.append(en.length() > 0 ? " " : "").append(sec).append(" s");
      zh.append(zh.length() > 0 ? " " : "").append(sec).append(" 秒");
    }
    return new Localized(en.toString(), zh.toString());
  }

  /** An identifier as words: inlet_stuck → inlet stuck. */
  static String pretty(String id) {
    return id.replace('_', ' ').replace('-', ' ');
  }
}
