package org.twinlab.runtime.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.twinlab.runtime.session.Marks;

/**
 * The examiners' agreement on one judgement over the stations of its scenario: Krippendorff's
 * alpha for ordinal data (DKPro Agreement), from every examiner's own mark, not the combined one;
 * and the stations where their marks differ.
 */
final class MarkAgreement {
  private MarkAgreement() {}

  static JudgementAgreement of(String check, List<Sitting> group) {
    TreeSet<String> examiners = new TreeSet<>();
    group.forEach(s -> examiners.addAll(s.marks().getOrDefault(check, Map.of()).keySet()));
    List<String> coders = List.copyOf(examiners);
    CodingAnnotationStudy study = new CodingAnnotationStudy(coders.size());
    List<MarkSpread> spread = new ArrayList<>();
    int units = 0;
    int marks = 0;
    TreeSet<Integer> values = new TreeSet<>();
    for (Sitting s : group) {
      Map<String, Integer> byExaminer = s.marks().getOrDefault(check, Map.of());
      if (byExaminer.size() < 2) continue; // one mark pairs with none: no unit of agreement
      Object[] row = new Object[coders.size()];
      for (int i = 0; i < coders.size(); i++) row[i] = byExaminer.get(coders.get(i));
      study.addItemAsArray(row);
      units++;
      marks += byExaminer.size();
      values.addAll(byExaminer.values());
      int lo = byExaminer.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
      int hi = byExaminer.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
      if (hi > lo) spread.add(new MarkSpread(s.station(), s.candidate(), byExaminer, hi - lo, hi - lo >= Marks.DISAGREEMENT));
    }
    Double alpha = null;
    String note = null;
    if (units == 0) {
      note = "no station has marks by two or more examiners";
    } else if (values.size() < 2) {
      note = "every mark is " + values.first() + ": agreement cannot be told from chance";
    } else {
      try {
        alpha = new KrippendorffAlphaAgreement(study, new OrdinalDistanceFunction()).calculateAgreement();
      } catch (InsufficientDataException e) {
        note = e.getMessage();
      }
    }
    return new JudgementAgreement(check, coders, units, marks, alpha, note, spread);
  }
}
