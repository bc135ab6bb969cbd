package org.twinlab.models.yaml;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses YAML into snakeyaml-engine's node tree, which keeps every node's position, so that
 * readers built on {@link YamlValue} can name file:line:column for whatever they reject.
 */
public final class YamlDocument {
  private YamlDocument() {}

  public static YamlValue parse(String source, Reader text) throws InvalidInputException {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source)
        .setAllowDuplicateKeys(false)
        .setCodePointLimit(16 * 1024 * 1024)
        .build();
    try {
      Composer composer = new Composer(settings, new NestingLimit(new ParserImpl(settings, new StreamReader(settings, text))));
      Optional<Node> root = composer.getSingleNode();
      if (root.isEmpty()) {
        throw new InvalidInputException(List.of(new Problem(new SourceLocation(source, 1, 1), "", "the file is empty")));
      }
      if (ExpansionLimit.exceeded(root.get())) {
        throw new InvalidInputException(List.of(new Problem(new SourceLocation(source, 1, 1), "",
            "not accepted: its aliases stand for more than " + ExpansionLimit.MAX_NODES + " nodes")));
      }
      return new YamlValue(source, "", root.get());
    } catch (NestingLimit.TooDeep e) {
      throw new InvalidInputException(List.of(new Problem(at(source, e.at), "", "not accepted: " + e.getMessage())));
    } catch (MarkedYamlEngineException e) {
      throw new InvalidInputException(List.of(new Problem(at(source, e.getProblemMark()), "", "not valid YAML: " + e.getProblem())));
    } catch (YamlEngineException e) {
      throw new InvalidInputException(List.of(new Problem(SourceLocation.unknown(source), "", "not valid YAML: " + e.getMessage())));
    }
  }

  private static SourceLocation at(String source, Optional<Mark> mark) {
    return mark.map(m -> new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1)).orElse(SourceLocation.unknown(source));
  }

  public static YamlValue parse(String source, String text) throws InvalidInputException {
    return parse(source, new java.io.StringReader(text));
  }

  /** Reads a file and parses it; I/O failures become a problem too, so callers handle one exception. */
  public static YamlValue parse(java.nio.file.Path file) throws InvalidInputException {
    try (Reader r = java.nio.file.Files.newBufferedReader(file)) {
      return parse(file.toString(), r);
    } catch (IOException e) {
      throw new InvalidInputException(List.of(new Problem(SourceLocation.unknown(file.toString()), "", "cannot read: " + e.getMessage())));
    }
  }
}
