package org.twinlab.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.networknt.schema.JsonNodePath;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;

/**
 * The ```yaml examples of a Markdown file, each checked as a scenario or a part of one: a whole
 * scenario as it stands; a part (a fault, a setup, a binding, a task, a check, a reference step,
 * a test suite's cases) put into a small scenario on the first rig model it fits. Each must load
 * and match the JSON Schema; what is wrong is told at the example's line in the Markdown file.
 */
final class ReadmeExamples {
  /** One fenced block: its first line of YAML in the file, and its text. */
  record Example(String file, int line, String text) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /** A fence opening a YAML block, indented as in a list item or not, with or without words after the language. */
  private static final Pattern FENCE_OPEN = Pattern.compile("^( *)```(?:yaml|yml)(?:\\s.*)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLAUSE = Pattern.compile("4-04-05-10 L([1-5]) [0-9]+(?:\\.[0-9]+)*");
  private static final List<String> TOP_LEVEL = List.of("scenario", "version", "title", "briefing", "level", "skill", "clauses",
      "rig", "time_limit", "pass_mark", "setup", "faults", "tasks", "reference", "judgements");
  /** The rigs a part is tried on, in order, when it does not name one. */
  private static final List<String> RIGS = List.of("tank-process", "conveyor-sorting", "motor-vibration", "[tank-process, motor-vibration]");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScenarioLoader loader;
  private final JsonSchema schema;

  ReadmeExamples(ScenarioLoader loader, JsonSchema schema) {
    this.loader = loader;
    this.schema = schema;
  }

  static List<Example> extract(String file, String markdown) {
    List<Example> out = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE_OPEN.matcher(lines[i]);
      if (!open.matches()) continue;
      int indent = open.group(1).length();
      int start = i + 1;
      int end = start;
      while (end < lines.length && !lines[end].stripLeading().startsWith("```")) end++;
      if (end == lines.length) throw new IllegalArgumentException(file + ":" + (i + 1) + ": a ```yaml block that is never closed");
      StringBuilder text = new StringBuilder();
      for (String line : List.of(lines).subList(start, end)) {
        int cut = 0;
        while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') cut++;
        text.append(line.substring(cut)).append('\n');
      }
      out.add(new Example(file, start + 1, text.toString()));
      i = end;
    }
    return out;
  }

  /** What is wrong with the example, each problem at its line in the Markdown file; empty if nothing. */
  Optional<String> problems(Example e) {
    Object parsed;
    try {
      parsed = new Load(LoadSettings.builder().build()).loadFromString(e.text());
    } catch (RuntimeException ex) {
      return Optional.of(e + ": not YAML: " + ex.getMessage());
    }
    if (parsed instanceof Map<?, ?> m && m.containsKey("exam")) return examProblems(e);
    Optional<Wrapping> wrapping = wrapping(parsed);
    if (wrapping.isEmpty()) {
      return Optional.of(e + ": cannot tell which part of a scenario this is (a whole scenario, its top-level fields, a fault, "
          + "a binding, a task, a check, a reference step or test cases); put text that is no scenario in a ```text block");
    }
    Set<String> keys = parsed instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
    boolean namesItsRig = wrapping.get().replaces().isEmpty() && keys.contains("rig");
    String best = null;
    int fewest = Integer.MAX_VALUE;
    for (String rig : namesItsRig ? List.of("") : RIGS) {
      Wrapped w = wrapping.get().wrap(e.text(), keys, rig, clauses(e.text()), judged(parsed));
      List<String> found = check(e, w);
      if (found.isEmpty()) return Optional.empty();
      if (found.size() < fewest) {
        fewest = found.size();
        best = String.join("\n", found) + (rig.isEmpty() ? "" : "\n  (as a part of a scenario on rig " + rig + ", the one it fitted best)");
      }
    }
    return Optional.of(best);
  }

  /** An exam file: it loads against the standard and the library's scenarios, each problem at its line. */
  private Optional<String> examProblems(Example e) {
    var standard = org.twinlab.scenarios.standard.StandardLoader.digitalTwinTechnician();
    try {
      new org.twinlab.scenarios.exam.ExamLoader(standard, ScenarioLibrary.load(new ScenarioLoader(standard)))
          .load(e.file(), new StringReader(e.text()));
      return Optional.empty();
    } catch (InvalidInputException ex) {
      return Optional.of(String.join("\n", ex.problems().stream().map(p -> e.file() + ":" + (e.line() + p.location().line() - 1) + ": "
          + (p.field().isEmpty() ? "" : p.field() + ": ") + p.message()).toList()));
    }
  }

  private List<String> check(Example e, Wrapped w) {
    List<String> found = new ArrayList<>();
    try {
      loader.load(e.file(), new StringReader(w.text()));
    } catch (InvalidInputException ex) {
      for (Problem p : ex.problems()) {
        int line = Math.max(e.line(), e.line() + p.location().line() - 1 - w.headerLines());
        found.add(e.file() + ":" + line + ": " + (p.field().isEmpty() ? "" : p.field() + ": ") + p.message());
      }
    }
    JsonNode tree = JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(w.text()));
    Optional<Node> nodes = new Compose(LoadSettings.builder().build()).composeString(w.text());
    for (ValidationMessage m : schema.validate(tree)) {
      int at = nodes.map(n -> lineOf(n, m.getInstanceLocation())).orElse(1);
      found.add(e.file() + ":" + Math.max(e.line(), e.line() + at - 1 - w.headerLines()) + ": the schema: " + m.getMessage());
    }
    return found;
  }

  /** The 1-based line of the YAML node a schema message's instance location points at, or of its nearest parent there. */
  private static int lineOf(Node root, JsonNodePath path) {
    Node node = root;
    for (int i = 0; i < path.getNameCount(); i++) {
      Object step = path.getElement(i);
      Node next = null;
      if (node instanceof MappingNode map && step instanceof String key) {
        next = map.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
            .map(NodeTuple::getValueNode).findFirst().orElse(null);
      } else if (node instanceof SequenceNode list && step instanceof Integer index && index < list.getValue().size()) {
        next = list.getValue().get(index);
      }
      if (next == null) break;
      node = next;
    }
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
  }

  /** The scenario text an example becomes, and how many lines come before the example's own. */
  record Wrapped(String text, int headerLines) {}

  /** Where in a scenario a part goes: under which keys, at which indentation. */
  private record Wrapping(String replaces, String opening, int indent, boolean asItem) {
    Wrapped wrap(String example, Set<String> keys, String rig, List<String> clauses, Set<String> judged) {
      int level = clauses.isEmpty() ? 4 : Integer.parseInt(clauses.get(0).substring(12, 13));
      List<String> ofLevel = clauses.stream().filter(c -> c.startsWith("4-04-05-10 L" + level)).toList();
      String clauseList = ofLevel.isEmpty() ? "\"4-04-05-10 L4 3.1.2\"" : ofLevel.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
      StringBuilder head = new StringBuilder();
      Map<String, String> minimal = new java.util.LinkedHashMap<>();
      minimal.put("scenario", "scenario: readme-example\n");
      minimal.put("title", "title: {en: An example, zh: 示例}\n");
      minimal.put("level", "level: " + level + "\n");
      minimal.put("skill", "skill: operate\n");
      minimal.put("clauses", "clauses: [" + clauseList + "]\n");
      minimal.put("rig", rig.isEmpty() ? "" : "rig: " + rig + "\n");
      minimal.put("time_limit", "time_limit: 30m\n");
      minimal.put("tasks", "tasks:\n  - id: example-task\n    prompt: {en: An example, zh: 示例}\n"
          + "    checks: [{id: example-check, measure: 'eventually twin.lifecycle == \"running\"'}]\n");
      minimal.put("reference", "reference: [{at: 1m, do: report, with: {text: example}}]\n");
      if (!judged.isEmpty()) {
        minimal.put("judgements", "judgements: {" + judged.stream().map(id -> id + ": 3").collect(Collectors.joining(", ")) + "}\n");
      }
      Set<String> given = replaces.isEmpty() ? keys : Set.of(replaces);
      if (given.contains("scenario")) return new Wrapped(example, 0); // a whole scenario stands as it is
      minimal.forEach((key, text) -> {
        if (!given.contains(key)) head.append(text);
      });
      head.append(opening);
      StringBuilder body = new StringBuilder();
      String pad = " ".repeat(indent);
      boolean itemStarted = false;
      for (String line : example.split("\n", -1)) {
        boolean content = !line.isBlank() && !line.stripLeading().startsWith("#");
        String prefix = !asItem ? "" : content && !itemStarted ? "- " : "  ";
        if (content) itemStarted = true;
        body.append(line.isEmpty() ? "" : pad + prefix + line).append('\n');
      }
      body.setLength(body.length() - 1);
      int headerLines = (int) head.chars().filter(c -> c == '\n').count();
      return new Wrapped(head + body.toString(), headerLines);
    }
  }

  /** How the parsed example goes into a scenario, if it is one or a part of one. */
  private static Optional<Wrapping> wrapping(Object parsed) {
    if (parsed instanceof Map<?, ?> m && !m.isEmpty()) {
      if (m.keySet().stream().allMatch(TOP_LEVEL::contains)) return Optional.of(new Wrapping("", "", 0, false));
      if (m.containsKey("cases") && m.keySet().stream().allMatch(k -> k.equals("cases") || k.equals("rig"))) {
        return Optional.of(new Wrapping("reference", "reference:\n  - at: 1m\n    do: test_suite\n    with:\n", 6, false));
      }
      return item(m).map(w -> new Wrapping(w.replaces(), w.opening(), w.indent(), true));
    }
    if (parsed instanceof List<?> list && !list.isEmpty()) {
      List<Optional<Wrapping>> each = list.stream().map(x -> x instanceof Map<?, ?> m ? item(m) : Optional.<Wrapping>empty()).toList();
      if (each.stream().allMatch(w -> w.isPresent() && w.equals(each.get(0)))) return each.get(0);
    }
    return Optional.empty();
  }

  /** Where one list item goes, told by the fields only it has. */
  private static Optional<Wrapping> item(Map<?, ?> m) {
    if (m.containsKey("kind")) return Optional.of(new Wrapping("faults", "faults:\n", 0, false));
    if (m.containsKey("do")) return Optional.of(new Wrapping("reference", "reference:\n", 0, false));
    if (m.containsKey("prompt")) return Optional.of(new Wrapping("tasks", "tasks:\n", 0, false));
    if (m.containsKey("measure") || m.containsKey("judge")) {
      return Optional.of(new Wrapping("tasks", "tasks:\n  - id: example-task\n    prompt: {en: An example, zh: 示例}\n    checks:\n", 4, false));
    }
    if (m.containsKey("then")) {
      return Optional.of(new Wrapping("reference", "reference:\n  - at: 1m\n    do: test_suite\n    with:\n      cases:\n", 6, false));
    }
    if (m.containsKey("property")) return Optional.of(new Wrapping("setup", "setup:\n  bindings:\n", 2, false));
    return Optional.empty();
  }

  private static List<String> clauses(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = CLAUSE.matcher(text);
    while (m.find()) found.add(m.group());
    return List.copyOf(found);
  }

  /** The ids of the judged checks in the example, which a scenario must give the reference's marks for. */
  private static Set<String> judged(Object parsed) {
    Set<String> ids = new LinkedHashSet<>();
    if (parsed instanceof Map<?, ?> m && m.containsKey("judgements")) return ids;
    collectJudged(parsed, ids);
    return ids;
  }

  private static void collectJudged(Object node, Set<String> ids) {
    if (node instanceof Map<?, ?> m) {
      if (m.containsKey("judge") && m.get("id") != null) ids.add(String.valueOf(m.get("id")));
      m.values().forEach(v -> collectJudged(v, ids));
    } else if (node instanceof Collection<?> c) {
      c.forEach(v -> collectJudged(v, ids));
    }
  }
}
