package org.twinlab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's reference of the built-in models (every property with its type, unit, range,
 * writability and period, every alarm with its condition and severity) is rendered from the model
 * files themselves, so it cannot drift from them. Run with {@code -Dmodels.readme=write} to rewrite
 * the section between its two marker comments:
 * {@code mvn -pl models test -Dtest=BuiltInModelsReadmeTest -Dmodels.readme=write}.
 */
class BuiltInModelsReadmeTest {
  static final String BEGIN = "<!-- built-in models: begin (rendered from the model files by BuiltInModelsReadmeTest; do not edit by hand) -->";
  static final String END = "<!-- built-in models: end -->";
  static final Path README = Path.of("README.md");

  @Test
  void theReadmeListsTheBuiltInModelsAsTheirFilesDefineThem() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("the README's begin marker: " + BEGIN).isNotNegative();
    assertThat(end).as("the README's end marker: " + END).isGreaterThan(begin);
    String rendered = render(ModelLibrary.builtIn());
    String written = readme.substring(begin + BEGIN.length(), end);
    if ("write".equals(System.getProperty("models.readme"))) {
      Files.writeString(README, readme.substring(0, begin + BEGIN.length()) + rendered + readme.substring(end), StandardCharsets.UTF_8);
      return;
    }
    assertThat(written).as("models/README.md's built-in models differ from the model files; rewrite the section with "
        + "mvn -pl models test -Dtest=BuiltInModelsReadmeTest -Dmodels.readme=write").isEqualTo(rendered);
  }

  /** The section's text: a heading per model, its properties, commands and alarms as tables. */
  static String render(ModelLibrary library) {
    StringBuilder out = new StringBuilder("\n");
    for (TwinModel m : library.all()) {
      out.append("\n### `").append(m.id()).append("` — ").append(m.name().en()).append(" (").append(m.name().zh()).append(")\n\n");
      out.append("Version ").append(m.version()).append(", ").append(kind(m.kind())).append(", ").append(m.properties().size())
          .append(" properties, ").append(m.alarms().size()).append(" alarms")
          .append(m.view().gltf().map(g -> "; drawn from the glTF scene `" + g.file() + "`").orElse("; drawn from shapes")).append(".\n\n");
      out.append("| property | type | unit | range | writable | period | description |\n|---|---|---|---|---|---|---|\n");
      for (PropertyDef p : m.properties().values()) {
        String type = p.type() == PropertyType.ENUM ? "enum (" + String.join(", ", p.enumValues()) + ")" : p.type().label();
        out.append("| `").append(p.path()).append("` | ").append(cell(type)).append(" | ").append(cell(p.unit())).append(" | ")
            .append(p.range().map(r -> number(r.min()) + " – " + number(r.max())).orElse("")).append(" | ")
            .append(p.writable() ? "yes" : "").append(" | ")
            .append(p.eventDriven() ? "on change" : p.expectedPeriodMs() + " ms").append(" | ")
            .append(cell(p.description().en())).append(" |\n");
      }
      var commands = m.components().stream().flatMap(c -> c.commands().stream()).toList();
      if (!commands.isEmpty()) {
        out.append("\n| command | parameters | description |\n|---|---|---|\n");
        for (CommandDef c : commands) {
          out.append("| `").append(c.path()).append("` | ")
              .append(c.params().stream().map(p -> "`" + p.id() + "` " + p.type().label()).collect(Collectors.joining(", ")))
              .append(" | ").append(cell(c.description().en())).append(" |\n");
        }
      }
      if (!m.alarms().isEmpty()) {
        out.append("\n| alarm | condition | severity | message |\n|---|---|---|---|\n");
        for (AlarmDef a : m.alarms()) {
          out.append("| `").append(a.id()).append("` | `").append(cell(a.conditionText())).append("` | ")
              .append(a.severity().name().toLowerCase(Locale.ROOT)).append(" | ").append(cell(a.message().en())).append(" |\n");
        }
      }
    }
    return out.append("\n").toString();
  }

  private static String kind(RigKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
