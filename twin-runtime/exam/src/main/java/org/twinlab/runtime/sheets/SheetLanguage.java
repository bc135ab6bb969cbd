package org.twinlab.runtime.sheets;

import java.util.Locale;
import java.util.Map;
import org.twinlab.models.Localized;
import org.twinlab.scenarios.model.Skill;
import org.twinlab.scenarios.standard.Level;

/**
 * The language a score sheet is printed in: English or Chinese, the two the exams and their
 * standard are written in. The sheet's own words come from here; the scenario's and the
 * standard's texts from their {@link Localized} pairs.
 */
public enum SheetLanguage {
  EN("en"), ZH("zh-CN");

  private final String tag;

  SheetLanguage(String tag) {
    this.tag = tag;
  }

  /** The page's {@code lang} attribute. */
  public String tag() {
    return tag;
  }

  /**
   * The language asked for: a {@code lang} query parameter ("zh", "zh-CN", "en") wins, then the
   * first language of an Accept-Language header that is one of the two; English otherwise.
   */
  public static SheetLanguage of(String query, String acceptLanguage) {
    if (query != null && !query.isBlank()) return query.trim().toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    if (acceptLanguage != null) {
      for (String part : acceptLanguage.split(",")) {
        String l = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (l.startsWith("zh")) return ZH;
        if (l.startsWith("en")) return EN;
      }
    }
    return EN;
  }

  /** One of the two texts. */
  public String pick(Localized text) {
    if (text == null) return "";
    return this == ZH && text.zh() != null && !text.zh().isBlank() ? text.zh() : text.en();
  }

  /** One of the sheet's own words, by its key. */
  String w(String key) {
    Map<String, String> words = this == ZH ? ZH_WORDS : EN_WORDS;
    String s = words.get(key);
    if (s == null) throw new IllegalArgumentException("no sheet word " + key);
    return s;
  }

  /** The keys of the sheet's own words in this language: both languages have the same. */
  java.util.Set<String> keys() {
    return (this == ZH ? ZH_WORDS : EN_WORDS).keySet();
  }

  /** A formatted sentence of the sheet's, its pattern by key. */
  String f(String key, Object... args) {
    return String.format(Locale.ROOT, w(key), args);
  }

  public String level(Level level) {
    return this == ZH ? level.zh() : EN_LEVELS.get(level);
  }

  /** A level as a sheet spells it ("L4"), named; an unknown spelling as it is. */
  public String level(String spelled) {
    if (spelled != null && spelled.length() == 2 && spelled.charAt(0) == 'L' && Character.isDigit(spelled.charAt(1))) {
      return Level.of(spelled.charAt(1) - '0').map(this::level).orElse(spelled);
    }
    return spelled;
  }

  public String skill(Skill skill) {
    return this == ZH ? ZH_SKILLS.get(skill) : skill.key();
  }

  /** A role as the API spells it ("examiner"), in this language. */
  public String role(String role) {
    if (this == EN || role == null) return role;
    return ZH_ROLES.getOrDefault(role.toLowerCase(Locale.ROOT), role);
  }

  /**
   * Why a check scored as it did, in this language where the scoring worded it (the check
   * evaluator's sentences, not marked, not judged, marked n of 3, a guard's reason); a check's own
   * explanation stays as its check wrote it. The pages translate the same sentences in
   * webroot/i18n-codes.js.
   */
  public String reason(String because) {
    if (this == EN || because == null) return because;
    for (Map.Entry<java.util.regex.Pattern, java.util.function.Function<java.util.regex.Matcher, String>> r : REASONS_ZH) {
      java.util.regex.Matcher m = r.getKey().matcher(because);
      if (m.matches()) return r.getValue().apply(m);
    }
    return because;
  }

  private static Map.Entry<java.util.regex.Pattern, java.util.function.Function<java.util.regex.Matcher, String>> zh(String pattern,
      java.util.function.Function<java.util.regex.Matcher, String> say) {
    return Map.entry(java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.DOTALL), say);
  }

  /** The scoring's reasons and their Chinese, the more specific pattern first. */
  private static final java.util.List<Map.Entry<java.util.regex.Pattern, java.util.function.Function<java.util.regex.Matcher, String>>>
      REASONS_ZH = java.util.List.of(
      zh("waiting for the window to open", m -> "等待时间窗口开启"),
      zh("the window opens at (\\S+ s)", m -> "时间窗口于 " + m.group(1) + " 开启"),
      zh("the window never opened", m -> "时间窗口从未开启"),
      zh("not yet true", m -> "尚未成立"),
      zh("not true so far", m -> "目前尚未成立"),
      zh("true so far", m -> "目前一直成立"),
      zh("true at (\\S+ s)", m -> "于 " + m.group(1) + " 成立"),
      zh("(true|false) at (\\S+ s)(?:: (.*))?", m -> "于 " + m.group(2) + " 为" + (m.group(1).equals("true") ? "真" : "假")
          + (m.group(3) != null ? "：" + m.group(3) : "")),
      zh("never seen true, but the platform could not see part of the window", m -> "未见成立，但平台未能观测到部分时间窗口"),
      zh("never true between (\\S+ s) and (\\S+ s)", m -> "在 " + m.group(1) + " 至 " + m.group(2) + " 之间从未成立"),
      zh("held while seen, but the platform could not see part of the window", m -> "观测期间一直成立，但平台未能观测到部分时间窗口"),
      zh("never true from (\\S+ s) to (\\S+ s)", m -> "从 " + m.group(1) + " 到 " + m.group(2) + " 从未成立"),
      zh("true throughout from (\\S+ s) to (\\S+ s)", m -> "从 " + m.group(1) + " 到 " + m.group(2) + " 始终成立"),
      zh("held for (\\S+ s) from (\\S+ s)", m -> "自 " + m.group(2) + " 起保持 " + m.group(1)),
      zh("longest so far (\\S+ s) of (\\S+ s)", m -> "目前最长保持 " + m.group(1) + "（要求 " + m.group(2) + "）"),
      zh("could have held for (\\S+ s), but the platform could not see part of it", m -> "可能已保持 " + m.group(1) + "，但平台未能观测到其中一部分"),
      zh("held for at most (\\S+ s) of (\\S+ s)", m -> "最多保持 " + m.group(1) + "（要求 " + m.group(2) + "）"),
      zh("(\\d+) by (\\S+ s), more than allowed", m -> "到 " + m.group(2) + " 已 " + m.group(1) + " 次，超过允许次数"),
      zh("(\\d+) by (\\S+ s)", m -> "到 " + m.group(2) + " 已 " + m.group(1) + " 次"),
      zh("(\\d+) so far", m -> "目前 " + m.group(1) + " 次"),
      zh("(\\d+) (\\S+?)(?: events)? in the window(?:, the last at (\\S+ s))?", m -> "时间窗口内 " + m.group(1) + " 次 " + m.group(2)
          + (m.group(3) != null ? "，最后一次于 " + m.group(3) : "")),
      zh("not marked yet", m -> "尚未评分"),
      zh("not judged", m -> "尚未判定"),
      zh("marked (\\d+) of (\\d+)", m -> "评分 " + m.group(1) + " / " + m.group(2)),
      zh("guards '([^']*)', not decided yet", m -> "所保护的 '" + m.group(1) + "' 尚未评定"),
      zh("guards '([^']*)', which earned nothing: (.*)", m -> "所保护的 '" + m.group(1) + "' 未得分：" + ZH.reason(m.group(2))));

  /** An artefact's kind (plan, procedure, training, report, design), as the sheet names it. */
  public String artefactKind(String kind) {
    if (this == EN || kind == null) return kind;
    return ZH_ARTEFACT_KINDS.getOrDefault(kind, kind);
  }

  /**
   * What a graded suite found, in this language: the grader's own English sentence, or in Chinese
   * the same counts read from its result (detected, variants, false_failures, cases, driven_cases).
   */
  public String suiteDetail(String kind, String detail, Map<String, String> result) {
    if (this == EN || !result.containsKey("detected")) return detail;
    String s = String.format(Locale.ROOT, "检出 %s / %s 个%s，%s 次误报，共 %s 个用例", result.get("detected"), result.get("variants"),
        ZH_VARIANTS.getOrDefault(kind, "变体"), result.getOrDefault("false_failures", "0"), result.getOrDefault("cases", "0"));
    return result.containsKey("driven_cases") ? s + "，其中 " + result.get("driven_cases") + " 个经孪生体驱动" : s;
  }

  private static final Map<String, String> ZH_ARTEFACT_KINDS = Map.of("plan", "计划", "procedure", "规程", "training", "培训材料",
      "report", "报告", "design", "设计");
  private static final Map<String, String> ZH_VARIANTS = Map.of("test_suite", "故障变体", "security_suite", "不安全变体",
      "mapping_test", "错误映射");

  /** A station's state (ready, running, paused, ended). */
  public String state(String state) {
    return w("state." + state.toLowerCase(Locale.ROOT));
  }

  /** A check's status (passed, failed, …). */
  public String status(String status) {
    return w("status." + status.toLowerCase(Locale.ROOT));
  }

  private static final Map<Level, String> EN_LEVELS = Map.of(Level.L5, "Level 5 (junior worker)", Level.L4, "Level 4 (intermediate worker)",
      Level.L3, "Level 3 (senior worker)", Level.L2, "Level 2 (technician)", Level.L1, "Level 1 (senior technician)");
  private static final Map<Skill, String> ZH_SKILLS = Map.of(Skill.INSTALL, "安装部署", Skill.MONITOR, "监测", Skill.DEBUG, "调试",
      Skill.TEST, "测试", Skill.OPERATE, "运行维护", Skill.DEVELOP, "开发");
  private static final Map<String, String> ZH_ROLES = Map.of("admin", "管理员", "trainer", "培训师", "examiner", "考评员", "candidate", "考生");

  private static final Map<String, String> EN_WORDS = Map.ofEntries(
      Map.entry("scoreSheet", "Score sheet"), Map.entry("examSheet", "Exam sheet"),
      Map.entry("candidate", "Candidate"), Map.entry("session", "Session"), Map.entry("scenario", "Scenario"),
      Map.entry("levelAndSkill", "Level and skill"), Map.entry("station", "Station"), Map.entry("evidence", "Evidence"),
      Map.entry("exam", "Exam"), Map.entry("levelAndTime", "Level and time"),
      Map.entry("sessionValue", "%s (%s), station %s"), Map.entry("clauses", "clauses"),
      Map.entry("sealed", "sealed chain, head "), Map.entry("notSealed", "chain (not sealed yet), head "),
      Map.entry("clockEntry", "; %s at %s by %s"),
      Map.entry("notStarted", "Not started: nothing decided yet — pass mark %.0f"),
      Map.entry("provisional", "Provisional — %s of %s decided points earned (%s possible); total so far %.1f, secured %.1f of 100 "
          + "— pass mark %.0f — no result until every check is decided (%d not final)"),
      Map.entry("total", "Total %.1f of 100 — pass mark %.0f — %s"), Map.entry("PASSED", "PASSED"), Map.entry("FAILED", "FAILED"),
      Map.entry("functions", "Functions"), Map.entry("function", "Function"), Map.entry("weight", "Weight"), Map.entry("score", "Score"),
      Map.entry("tasksAndChecks", "Tasks and checks"), Map.entry("weightOf", "weight %s, "), Map.entry("notScoredYet", "not scored yet"),
      Map.entry("check", "Check"), Map.entry("clause", "Clause"), Map.entry("points", "Points"), Map.entry("earned", "Earned"),
      Map.entry("status", "Status"), Map.entry("because", "Because"), Map.entry("examinersCount", " [%d examiner(s)]"),
      Map.entry("marksHeading", "Examiners' marks"), Map.entry("noJudgement", "No judgement in this scenario."),
      Map.entry("noMarkYet", "No judgement marked yet."), Map.entry("aspect", "Aspect"), Map.entry("marks03", "Marks (0-3)"),
      Map.entry("combined", "Combined (median)"), Map.entry("descriptor", "Descriptor of the mark"),
      Map.entry("disagree", "examiners disagree by 2 or more"), Map.entry("notMarkedYet", "not marked yet"),
      Map.entry("excerpts", "Evidence excerpts"), Map.entry("faults", "Faults"), Map.entry("noFault", "None injected."),
      Map.entry("fault", "Fault"), Map.entry("kind", "Kind"), Map.entry("target", "Target"), Map.entry("injected", "Injected"),
      Map.entry("cleared", "Cleared"), Map.entry("actionsOf", "Actions (%d of %d)"), Map.entry("time", "Time"), Map.entry("who", "Who"),
      Map.entry("action", "Action"), Map.entry("details", "Details"), Map.entry("outcome", "Outcome"), Map.entry("taken", "taken"),
      Map.entry("refused", "refused: "), Map.entry("interventions", "Interventions by staff (%d)"), Map.entry("none", "None."),
      Map.entry("notCandidates", "Not the candidate's work: no check counts them."), Map.entry("role", "Role"),
      Map.entry("drawnFrom", "Drawn from the session's evidence log; <code>twinlab evidence verify</code> checks it."),
      Map.entry("signatures", "Signatures"), Map.entry("examiner", "Examiner"), Map.entry("signature", "Signature"),
      Map.entry("date", "Date"), Map.entry("noExaminer", "No examiner named for this station."),
      Map.entry("state.ready", "not started"), Map.entry("state.running", "running"), Map.entry("state.paused", "paused"),
      Map.entry("state.ended", "ended"),
      Map.entry("status.passed", "passed"), Map.entry("status.failed", "failed"), Map.entry("status.indeterminate", "indeterminate"),
      Map.entry("status.pending", "pending"), Map.entry("status.marked", "marked"), Map.entry("status.unmarked", "unmarked"),
      Map.entry("status.notstarted", "not started"),
      Map.entry("minutesParts", "%s; %d minutes; %d parts, %s"), Map.entry("givenOrder", "in the exam's order"),
      Map.entry("pickedOrder", "in the order the candidate picks"), Map.entry("total.row", "Total"), Map.entry("possible", "Possible"),
      Map.entry("notDecided", "Not decided"), Map.entry("contribution", "Contribution"), Map.entry("result", "Result"),
      Map.entry("examProvisional", "Provisional — total so far %.1f of 100 with %s point(s) not decided yet — pass mark %.0f — no result "
          + "until every point is decided"),
      Map.entry("examNotStarted", "Not started: no part begun, nothing decided yet — pass mark %.0f"),
      Map.entry("part", "Part %d: %s"), Map.entry("partMinutes", "%d minutes — "), Map.entry("neverStarted", "never started, nothing earned — "),
      Map.entry("partPoints", "%s of %s points"),
      Map.entry("contributionNote", "A function's contribution is its weight × the points earned over the points possible on every "
          + "check of every part that scores for it; points not decided yet count as possible, never as earned."),
      Map.entry("artefacts", "Artefacts for the review panel"), Map.entry("handedIn", "%s, handed in at %s by %s"),
      Map.entry("wordsAndSections", "%s words; sections written: %s"), Map.entry("noSections", "none"),
      Map.entry("figure", "Figure"), Map.entry("value", "Value"),
      Map.entry("suite.test_suite", "Test suite"), Map.entry("suite.security_suite", "Security script"),
      Map.entry("suite.mapping_test", "Mapping test"), Map.entry("submitted", "%s submitted at %s by %s: "),
      Map.entry("case", "Case"), Map.entry("correctTwin", "Correct twin"), Map.entry("pass", "pass"),
      Map.entry("falseFailure", "false failure: "), Map.entry("caught", "caught"), Map.entry("caughtBy", "Caught by case"),
      Map.entry("noCase", "none"));

  private static final Map<String, String> ZH_WORDS = Map.ofEntries(
      Map.entry("scoreSheet", "成绩单"), Map.entry("examSheet", "考试成绩单"),
      Map.entry("candidate", "考生"), Map.entry("session", "场次"), Map.entry("scenario", "考核场景"),
      Map.entry("levelAndSkill", "等级与技能"), Map.entry("station", "工位"), Map.entry("evidence", "证据"),
      Map.entry("exam", "考试"), Map.entry("levelAndTime", "等级与时长"),
      Map.entry("sessionValue", "%s（%s），工位 %s"), Map.entry("clauses", "条款"),
      Map.entry("sealed", "已封存的证据链，链头 "), Map.entry("notSealed", "证据链（尚未封存），链头 "),
      Map.entry("clockEntry", "；%s 于 %s，操作人 %s"),
      Map.entry("notStarted", "未开始：尚无任何评定 — 及格线 %.0f"),
      Map.entry("provisional", "暂定 — 已评定的 %2$s 分中得 %1$s 分（可得 %3$s 分）；目前总分 %4$.1f，已确保 %5$.1f（满分 100）"
          + " — 及格线 %6$.0f — 所有检查评定后才有结果（%7$d 项未定）"),
      Map.entry("total", "总分 %.1f（满分 100）— 及格线 %.0f — %s"), Map.entry("PASSED", "合格"), Map.entry("FAILED", "不合格"),
      Map.entry("functions", "职业功能"), Map.entry("function", "职业功能"), Map.entry("weight", "权重"), Map.entry("score", "得分"),
      Map.entry("tasksAndChecks", "任务与检查"), Map.entry("weightOf", "权重 %s，"), Map.entry("notScoredYet", "尚未评分"),
      Map.entry("check", "检查"), Map.entry("clause", "条款"), Map.entry("points", "分值"), Map.entry("earned", "得分"),
      Map.entry("status", "状态"), Map.entry("because", "依据"), Map.entry("examinersCount", " [%d 名考评员]"),
      Map.entry("marksHeading", "考评员评分"), Map.entry("noJudgement", "本场景无评判项。"),
      Map.entry("noMarkYet", "尚无评判项被评分。"), Map.entry("aspect", "评判内容"), Map.entry("marks03", "评分（0-3）"),
      Map.entry("combined", "综合（中位数）"), Map.entry("descriptor", "评分说明"),
      Map.entry("disagree", "考评员评分相差 2 分或以上"), Map.entry("notMarkedYet", "尚未评分"),
      Map.entry("excerpts", "证据摘录"), Map.entry("faults", "故障"), Map.entry("noFault", "未注入故障。"),
      Map.entry("fault", "故障"), Map.entry("kind", "类型"), Map.entry("target", "对象"), Map.entry("injected", "注入时间"),
      Map.entry("cleared", "清除时间"), Map.entry("actionsOf", "操作（%d / %d）"), Map.entry("time", "时间"), Map.entry("who", "操作人"),
      Map.entry("action", "操作"), Map.entry("details", "详情"), Map.entry("outcome", "结果"), Map.entry("taken", "已执行"),
      Map.entry("refused", "被拒绝："), Map.entry("interventions", "工作人员的干预（%d）"), Map.entry("none", "无。"),
      Map.entry("notCandidates", "非考生的操作：不计入任何检查。"), Map.entry("role", "角色"),
      Map.entry("drawnFrom", "摘自本场次的证据日志；可用 <code>twinlab evidence verify</code> 校验。"),
      Map.entry("signatures", "签名"), Map.entry("examiner", "考评员"), Map.entry("signature", "签名"),
      Map.entry("date", "日期"), Map.entry("noExaminer", "本工位未指定考评员。"),
      Map.entry("state.ready", "未开始"), Map.entry("state.running", "进行中"), Map.entry("state.paused", "已暂停"),
      Map.entry("state.ended", "已结束"),
      Map.entry("status.passed", "通过"), Map.entry("status.failed", "未通过"), Map.entry("status.indeterminate", "无法判定"),
      Map.entry("status.pending", "待定"), Map.entry("status.marked", "已评分"), Map.entry("status.unmarked", "未评分"),
      Map.entry("status.notstarted", "未开始"),
      Map.entry("minutesParts", "%s；%d 分钟；%d 个部分，%s"), Map.entry("givenOrder", "按考试规定的顺序"),
      Map.entry("pickedOrder", "按考生选择的顺序"), Map.entry("total.row", "合计"), Map.entry("possible", "可得"),
      Map.entry("notDecided", "未定"), Map.entry("contribution", "贡献"), Map.entry("result", "结果"),
      Map.entry("examProvisional", "暂定 — 目前总分 %.1f（满分 100），%s 分尚未评定 — 及格线 %.0f — 所有分数评定后才有结果"),
      Map.entry("examNotStarted", "未开始：尚无部分开始，尚无任何评定 — 及格线 %.0f"),
      Map.entry("part", "第 %d 部分：%s"), Map.entry("partMinutes", "%d 分钟 — "), Map.entry("neverStarted", "从未开始，未得分 — "),
      Map.entry("partPoints", "%s / %s 分"),
      Map.entry("contributionNote", "职业功能的贡献 = 权重 × 各部分中计入该功能的所有检查的得分 / 可得分；尚未评定的分数计为可得，不计为已得。"),
      Map.entry("artefacts", "供评审组审阅的成果物"), Map.entry("handedIn", "%s，%s 由 %s 提交"),
      Map.entry("wordsAndSections", "%s 字；已写章节：%s"), Map.entry("noSections", "无"),
      Map.entry("figure", "数据项"), Map.entry("value", "数值"),
      Map.entry("suite.test_suite", "测试用例集"), Map.entry("suite.security_suite", "安全测试脚本"),
      Map.entry("suite.mapping_test", "映射测试"), Map.entry("submitted", "%s 于 %s 由 %s 提交："),
      Map.entry("case", "用例"), Map.entry("correctTwin", "正确的孪生体"), Map.entry("pass", "通过"),
      Map.entry("falseFailure", "误报："), Map.entry("caught", "检出"), Map.entry("caughtBy", "检出该变体的用例"),
      Map.entry("noCase", "无"));
}
