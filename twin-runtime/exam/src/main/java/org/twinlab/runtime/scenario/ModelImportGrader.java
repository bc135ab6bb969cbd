package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.twinlab.models.ModelLoader;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.models.ValueRange;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * Grades a model file a candidate imports (standard clauses L3 2.2.1-2.2.3) against the station's
 * rig: the real model loader reads it, each problem returned at {@code file:line:column}; a model
 * that loads is classified (its kind against the rig's object type), integrated (every signal the
 * station binds finds its property with the same type, and the station's bindings load against it)
 * and its parameters compared with the rig's data sheet (each range and unit of the rig's model).
 *
 * <p>Recorded with {@code loaded}, {@code problems}, {@code model}, {@code kind}, {@code kind_matches},
 * {@code signals}, {@code bound}, {@code integrates}, {@code parameters}, {@code parameters_matched},
 * {@code parameters_right} and {@code parameters_wrong} (the paths, comma-separated), and each
 * problem as {@code problem.<n>}.
 */
public final class ModelImportGrader {
  /** A model file is text a candidate typed or uploaded: large enough for any rig, not for a flood. */
  static final int MAX_CHARS = 64 * 1024;
  private static final int MAX_PROBLEMS_RECORDED = 20;
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}\\.ya?ml");

  private final TwinModel rig;

  /** @param rig the station's rig model: its object type and data sheet */
  public ModelImportGrader(TwinModel rig) {
    this.rig = rig;
  }

  /** Reads the action's fields, refusing a malformed one naming the field. */
  public ModelImportGrader.Submission read(Map<String, Object> fields) {
    for (String k : fields.keySet()) {
      if (!k.equals("file") && !k.equals("text")) throw TwinRequestException.invalid(k, "a model import has file and text and nothing else");
    }
    if (!(fields.get("file") instanceof String file) || !FILE.matcher(file).matches()) {
      throw TwinRequestException.invalid("file", "the model file's name, such as tank-process.yaml (letters, digits, . _ -, ending .yaml)");
    }
    if (!(fields.get("text") instanceof String text) || text.isBlank()) throw TwinRequestException.invalid("text", "the model file's text (YAML)");
    if (text.length() > MAX_CHARS) throw TwinRequestException.invalid("text", "at most " + MAX_CHARS + " characters");
    return new Submission(file, text);
  }

  /** A model file as submitted. */
  public record Submission(String file, String text) {}

  public ActionOutcome grade(Map<String, Object> fields) {
    Submission s = read(fields);
    Map<String, String> result = new LinkedHashMap<>();
    TwinModel imported;
    try {
      imported = ModelLoader.load(s.file(), s.text());
    } catch (InvalidInputException e) {
      List<Problem> problems = e.problems();
      result.put("loaded", "false");
      result.put("problems", Integer.toString(problems.size()));
      for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS_RECORDED); i++) result.put("problem." + (i + 1), problems.get(i).toString());
      return new ActionOutcome(true, s.file() + " does not load: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
          + "\n" + e.getMessage(), result);
    }
    result.put("loaded", "true");
    result.put("problems", "0");
    result.put("model", imported.id());
    result.put("kind", kindName(imported));
    boolean kindMatches = imported.kind() == rig.kind();
    result.put("kind_matches", Boolean.toString(kindMatches));

    List<Binding> signals = standardSignals();
    long bound = signals.stream().filter(b -> sameType(rig.property(b.property()), imported.property(b.property()))).count();
    boolean integrates = imported.id().equals(rig.id()) && bound == signals.size() && bindingsLoad(imported);
    result.put("signals", Integer.toString(signals.size()));
    result.put("bound", Long.toString(bound));
    result.put("integrates", Boolean.toString(integrates));

    List<String> parameters = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (PropertyDef p : rig.properties().values()) {
      if (p.range().isEmpty() && unit(p).isEmpty()) continue;
      parameters.add(p.path());
      if (!sameParameters(p, imported.property(p.path()))) wrong.add(p.path());
    }
    result.put("parameters", Integer.toString(parameters.size()));
    result.put("parameters_matched", Integer.toString(parameters.size() - wrong.size()));
    result.put("parameters_right", Boolean.toString(wrong.isEmpty()));
    result.put("parameters_wrong", String.join(",", wrong));
    return new ActionOutcome(true, s.file() + " loaded: " + imported.id() + ", a " + kindName(imported)
        + (kindMatches ? "" : " (the rig is a " + kindName(rig) + ")") + "; " + bound + " of " + signals.size() + " signals of the station bound"
        + (integrates ? ", integrates" : ", does not integrate") + "; " + (parameters.size() - wrong.size()) + " of " + parameters.size()
        + " parameters as the data sheet" + (wrong.isEmpty() ? "" : " (not: " + String.join(", ", wrong) + ")"), result);
  }

  // ---- internals

  private List<Binding> standardSignals() {
    try {
      return StandardBindings.load(rig, StationNames.simulated(rig.id())).bindings();
    } catch (InvalidInputException | IOException e) {
      throw new IllegalStateException("the standard bindings of " + rig.id() + " do not load", e);
    }
  }

  /** Whether the station's own bindings load against the imported model, as the platform would deploy it. */
  private static boolean bindingsLoad(TwinModel imported) {
    try {
      BindingSet set = StandardBindings.load(imported, StationNames.simulated(imported.id()));
      return !set.bindings().isEmpty();
    } catch (InvalidInputException | IOException e) {
      return false;
    }
  }

  private static boolean sameType(Optional<PropertyDef> want, Optional<PropertyDef> got) {
    return want.isPresent() && got.isPresent() && want.get().type() == got.get().type()
        && want.get().enumValues().equals(got.get().enumValues());
  }

  private static boolean sameParameters(PropertyDef want, Optional<PropertyDef> got) {
    if (got.isEmpty() || !unit(want).equals(unit(got.get()))) return false;
    return sameRange(want.range(), got.get().range());
  }

  private static boolean sameRange(Optional<ValueRange> a, Optional<ValueRange> b) {
    if (a.isEmpty() || b.isEmpty()) return a.isEmpty() == b.isEmpty();
    return Math.abs(a.get().min() - b.get().min()) < 1e-9 && Math.abs(a.get().max() - b.get().max()) < 1e-9;
  }

  private static String unit(PropertyDef p) {
    return Objects.requireNonNullElse(p.unit(), "");
  }

  private static String kindName(TwinModel m) {
    return m.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
