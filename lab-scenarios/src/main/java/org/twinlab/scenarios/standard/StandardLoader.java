package org.twinlab.scenarios.standard;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.Localized;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problems;
import org.twinlab.models.yaml.YamlDocument;
import org.twinlab.models.yaml.YamlMap;
import org.twinlab.models.yaml.YamlValue;

/** Reads a standard's YAML; checks that weights add to 100 and every clause names a function. */
public final class StandardLoader {
  private StandardLoader() {}

  /** The Digital Twin Application Technician standard shipped with twinlab. */
  public static Standard digitalTwinTechnician() {
    return builtIn("4-04-05-10");
  }

  public static Standard builtIn(String code) {
    var in = StandardLoader.class.getResourceAsStream("/standards/" + code + ".yaml");
    if (in == null) throw new IllegalArgumentException("no built-in standard " + code);
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return load("standards/" + code + ".yaml", r);
    } catch (InvalidInputException | java.io.IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public static Standard load(String source, Reader text) throws InvalidInputException {
    return YamlDocument.parse(source, text).readMapping(StandardLoader::read);
  }

  private static Standard read(YamlMap m, Problems problems) {
    String code = m.requireString("code", problems).orElse("?");
    Localized name = m.require("name", problems).flatMap(v -> ModelLoader.localized(v, problems)).orElse(Localized.of(code));
    int pass = m.get("pass_mark").flatMap(v -> v.asLong(problems)).map(Long::intValue).orElse(60);
    Map<Level, List<SkillFunction>> functions = new EnumMap<>(Level.class);
    Map<String, Clause> clauses = new HashMap<>();
    for (YamlValue lv : m.require("levels", problems).map(v -> v.asList(problems)).orElse(List.of())) {
      lv.asMap(problems).ifPresent(l -> readLevel(code, l, problems, functions, clauses));
    }
    m.rejectUnknown(problems);
    return new Standard(code, name, pass, functions, clauses);
  }

  private static void readLevel(String code, YamlMap l, Problems problems, Map<Level, List<SkillFunction>> functions, Map<String, Clause> clauses) {
    Optional<YamlValue> levelNode = l.require("level", problems);
    Optional<Level> level = levelNode.flatMap(v -> v.asLong(problems)).flatMap(Level::of);
    if (levelNode.isPresent() && level.isEmpty()) levelNode.get().problem(problems, "levels are 1 to 5");
    if (level.isEmpty()) return;
    List<SkillFunction> fs = l.list("functions", problems, (v, p) -> v.asMap(p).flatMap(f -> {
      Optional<Long> number = f.require("number", p).flatMap(n -> n.asLong(p));
      Optional<String> key = f.requireString("key", p);
      Optional<Long> weight = f.require("weight", p).flatMap(w -> w.asLong(p));
      Optional<Localized> fname = f.require("name", p).flatMap(n -> ModelLoader.localized(n, p));
      f.rejectUnknown(p);
      if (number.isEmpty() || key.isEmpty() || weight.isEmpty() || fname.isEmpty()) return Optional.empty();
      return Optional.of(new SkillFunction(level.get(), number.get().intValue(), key.get(), weight.get().intValue(), fname.get()));
    }));
    int total = fs.stream().mapToInt(SkillFunction::weight).sum();
    if (total != 100) l.get("functions").ifPresent(v -> v.problem(problems, "weights add up to " + total + ", not 100"));
    functions.put(level.get(), List.copyOf(fs));
    for (YamlValue cv : l.get("clauses").map(v -> v.asList(problems)).orElse(List.of())) {
      cv.asMap(problems).ifPresent(c -> {
        Optional<YamlValue> codeNode = c.require("code", problems);
        Optional<String> clauseCode = codeNode.flatMap(v -> v.text());
        Optional<String> title = c.requireString("en", problems);
        Optional<String> titleZh = c.requireString("zh", problems);
        c.rejectUnknown(problems);
        if (clauseCode.isEmpty() || title.isEmpty() || titleZh.isEmpty()) return;
        int fn = Integer.parseInt(clauseCode.get().split("\\.")[0]);
        Optional<SkillFunction> f = fs.stream().filter(x -> x.number() == fn).findFirst();
        if (f.isEmpty()) {
          codeNode.get().problem(problems, "level " + level.get().number() + " has no function " + fn);
          return;
        }
        Clause clause = new Clause(code, level.get(), clauseCode.get(), f.get(), new Localized(title.get(), titleZh.get()));
        if (clauses.put(clause.reference(), clause) != null) codeNode.get().problem(problems, "clause " + clause.code() + " appears twice");
      });
    }
  }
}
