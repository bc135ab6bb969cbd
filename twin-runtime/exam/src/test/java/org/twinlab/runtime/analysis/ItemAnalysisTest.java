package org.twinlab.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.model.CheckDef;
import org.twinlab.scenarios.score.CheckScore;
import org.twinlab.scenarios.score.ScoreSheet;

/**
 * Item analysis on a table small enough to work out by hand; every figure asserted here was
 * computed on paper first (the working is in the comments), so the libraries' answers are checked,
 * not copied.
 *
 * <pre>
 * station  a (1 pt)  b (1 pt)  c (2 pts)  j (3 pts, mark)  raw  sheet total   j: examiners' marks E1 E2 E3
 * s1       1         1         0          3                5    50            3  3  3
 * s2       1         1         0          2                4    40            2  2  3
 * s3       1         1         2          2                6    60            1  2  3
 * s4       0         1         2          1                4    40            1  1  -
 * s5       0         1         2          0                3    30            0  0  1
 * s6       indeterminate on a; it is left out of a, its other checks count
 * </pre>
 */
class ItemAnalysisTest {
  private static final double EXACT = 1e-12;

  @Test
  void difficultyAndCorrectedDiscriminationAreThoseWorkedOutByHand() {
    ScenarioAnalysis a = ItemAnalysis.of("sit-1", "Sitting", "head", fiveCandidates()).scenarios().get(0);
    assertThat(a.candidates()).isEqualTo(5);

    // a: scores 1 1 1 0 0, p = 3/5. Rest (raw - a) = 4 3 5 4 3, mean 3.8.
    // deviations a: .4 .4 .4 -.6 -.6; rest: .2 -.8 1.2 .2 -.8
    // Sxy = .08 - .32 + .48 - .12 + .48 = .6; Sxx = 1.2; Syy = .04 + .64 + 1.44 + .04 + .64 = 2.8
    // r = .6 / sqrt(1.2 * 2.8) = .6 / sqrt(3.36) = 3 / (2 sqrt 21)
    // with the sheet total (50 40 60 40 30, deviations 6 -4 16 -4 -14 tenths): Sxy = 1.8 (in points), Syy = 5.2,
    // r = 1.8 / sqrt(1.2 * 5.2) = 1.8 / sqrt(6.24)
    CheckItem ca = item(a, "a");
    assertThat(ca.candidates()).isEqualTo(5);
    assertThat(ca.passed()).isEqualTo(3);
    assertThat(ca.p()).isCloseTo(0.6, within(EXACT));
    assertThat(ca.discrimination()).isCloseTo(3 / (2 * Math.sqrt(21)), within(EXACT)); // 0.3273
    assertThat(ca.totalCorrelation()).isCloseTo(1.8 / Math.sqrt(6.24), within(EXACT)); // 0.7206
    assertThat(ca.flags()).isEmpty();

    // b: everyone passed, p = 1: no spread, so no correlation, and flagged
    CheckItem cb = item(a, "b");
    assertThat(cb.p()).isEqualTo(1.0);
    assertThat(cb.discrimination()).isNull();
    assertThat(cb.totalCorrelation()).isNull();
    assertThat(cb.flags()).containsExactly(CheckItem.Flag.EVERYONE_PASSED);
    assertThat(cb.note()).contains("no spread");

    // c: scores 0 0 1 1 1 (earned / 2), p = 3/5. Rest (raw - c) = 5 4 4 2 1, mean 3.2.
    // deviations c: -.6 -.6 .4 .4 .4; rest: 1.8 .8 .8 -1.2 -2.2
    // Sxy = -1.08 - .48 + .32 - .48 - .88 = -2.6; Sxx = 1.2; Syy = 3.24 + .64 + .64 + 1.44 + 4.84 = 10.8
    // r = -2.6 / sqrt(12.96) = -2.6 / 3.6 = -13/18: those who did worse on the rest passed it
    // with the sheet total: Sxy = -.36 + .24 + .64 - .16 - .56 = -.2, r = -.2 / sqrt(6.24)
    CheckItem cc = item(a, "c");
    assertThat(cc.p()).isCloseTo(0.6, within(EXACT));
    assertThat(cc.discrimination()).isCloseTo(-13.0 / 18, within(EXACT));
    assertThat(cc.totalCorrelation()).isCloseTo(-0.2 / Math.sqrt(6.24), within(EXACT));
    assertThat(cc.flags()).containsExactly(CheckItem.Flag.NEGATIVE_DISCRIMINATION);

    // j: combined marks 3 2 2 1 0, score mark / 3, p = 8/15. Rest (raw - mark) = 2 2 4 3 3, mean 2.8.
    // deviations mark: 1.4 .4 .4 -.6 -1.6; rest: -.8 -.8 1.2 .2 .2
    // Sxy = -1.12 - .32 + .48 - .12 - .32 = -1.4; Sxx = 5.2; Syy = 2.8; r = -1.4 / sqrt(14.56)
    // with the sheet total: Sxy = .84 - .16 + .64 + .24 + 2.24 = 3.8, Syy = 5.2: r = 3.8 / 5.2 = 19/26
    CheckItem cj = item(a, "j");
    assertThat(cj.kind()).isEqualTo("judgement");
    assertThat(cj.passed()).isEqualTo(1);
    assertThat(cj.p()).isCloseTo(8.0 / 15, within(EXACT));
    assertThat(cj.discrimination()).isCloseTo(-1.4 / Math.sqrt(14.56), within(EXACT));
    assertThat(cj.totalCorrelation()).isCloseTo(19.0 / 26, within(EXACT));
    assertThat(cj.flags()).containsExactly(CheckItem.Flag.NEGATIVE_DISCRIMINATION);
  }

  @Test
  void examinersAgreementIsKrippendorffsOrdinalAlphaWorkedOutByHand() {
    JudgementAgreement j = ItemAnalysis.of("sit-1", "Sitting", "head", fiveCandidates()).scenarios().get(0).judgements().get(0);
    // Pairable marks per station: s1 {3,3,3} s2 {2,2,3} s3 {1,2,3} s4 {1,1} s5 {0,0,1}; n = 14.
    // Coincidences (ordered pairs within a station / (marks there - 1)):
    //   s1: o33 += 3; s2: o22 += 1, o23 = o32 += 1; s3: o12 = o13 = o23 (and mirrors) += .5;
    //   s4: o11 += 2; s5: o00 += 1, o01 = o10 += 1
    // Marginals n0 = 2, n1 = 4, n2 = 3, n3 = 5.
    // Ordinal distances (sum of n_g from c to k less (n_c + n_k) / 2, squared):
    //   d01 = 3^2 = 9, d12 = 3.5^2 = 12.25, d23 = 4^2 = 16, d02 = 6.5^2 = 42.25, d13 = 7.5^2 = 56.25, d03 = 10.5^2 = 110.25
    // Do = 2 (1*9 + .5*12.25 + .5*56.25 + 1.5*16) / 14 = 134.5 / 14
    // De = 2 (2*4*9 + 2*3*42.25 + 2*5*110.25 + 4*3*12.25 + 4*5*56.25 + 3*5*16) / (14 * 13) = 5880 / 182
    // alpha = 1 - Do / De = 1 - 1748.5 / 5880 = 8263 / 11760 = 0.70264
    assertThat(j.check()).isEqualTo("j");
    assertThat(j.examiners()).containsExactly("e1", "e2", "e3");
    assertThat(j.stations()).isEqualTo(5);
    assertThat(j.marks()).isEqualTo(14);
    assertThat(j.alpha()).isCloseTo(8263.0 / 11760, within(EXACT));
    // where the marks differ: s2 and s5 by one, s3 from 1 to 3 (which the sheet flags)
    assertThat(j.spread()).extracting(MarkSpread::station).containsExactly("s2", "s3", "s5");
    assertThat(j.spread()).extracting(MarkSpread::range).containsExactly(1, 2, 1);
    assertThat(j.spread()).extracting(MarkSpread::wide).containsExactly(false, true, false);
    assertThat(j.spread().get(1).marks()).isEqualTo(Map.of("e1", 1, "e2", 2, "e3", 3));
  }

  @Test
  void aCandidateNotScoredOnACheckIsLeftOutOfItOnly() {
    List<Sitting> six = new ArrayList<>(fiveCandidates());
    // s6's a is indeterminate: nothing of it counts for a; on b it passed like everyone
    six.add(sitting("s6", null, 1, 2, 3, 70, Map.of("e1", 3, "e2", 3)));
    ScenarioAnalysis a = ItemAnalysis.of("sit-1", "Sitting", "head", six).scenarios().get(0);
    assertThat(item(a, "a").candidates()).isEqualTo(5);
    assertThat(item(a, "a").p()).isCloseTo(0.6, within(EXACT));
    assertThat(item(a, "b").candidates()).isEqualTo(6);
  }

  @Test
  void figuresThatAreNotDefinedAreMissingWithTheReasonNeverZero() {
    // two candidates who both failed a, and one examiner each on j: nothing to correlate, no pairs of marks
    List<Sitting> two = List.of(sitting("s1", 0, 1, 0, 2, 30, Map.of("e1", 2)), sitting("s2", 0, 1, 2, 3, 60, Map.of("e2", 3)));
    ScenarioAnalysis a = ItemAnalysis.of("sit-2", "Sitting", "head", two).scenarios().get(0);
    assertThat(item(a, "a").flags()).containsExactly(CheckItem.Flag.NO_ONE_PASSED);
    assertThat(item(a, "a").discrimination()).isNull();
    // c splits two candidates, but two are too few for a discrimination flag
    assertThat(item(a, "c").discrimination()).isNotNull();
    assertThat(item(a, "c").flags()).isEmpty();
    JudgementAgreement j = a.judgements().get(0);
    assertThat(j.alpha()).isNull();
    assertThat(j.note()).contains("two or more examiners");
    // all examiners giving the same mark everywhere: agreement cannot be told from chance
    List<Sitting> same = List.of(sitting("s1", 1, 1, 0, 2, 30, Map.of("e1", 2, "e2", 2)),
        sitting("s2", 0, 1, 2, 2, 60, Map.of("e1", 2, "e2", 2)));
    JudgementAgreement k = ItemAnalysis.of("sit-3", "Sitting", "head", same).scenarios().get(0).judgements().get(0);
    assertThat(k.alpha()).isNull();
    assertThat(k.note()).contains("every mark is 2");
  }

  @Test
  void stationsAreAnalysedByTheScenarioTheyRan() {
    List<Sitting> mixed = new ArrayList<>(fiveCandidates());
    ScoreSheet other = new ScoreSheet("other", 2, "L3", List.of(measured("x", 1, 1.0)), List.of(), List.of(), 100, 60, true);
    mixed.add(new Sitting("s9", "cand9", other, Map.of()));
    SessionAnalysis s = ItemAnalysis.of("sit-4", "Sitting", "head", mixed);
    assertThat(s.scenarios()).extracting(ScenarioAnalysis::scenario).containsExactly("demo", "other");
    assertThat(s.scenarios().get(1).stations()).containsExactly("s9");
    assertThat(s.toJson().getJsonArray("scenarios").getJsonObject(0).getJsonArray("checks").getJsonObject(2)
        .getJsonArray("flags")).containsExactly("negative_discrimination");
  }

  @Test
  void theTextTableShowsEachFigureAndFlagAndTheSpread() {
    String table = AnalysisTable.of(ItemAnalysis.of("sit-1", "Sitting", "abc123", fiveCandidates()));
    assertThat(table).contains("Item analysis of session sit-1 (Sitting), sealed abc123")
        .contains("demo v1: 5 candidates (s1, s2, s3, s4, s5)")
        .containsPattern("a +measurement +1 +5 +3 +0\\.60 +0\\.33 +0\\.72\n")
        .containsPattern("b +measurement +1 +5 +5 +1\\.00 +- +- +everyone_passed \\(no spread")
        .containsPattern("c +measurement +2 +5 +3 +0\\.60 +-0\\.72 +-0\\.08 +negative_discrimination")
        .contains("judgement j: alpha 0.70, 3 examiner(s) over 5 station(s), 14 marks")
        .contains("    wide  s3 (cand-s3): e1=1 e2=2 e3=3, range 2")
        .contains("    split s2 (cand-s2): e1=2 e2=2 e3=3, range 1");
  }

  // ---- the table above

  private static List<Sitting> fiveCandidates() {
    return List.of(
        sitting("s1", 1, 1, 0, 3, 50, marks(3, 3, 3)),
        sitting("s2", 1, 1, 0, 2, 40, marks(2, 2, 3)),
        sitting("s3", 1, 1, 2, 2, 60, marks(1, 2, 3)),
        sitting("s4", 0, 1, 2, 1, 40, marks(1, 1, null)),
        sitting("s5", 0, 1, 2, 0, 30, marks(0, 0, 1)));
  }

  private static Map<String, Integer> marks(Integer e1, Integer e2, Integer e3) {
    Map<String, Integer> m = new LinkedHashMap<>();
    if (e1 != null) m.put("e1", e1);
    if (e2 != null) m.put("e2", e2);
    if (e3 != null) m.put("e3", e3);
    return m;
  }

  /** A sheet of the table: a, b earned 0 or 1 (null: indeterminate), c 0 or 2, j the combined mark. */
  private static Sitting sitting(String station, Integer a, int b, int c, int mark, double total, Map<String, Integer> marks) {
    List<CheckScore> checks = List.of(measured("a", 1, a == null ? null : a.doubleValue()), measured("b", 1, (double) b),
        measured("c", 2, (double) c),
        new CheckScore("j", "t2", CheckDef.Kind.JUDGEMENT, "clause", "f", 3, (double) mark, CheckScore.Status.MARKED, "marked"));
    ScoreSheet sheet = new ScoreSheet("demo", 1, "L4", checks, List.of(), List.of(), total, 60, total >= 60);
    return new Sitting(station, "cand-" + station, sheet, Map.of("j", marks));
  }

  private static CheckScore measured(String id, double points, Double earned) {
    CheckScore.Status status = earned == null ? CheckScore.Status.INDETERMINATE : earned > 0 ? CheckScore.Status.PASSED : CheckScore.Status.FAILED;
    return new CheckScore(id, "t1", CheckDef.Kind.MEASUREMENT, "clause", "f", points, earned, status, "because");
  }

  private static CheckItem item(ScenarioAnalysis a, String check) {
    return a.checks().stream().filter(c -> c.check().equals(check)).findFirst().orElseThrow();
  }
}
