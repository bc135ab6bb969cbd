package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the runtime can put before a page has its Chinese words in {@code i18n-errors.js}.
 * The refusals are read from the runtime's sources where they are made (the API's request errors,
 * access refusals, a station's and a session's refusals, a session plan's problems, the accounts'
 * rules); each becomes a sample sentence, its computed parts (names, numbers, states) standing as
 * {@code 7} (a constant of the same class is read as its text), and some pattern of the page's
 * table must match it. A sentence whose literal parts hold no word ({@code what + ": " + e.getMessage()})
 * is worded where its parts are made.
 */
class ErrorWordsTest {
  private static final Path RUNTIME = Path.of("..").toAbsolutePath().normalize();
  private static final Path TABLE = Path.of("src/main/resources/webroot/i18n-errors.js");

  /** Where a refusal is made, and which of the call's arguments is its sentence. */
  private record Maker(Pattern call, int sentence, Pattern inFiles) {}

  private static final Pattern ANY = Pattern.compile(".*");
  private static final List<Maker> MAKERS = List.of(
      new Maker(Pattern.compile("TwinRequestException\\.(?:conflict|invalid|notFound|unavailable|unreachable)\\("), 1, ANY),
      new Maker(Pattern.compile("new SecurityException\\("), 0, ANY),
      new Maker(Pattern.compile("new Refused\\("), 0, ANY),
      new Maker(Pattern.compile("new Illegal(?:State|Argument)Exception\\("), 0, Pattern.compile(".*/(session|auth)/[^/]+\\.java")),
      new Maker(Pattern.compile("\\bproblem\\("), 1, Pattern.compile(".*/PlanReader\\.java")),
      new Maker(Pattern.compile("Http\\.error\\("), 0, ANY),
      new Maker(Pattern.compile("\\bdenied\\(ctx, "), 1, ANY));

  /** A sentence and where it is made. */
  private record Refusal(String sample, String where) {}

  @Test
  void everyRefusalOfTheRuntimeHasChineseWords() throws IOException {
    List<Pattern> table = patterns(Files.readString(TABLE, StandardCharsets.UTF_8));
    List<Refusal> refusals = refusals();
    assertThat(refusals).as("refusals found in the runtime's sources").hasSizeGreaterThan(150);
    List<String> unworded = new ArrayList<>();
    for (Refusal r : refusals) {
      if (table.stream().noneMatch(p -> p.matcher(r.sample()).matches())) unworded.add(r.where() + ": \"" + r.sample() + "\"");
    }
    assertThat(unworded).as("refusals without a pattern in i18n-errors.js").isEmpty();
  }

  @Test
  void theTableMatchesWhatItSaysItDoes() throws IOException {
    List<Pattern> table = patterns(Files.readString(TABLE, StandardCharsets.UTF_8));
    // a sample of each kind, so a pattern read wrongly from the table shows here
    for (String s : List.of("log in first", "station st-1 is paused: a candidate acts only while their station's clock runs",
        "120.5 is outside 0.0..100.0", "the tank-process model has no property 'tank.nope'",
        "§1.9.3: an odd number of three or more examiners per candidate (2 named)")) {
      assertThat(table).as(s).anyMatch(p -> p.matcher(s).matches());
    }
    assertThat(table).noneMatch(p -> p.matcher("a sentence no one wrote").matches());
  }

  /** The regular expressions of the table, in order: each entry starts {@code [/…/flags,}. */
  static List<Pattern> patterns(String js) {
    List<Pattern> out = new ArrayList<>();
    Matcher start = Pattern.compile("(?m)^\\s*\\[/").matcher(js);
    while (start.find()) {
      int i = start.end();
      StringBuilder source = new StringBuilder();
      boolean inClass = false;
      while (true) {
        char c = js.charAt(i++);
        if (c == '\\') {
          source.append(c).append(js.charAt(i++));
          continue;
        }
        if (c == '[') inClass = true;
        if (c == ']') inClass = false;
        if (c == '/' && !inClass) break;
        source.append(c);
      }
      int flags = 0;
      while (Character.isLetter(js.charAt(i))) if (js.charAt(i++) == 's') flags |= Pattern.DOTALL;
      out.add(Pattern.compile(source.toString(), flags));
    }
    return out;
  }

  private static List<Refusal> refusals() throws IOException {
    List<Refusal> out = new ArrayList<>();
    for (String module : List.of("core", "exam", "web", "server")) {
      Path root = RUNTIME.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          String unix = f.toString().replace('\\', '/');
          Map<String, String> constants = JavaText.constants(text);
          for (Maker m : MAKERS) {
            if (!m.inFiles().matcher(unix).matches()) continue;
            Matcher call = m.call().matcher(text);
            while (call.find()) {
              List<String> args = JavaText.arguments(text, call.end());
              if (args.size() <= m.sentence()) continue;
              int line = (int) text.substring(0, call.start()).chars().filter(c -> c == '\n').count() + 1;
              for (String sample : JavaText.samples(args.get(m.sentence()), constants)) {
                out.add(new Refusal(sample, module + "/" + f.getFileName() + ":" + line));
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** Just enough of Java's expressions to read a sentence built of literals and computed parts. */
  static final class JavaText {
    private JavaText() {}

    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+)\\s*=\\s*([^;]+);");

    /** The class's string constants, each as the expression that gives it. */
    static Map<String, String> constants(String text) {
      Map<String, String> out = new HashMap<>();
      Matcher m = CONSTANT.matcher(text);
      while (m.find()) out.put(m.group(1), m.group(2));
      return out;
    }

    /** The top-level arguments of the call whose opening parenthesis ends at {@code from}. */
    static List<String> arguments(String text, int from) {
      List<String> args = new ArrayList<>();
      int depth = 0;
      StringBuilder arg = new StringBuilder();
      for (int i = from; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          int end = endOfLiteral(text, i);
          arg.append(text, i, end);
          i = end - 1;
          continue;
        }
        if (c == '\'') {
          int end = text.indexOf('\'', i + (text.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
          arg.append(text, i, end);
          i = end - 1;
          continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        if ((c == ')' || c == ']' || c == '}') && depth-- == 0) {
          args.add(arg.toString().trim());
          return args;
        }
        if (c == ',' && depth == 0) {
          args.add(arg.toString().trim());
          arg.setLength(0);
        } else {
          arg.append(c);
        }
      }
      throw new IllegalStateException("a call that does not close at " + from);
    }

    /**
     * The sentences an expression can give, its computed parts as {@code 7}; none when no part of
     * it is a literal. A top-level {@code a ? b : c} gives the sentences of b and of c.
     */
    static List<String> samples(String expression, Map<String, String> constants) {
      List<String> terms = split(expression, '?');
      if (terms.size() == 2) {
        List<String> branches = split(terms.get(1), ':');
        List<String> out = new ArrayList<>(samples(branches.get(0), constants));
        out.addAll(samples(String.join(":", branches.subList(1, branches.size())), constants));
        return out;
      }
      StringBuilder sample = new StringBuilder();
      StringBuilder words = new StringBuilder();
      for (String term : split(expression, '+')) {
        String t = term.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && endOfLiteral(t, 0) == t.length()) {
          String literal = unescape(t.substring(1, t.length() - 1));
          sample.append(literal);
          words.append(literal);
        } else if (constants.containsKey(t)) {
          List<String> constant = samples(constants.get(t), Map.of());
          String literal = constant.isEmpty() ? "7" : constant.get(0);
          sample.append(literal);
          words.append(literal);
        } else {
          sample.append('7');
        }
      }
      return words.chars().anyMatch(Character::isLetter) ? List.of(sample.toString()) : List.of();
    }

    private static List<String> split(String expression, char at) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      int last = 0;
      for (int i = 0; i < expression.length(); i++) {
        char c = expression.charAt(i);
        if (c == '"') {
          i = endOfLiteral(expression, i) - 1;
          continue;
        }
        if (c == '\'') {
          i = expression.indexOf('\'', i + (expression.charAt(i + 1) == '\\' ? 3 : 2));
          continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        if (c == ')' || c == ']' || c == '}') depth--;
        if (c == at && depth == 0) {
          parts.add(expression.substring(last, i));
          last = i + 1;
        }
      }
      parts.add(expression.substring(last));
      return parts;
    }

    private static int endOfLiteral(String text, int quote) {
      int i = quote + 1;
      while (text.charAt(i) != '"') i += text.charAt(i) == '\\' ? 2 : 1;
      return i + 1;
    }

    private static String unescape(String literal) {
      return literal.replace("\\\"", "\"").replace("\\'", "'").replace("\\n", "\n").replace("\\\\", "\\");
    }
  }
}
