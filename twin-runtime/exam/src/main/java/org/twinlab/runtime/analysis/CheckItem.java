package org.twinlab.runtime.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * One check over the candidates who sat its scenario. A candidate's score on the check is the share
 * of its points earned (0 or 1 for a measurement, mark / 3 for a judgement); a candidate whose check
 * is not scored (indeterminate, pending, unmarked) is left out of it.
 *
 * @param candidates how many candidates' scores on it there are
 * @param passed how many earned all of its points
 * @param p difficulty: the mean score, for a measurement the share who passed; null when nobody was scored
 * @param discrimination the corrected item-total correlation: Pearson's r (point-biserial for a
 *     measurement) between the check's score and the points earned on the scenario's other checks;
 *     null when it is not defined (fewer than two candidates, or no spread in either)
 * @param totalCorrelation the same with the sheet's total, which includes the check itself
 * @param note why a figure is missing, or null
 */
public record CheckItem(String check, String task, String kind, double points, int candidates, int passed, Double p,
    Double discrimination, Double totalCorrelation, List<Flag> flags, String note) {

  /** What an exam body looks at again before the next sitting. */
  public enum Flag {
    /** Every candidate earned all its points: it tells nobody apart. */
    EVERYONE_PASSED,
    /** No candidate earned any of its points. */
    NO_ONE_PASSED,
    /** Candidates who did worse on the rest did better on this one (at least {@value ItemAnalysis#FLAG_FROM} candidates). */
    NEGATIVE_DISCRIMINATION,
    /** It barely follows the rest: r below {@value ItemAnalysis#LOW_DISCRIMINATION} (at least {@value ItemAnalysis#FLAG_FROM} candidates). */
    LOW_DISCRIMINATION;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public CheckItem {
    flags = List.copyOf(flags);
  }

  public JsonObject toJson() {
    return new JsonObject().put("check", check).put("task", task).put("kind", kind).put("points", points)
        .put("candidates", candidates).put("passed", passed).put("p", p).put("discrimination", discrimination)
        .put("totalCorrelation", totalCorrelation).put("flags", new JsonArray(flags.stream().map(Flag::key).toList()))
        .put("note", note);
  }
}
