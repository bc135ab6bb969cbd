package org.twinlab.models.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One node of a parsed YAML file together with its field path (e.g. {@code components[0].id}).
 * Every conversion reports a {@link Problem} at the node's own position when the type is wrong.
 */
public final class YamlValue {
  private final String source;
  private final String path;
  private final Node node;

  YamlValue(String source, String path, Node node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  public String path() {
    return path;
  }

  public SourceLocation location() {
    return node.getStartMark()
        .map(m -> new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1))
        .orElse(SourceLocation.unknown(source));
  }

  public String source() {
    return source;
  }

  public boolean isList() {
    return node instanceof SequenceNode;
  }

  public boolean isNull() {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /** The raw text of a scalar, or empty for collections. */
  public Optional<String> text() {
    return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
  }

  /**
   * The position of a character inside this scalar, 1-based, for errors inside embedded
   * languages (conditions, expressions); quoted scalars start one column later.
   */
  public SourceLocation locationWithin(int column) {
    SourceLocation at = location();
    if (at.line() == 0 || !(node instanceof ScalarNode s)) return at;
    int quote = s.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN ? 0 : 1;
    return new SourceLocation(at.source(), at.line(), at.column() + quote + column - 1);
  }

  public void problem(Problems problems, String message) {
    problems.add(location(), path, message);
  }

  public Optional<YamlMap> asMap(Problems problems) {
    if (node instanceof MappingNode m) {
      return Optional.of(new YamlMap(this, m));
    }
    problem(problems, "expected a mapping of fields, found " + describe());
    return Optional.empty();
  }

  public List<YamlValue> asList(Problems problems) {
    if (node instanceof SequenceNode s) {
      List<YamlValue> items = new ArrayList<>(s.getValue().size());
      for (int i = 0; i < s.getValue().size(); i++) {
        items.add(new YamlValue(source, path + "[" + i + "]", s.getValue().get(i)));
      }
      return items;
    }
    problem(problems, "expected a list, found " + describe());
    return List.of();
  }

  public Optional<String> asString(Problems problems) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return Optional.of(s.getValue());
    }
    problem(problems, "expected text, found " + describe());
    return Optional.empty();
  }

  public Optional<Double> asDouble(Problems problems) {
    if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
      try {
        return Optional.of(Double.parseDouble(s.getValue().replace("_", "")));
      } catch (NumberFormatException e) {
        // fall through to the problem below
      }
    }
    problem(problems, "expected a number, found " + describe());
    return Optional.empty();
  }

  public Optional<Long> asLong(Problems problems) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      try {
        return Optional.of(Long.decode(s.getValue().replace("_", "")));
      } catch (NumberFormatException e) {
        // fall through to the problem below
      }
    }
    problem(problems, "expected a whole number, found " + describe());
    return Optional.empty();
  }

  public Optional<Boolean> asBool(Problems problems) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)));
    }
    problem(problems, "expected true or false, found " + describe());
    return Optional.empty();
  }

  /**
   * Reads this node as a mapping with {@code reader}, collecting every problem; throws them all
   * at the end, so each loader is just its field-by-field reading.
   */
  public <T> T readMapping(java.util.function.BiFunction<YamlMap, Problems, T> reader) throws InvalidInputException {
    Problems problems = new Problems();
    T value = asMap(problems).map(m -> reader.apply(m, problems)).orElse(null);
    problems.throwIfAny();
    return value;
  }

  /** A {@code [low, high]} pair of numbers. */
  public Optional<double[]> asPair(Problems problems) {
    List<YamlValue> xs = asList(problems);
    if (xs.size() != 2) {
      if (!xs.isEmpty()) problem(problems, "expected [low, high]");
      return Optional.empty();
    }
    Optional<Double> a = xs.get(0).asDouble(problems);
    Optional<Double> b = xs.get(1).asDouble(problems);
    return a.isPresent() && b.isPresent() ? Optional.of(new double[] {a.get(), b.get()}) : Optional.empty();
  }

  /** A scalar as the Java value its YAML tag says: Boolean, Long, Double, String, or null. */
  public Object asScalar(Problems problems) {
    if (node instanceof ScalarNode s) {
      Tag tag = s.getTag();
      if (tag.equals(Tag.NULL)) return null;
      if (tag.equals(Tag.BOOL)) return asBool(problems).orElse(null);
      if (tag.equals(Tag.INT)) return asLong(problems).orElse(null);
      if (tag.equals(Tag.FLOAT)) return asDouble(problems).orElse(null);
      return s.getValue();
    }
    problem(problems, "expected a single value, found " + describe());
    return null;
  }

  YamlValue child(String key, Node child) {
    return new YamlValue(source, path.isEmpty() ? key : path + "." + key, child);
  }

  Node node() {
    return node;
  }

  private String describe() {
    if (node instanceof MappingNode) return "a mapping";
    if (node instanceof SequenceNode q) return q.getFlowStyle() == FlowStyle.FLOW ? "a list" : "a list";
    ScalarNode s = (ScalarNode) node;
    if (s.getTag().equals(Tag.NULL)) return "nothing";
    return "'" + s.getValue() + "'";
  }
}
