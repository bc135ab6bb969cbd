package org.twinlab.runtime.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.model.ActionAttributes;

/**
 * An artefact a candidate submits for the review panel (levels 2 and 1): a plan, an operating
 * procedure, training material, a technical report or a design, as text or named sections, with the
 * figures it quotes. The platform measures what it holds, so a check can ask for the sections and
 * figures a task requires before examiners judge its quality: {@code words}, {@code headings} (the
 * sections of at least {@value #SECTION_WORDS} words, in the order given) and {@code quoted} (the
 * figures' names).
 */
public final class Artefacts {
  public static final List<String> FIELDS = ActionAttributes.fields("artefact").stream().filter(f -> !f.equals("rig")).toList();
  /** A section counts as written from this many words: a heading with a line under it is a token. */
  public static final int SECTION_WORDS = 10;
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 20_000;
  static final int MAX_SECTION = 8_000;
  static final int MAX_SECTIONS = 40;
  static final int MAX_FIGURES = 50;
  private static final Pattern NAME = Pattern.compile(ActionAttributes.ARTEFACT_NAME);
  /** A word: a run of letters or digits, or one Chinese character (Chinese is written without spaces). */
  private static final Pattern WORD = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}&&[^\\p{IsHan}]]+");

  private Artefacts() {}

  /** Refuses a malformed artefact naming the field; measures a well-formed one. */
  public static ActionOutcome submit(Map<String, Object> fields) {
    validate(fields);
    Map<String, String> result = new LinkedHashMap<>();
    int words = words(fields.get("text"));
    List<String> headings = new ArrayList<>();
    for (var s : sections(fields).entrySet()) {
      int w = words(s.getValue());
      words += w;
      if (w >= SECTION_WORDS) headings.add(s.getKey());
    }
    result.put("words", Integer.toString(words));
    result.put("headings", String.join(",", headings));
    result.put("quoted", String.join(",", figures(fields).keySet()));
    return new ActionOutcome(true, fields.get("kind") + " '" + fields.get("title") + "' submitted, " + words + " words", result);
  }

  /**
   * A kind of {@link ActionAttributes#ARTEFACT_KINDS}, a title, text or sections, figures that are
   * numbers, names a check can read, and nothing over its size: each refused with its field.
   */
  public static void validate(Map<String, Object> fields) {
    for (String f : fields.keySet()) {
      if (!FIELDS.contains(f) && !f.equals("rig")) throw TwinRequestException.invalid(f, "an artefact has " + String.join(", ", FIELDS));
    }
    if (!(fields.get("kind") instanceof String kind) || !ActionAttributes.ARTEFACT_KINDS.contains(kind)) {
      throw TwinRequestException.invalid("kind", "one of " + String.join(", ", ActionAttributes.ARTEFACT_KINDS));
    }
    if (!(fields.get("title") instanceof String title) || title.isBlank()) throw TwinRequestException.invalid("title", "the artefact's title, a text");
    if (title.length() > MAX_TITLE) throw TwinRequestException.invalid("title", "at most " + MAX_TITLE + " characters");
    Object text = fields.get("text");
    if (text != null && !(text instanceof String)) throw TwinRequestException.invalid("text", "a text");
    if (text != null && ((String) text).length() > MAX_TEXT) throw TwinRequestException.invalid("text", "at most " + MAX_TEXT + " characters");
    Map<String, String> sections = sections(fields);
    if ((text == null || ((String) text).isBlank()) && sections.values().stream().allMatch(String::isBlank)) {
      throw TwinRequestException.invalid("text", "an artefact without text or sections");
    }
    figures(fields);
  }

  private static Map<String, String> sections(Map<String, Object> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    Object given = fields.get("sections");
    if (given == null) return out;
    if (!(given instanceof Map<?, ?> m)) throw TwinRequestException.invalid("sections", "an object of section name to text");
    if (m.size() > MAX_SECTIONS) throw TwinRequestException.invalid("sections", "at most " + MAX_SECTIONS + " sections");
    m.forEach((k, v) -> {
      String field = "sections." + k;
      name(field, String.valueOf(k));
      if (!(v instanceof String s)) throw TwinRequestException.invalid(field, "a section's text");
      if (s.length() > MAX_SECTION) throw TwinRequestException.invalid(field, "at most " + MAX_SECTION + " characters");
      out.put(String.valueOf(k), s);
    });
    return out;
  }

  private static Map<String, Number> figures(Map<String, Object> fields) {
    Map<String, Number> out = new LinkedHashMap<>();
    Object given = fields.get("figures");
    if (given == null) return out;
    if (!(given instanceof Map<?, ?> m)) throw TwinRequestException.invalid("figures", "an object of figure name to number");
    if (m.size() > MAX_FIGURES) throw TwinRequestException.invalid("figures", "at most " + MAX_FIGURES + " figures");
    m.forEach((k, v) -> {
      String field = "figures." + k;
      name(field, String.valueOf(k));
      if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) throw TwinRequestException.invalid(field, "the number the artefact quotes");
      out.put(String.valueOf(k), n);
    });
    return out;
  }

  /** A name checks read as {@code sections.<name>}: lower case, digits and _, so it cannot pose as another attribute. */
  private static void name(String field, String name) {
    if (!NAME.matcher(name).matches()) throw TwinRequestException.invalid(field, "a name of lower-case letters, digits and _, starting with a letter, at most 40");
  }

  static int words(Object text) {
    if (!(text instanceof String s)) return 0;
    int n = 0;
    for (var m = WORD.matcher(s); m.find(); ) n++;
    return n;
  }
}
