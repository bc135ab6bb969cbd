package org.twinlab.runtime.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.twinlab.runtime.session.LabSession;
import org.twinlab.runtime.session.SealedSession;
import org.twinlab.runtime.session.StationPlan;
import org.twinlab.runtime.session.StationResult;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;
import org.twinlab.scenarios.score.Scoring;

/**
 * Item analysis after a sitting: for every check of every scenario a session ran, how hard it was
 * (p) and how well it tells stronger candidates from weaker ones (the corrected item-total
 * correlation), and for every judgement how far its examiners agree ({@link MarkAgreement}).
 * Stations are grouped by scenario and version, as their sheets are scored.
 */
public final class ItemAnalysis {
  /** A discrimination below this is flagged as low. */
  public static final double LOW_DISCRIMINATION = 0.2;
  /** Fewer candidates than this tell too little for a discrimination flag. */
  public static final int FLAG_FROM = 5;

  private ItemAnalysis() {}

  /**
   * The analysis of a session of the runtime over the stations {@code include} lets through (an
   * examiner's own, or all of them for staff).
   *
   * @throws IllegalStateException when the session is not sealed, or its evidence does not verify
   */
  public static SessionAnalysis of(LabSession s, java.util.function.Predicate<StationPlan> include, Scoring scoring) {
    if (s.damaged()) throw new IllegalStateException("the evidence of session " + s.id() + " does not verify: " + s.evidence().problem());
    if (!s.ended() || !s.evidence().sealed()) {
      throw new IllegalStateException("session " + s.id() + " is not sealed yet: it is analysed once it has ended");
    }
    List<StationResult> results = s.plan().stations().stream().filter(include).map(p -> s.result(p.id(), u -> u, scoring)).toList();
    return of(s.id(), s.plan().title(), s.evidence().head(), Sitting.started(results));
  }

  /** The analysis of a sealed session read from its evidence alone. */
  public static SessionAnalysis of(SealedSession s) {
    return of(s.plan().id(), s.plan().title(), s.evidenceHead(), Sitting.started(s.results(u -> u)));
  }

  public static SessionAnalysis of(String session, String title, String evidenceHead, List<Sitting> sittings) {
    Map<String, List<Sitting>> byScenario = new LinkedHashMap<>();
    for (Sitting s : sittings) {
      byScenario.computeIfAbsent(s.sheet().scenario() + "@" + s.sheet().version(), k -> new ArrayList<>()).add(s);
    }
    List<ScenarioAnalysis> out = new ArrayList<>();
    byScenario.values().forEach(group -> out.add(scenario(group)));
    return new SessionAnalysis(session, title, evidenceHead, out);
  }

  /** One scenario's stations; their sheets list the same checks in the same order. */
  static ScenarioAnalysis scenario(List<Sitting> group) {
    ScoreSheet first = group.get(0).sheet();
    List<CheckItem> checks = new ArrayList<>();
    List<JudgementAgreement> judgements = new ArrayList<>();
    for (CheckScore c : first.checks()) {
      checks.add(check(c, group));
      if (c.kind() == CheckDef.Kind.JUDGEMENT) judgements.add(MarkAgreement.of(c.check(), group));
    }
    return new ScenarioAnalysis(first.scenario(), first.version(), group.stream().map(Sitting::station).toList(), checks, judgements);
  }

  static CheckItem check(CheckScore def, List<Sitting> group) {
    List<double[]> rows = new ArrayList<>(); // {score on the check, points on the others, sheet total}
    int passed = 0;
    for (Sitting s : group) {
      CheckScore mine = score(s.sheet(), def.check());
      if (mine == null || mine.earned() == null) continue;
      double rest = s.sheet().checks().stream().filter(c -> !c.check().equals(def.check()) && c.earned() != null)
          .mapToDouble(CheckScore::earned).sum();
      double score = mine.earned() / mine.points();
      if (score >= 1 - 1e-9) passed++;
      rows.add(new double[] {score, rest, s.sheet().total()});
    }
    int n = rows.size();
    String kind = def.kind().name().toLowerCase(java.util.Locale.ROOT);
    if (n == 0) return new CheckItem(def.check(), def.task(), kind, def.points(), 0, 0, null, null, null, List.of(), "no candidate was scored on it");
    double[] item = rows.stream().mapToDouble(r -> r[0]).toArray();
    double p = java.util.Arrays.stream(item).average().orElseThrow();
    Double discrimination = correlation(item, rows.stream().mapToDouble(r -> r[1]).toArray());
    Double total = correlation(item, rows.stream().mapToDouble(r -> r[2]).toArray());
    List<CheckItem.Flag> flags = new ArrayList<>();
    String note = null;
    if (passed == n) flags.add(CheckItem.Flag.EVERYONE_PASSED);
    if (java.util.Arrays.stream(item).allMatch(x -> x <= 1e-9)) flags.add(CheckItem.Flag.NO_ONE_PASSED);
    if (discrimination == null) {
      note = n < 2 ? "one candidate: no correlation" : "no spread in its scores or in the other checks': no correlation";
    } else if (n >= FLAG_FROM) {
      if (discrimination < 0) flags.add(CheckItem.Flag.NEGATIVE_DISCRIMINATION);
      else if (discrimination < LOW_DISCRIMINATION) flags.add(CheckItem.Flag.LOW_DISCRIMINATION);
    }
    return new CheckItem(def.check(), def.task(), kind, def.points(), n, passed, p, discrimination, total, flags, note);
  }

  /** Pearson's r, or null where it is not defined (fewer than two pairs, or one side without spread). */
  static Double correlation(double[] x, double[] y) {
    if (x.length < 2 || new TreeSet<>(box(x)).size() < 2 || new TreeSet<>(box(y)).size() < 2) return null;
    double r = new PearsonsCorrelation().correlation(x, y);
    return Double.isNaN(r) ? null : r;
  }

  private static List<Double> box(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }

  private static CheckScore score(ScoreSheet sheet, String check) {
    return sheet.checks().stream().filter(c -> c.check().equals(check)).findFirst().orElse(null);
  }
}
