package org.twinlab.scenarios.standard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twinlab.models.Localized;

/** An occupational standard as data: its levels' functions, weights and clauses. */
public record Standard(String code, Localized name, int passMark, Map<Level, List<SkillFunction>> functions, Map<String, Clause> clauses) {
  private static final Pattern REFERENCE = Pattern.compile("(\\S+) L([1-5]) (\\d+(?:\\.\\d+){1,2})");

  public Standard {
    functions = Map.copyOf(functions);
    clauses = Map.copyOf(clauses);
  }

  /** Resolves a citation such as {@code 4-04-05-10 L5 3.1.3}. */
  public Optional<Clause> clause(String reference) {
    return Optional.ofNullable(clauses.get(reference.trim()));
  }

  /** Why a citation does not resolve, for error messages; empty when it does. */
  public Optional<String> explain(String reference) {
    Matcher m = REFERENCE.matcher(reference.trim());
    if (!m.matches()) return Optional.of("'" + reference + "' is not a clause reference like '" + code + " L5 3.1.3'");
    if (!m.group(1).equals(code)) return Optional.of("standard '" + m.group(1) + "' is not " + code);
    if (clause(reference).isEmpty()) return Optional.of("level " + m.group(2) + " of " + code + " has no clause " + m.group(3));
    return Optional.empty();
  }

  public List<SkillFunction> functions(Level level) {
    return functions.getOrDefault(level, List.of());
  }

  public List<Clause> clauses(Level level) {
    return clauses.values().stream().filter(c -> c.level() == level)
        .sorted(java.util.Comparator.comparing(Clause::code)).toList();
  }
}
