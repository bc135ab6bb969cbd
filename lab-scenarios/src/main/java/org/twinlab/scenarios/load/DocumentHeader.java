package org.twinlab.scenarios.load;

import java.time.Duration;
import java.util.Optional;
import org.twinlab.models.Ids;
import org.twinlab.models.Localized;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;
import org.twinlab.scenarios.check.CheckParser;
import org.twinlab.scenarios.standard.Level;

/**
 * What a scenario file and an exam file both open with — their id, version, title, briefing and
 * level — read one way, so both report the same problems in the same words.
 *
 * @param level empty when absent or not a level (the problem is recorded)
 */
public record DocumentHeader(String id, int version, Localized title, Localized briefing, Optional<Level> level) {

  /**
   * @param idKey the key holding the id ({@code scenario}, {@code exam})
   * @param idExample an id to show when the one given is not an id
   */
  public static DocumentHeader read(YamlMap m, Problems problems, String idKey, String idExample) {
    String id = m.requireString(idKey, problems).orElse("?");
    if (!id.equals("?") && !Ids.isName(id)) {
      m.get(idKey).ifPresent(v -> v.problem(problems, "'" + id + "' is not an id: lower case letters, digits and - (e.g. " + idExample + ")"));
    }
    int version = m.get("version").flatMap(v -> v.asLong(problems)).map(Long::intValue).orElse(1);
    if (version < 1) m.get("version").ifPresent(v -> v.problem(problems, "a version is 1 or more"));
    Localized title = m.require("title", problems).flatMap(v -> ModelLoader.localized(v, problems)).orElse(Localized.of(id));
    Localized briefing = m.get("briefing").flatMap(v -> ModelLoader.localized(v, problems)).orElse(title);
    Optional<Level> level = m.require("level", problems).flatMap(v -> v.asLong(problems).flatMap(n -> {
      Optional<Level> l = Level.of(n);
      if (l.isEmpty()) v.problem(problems, "a level is 5 (entry) to 1 (highest)");
      return l;
    }));
    return new DocumentHeader(id, version, title, briefing, level);
  }

  /** A positive duration in the check language's form, or a problem naming the forms it takes. */
  public static Optional<Duration> duration(YamlValue v, Problems problems, String examples) {
    return v.asString(problems).flatMap(text -> {
      Optional<Duration> d = CheckParser.parseDuration(text).filter(x -> !x.isZero() && !x.isNegative());
      if (d.isEmpty()) v.problem(problems, "a duration such as " + examples);
      return d;
    });
  }
}
