package org.twinlab.runtime.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.durable.DurableFiles;
import org.twinlab.scenarios.exam.Exam;
import org.twinlab.scenarios.exam.ExamLibrary;
import org.twinlab.scenarios.exam.ExamLoader;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.score.Scoring;
import org.twinlab.scenarios.standard.Standard;
import org.twinlab.scenarios.standard.StandardLoader;

/**
 * The scenarios a lab can set: the shipped library and the trainers' own, uploaded into
 * {@code <data>/scenarios/}. An uploaded scenario is checked as the command line checks a file,
 * and may replace an earlier upload of the same id but never a library scenario. The library's
 * exams, composed of library scenarios only, are read here too.
 */
public final class ScenarioCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioCatalog.class);
  private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
  private final Standard standard = StandardLoader.digitalTwinTechnician();
  private final ScenarioLoader loader = new ScenarioLoader(standard);
  private final Scoring scoring = new Scoring(standard);
  private final Map<String, Scenario> library = new TreeMap<>();
  private final Map<String, Scenario> uploaded = new TreeMap<>();
  private final Map<String, Exam> exams = new java.util.LinkedHashMap<>();
  private final Path dir;

  public ScenarioCatalog(Path dataDir) {
    this.dir = dataDir.resolve("scenarios");
    ScenarioLibrary.load(loader).forEach(s -> library.put(s.id(), s));
    // library exams stand on library scenarios alone: an upload never changes what an exam sets
    ExamLibrary.load(new ExamLoader(standard, List.copyOf(library.values()))).forEach(e -> exams.put(e.id(), e));
    loadUploads();
  }

  /** The library's exams, in the order of its index. */
  public List<Exam> exams() {
    return List.copyOf(exams.values());
  }

  public Optional<Exam> exam(String id) {
    return Optional.ofNullable(exams.get(id));
  }

  public Standard standard() {
    return standard;
  }

  public Scoring scoring() {
    return scoring;
  }

  public synchronized List<Scenario> all() {
    List<Scenario> out = new ArrayList<>(library.values());
    out.addAll(uploaded.values());
    return out;
  }

  public synchronized Optional<Scenario> find(String id) {
    return Optional.ofNullable(library.getOrDefault(id, uploaded.get(id)));
  }

  public synchronized boolean isUploaded(String id) {
    return uploaded.containsKey(id);
  }

  /** Reads a scenario text as the given file name; the problems carry line and column. */
  public Scenario check(String name, String yaml) throws InvalidInputException {
    return loader.load(name, new StringReader(yaml));
  }

  /** Checks and keeps a trainer's scenario; it is on disk before it can be set. */
  public synchronized Scenario upload(String name, String yaml) throws InvalidInputException {
    Scenario s = check(name, yaml);
    if (library.containsKey(s.id())) throw new IllegalStateException("'" + s.id() + "' is a library scenario; give yours another id");
    if (!FILE_NAME.matcher(s.id()).matches()) throw new IllegalArgumentException("a scenario id is a-z 0-9 - (up to 80)");
    try {
      DurableFiles.replace(dir.resolve(s.id() + ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("keeping " + s.id(), e);
    }
    uploaded.put(s.id(), s);
    return s;
  }

  private void loadUploads() {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try {
          Scenario s = loader.load(f);
          uploaded.put(s.id(), s);
        } catch (InvalidInputException e) {
          LOG.error("scenario {} no longer loads and is left out: {}", f, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
