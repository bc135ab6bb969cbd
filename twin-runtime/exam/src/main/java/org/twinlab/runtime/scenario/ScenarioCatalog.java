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
 *
 * <p>Every save of an uploaded scenario is also kept as {@code <data>/scenarios/versions/<id>/<n>.yaml},
 * numbered in the order saved, so an earlier text can be read again; {@code <id>.yaml} is the one set.
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
  private final Map<String, String> libraryFiles = new TreeMap<>();
  private final Path dir;

  public ScenarioCatalog(Path dataDir) {
    this.dir = dataDir.resolve("scenarios");
    List<String> files = ScenarioLibrary.files();
    List<Scenario> shipped = ScenarioLibrary.load(loader);
    for (int i = 0; i < shipped.size(); i++) {
      library.put(shipped.get(i).id(), shipped.get(i));
      libraryFiles.put(shipped.get(i).id(), files.get(i));
    }
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
      Path current = dir.resolve(s.id() + ".yaml");
      Path kept = versionsDir(s.id());
      Files.createDirectories(kept);
      int last = savedNumbers(s.id()).stream().mapToInt(Integer::intValue).max().orElse(0);
      // an upload kept before versions were: it becomes the first version, so nothing is lost
      if (last == 0 && Files.isRegularFile(current)) DurableFiles.replace(kept.resolve((last = 1) + ".yaml"), Files.readString(current));
      DurableFiles.replace(kept.resolve((last + 1) + ".yaml"), yaml);
      DurableFiles.replace(current, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("keeping " + s.id(), e);
    }
    uploaded.put(s.id(), s);
    return s;
  }

  /** A scenario's text: a library one from the build, an uploaded one as last saved. */
  public synchronized Optional<ScenarioSource> source(String id) {
    if (library.containsKey(id)) {
      String file = libraryFiles.get(id);
      try (java.io.InputStream in = ScenarioLibrary.class.getResourceAsStream("/scenarios/" + file)) {
        if (in == null) throw new IllegalStateException("the library lists " + file + ", which is not in the build");
        return Optional.of(new ScenarioSource(id, "scenarios/" + file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), true));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!uploaded.containsKey(id)) return Optional.empty();
    try {
      return Optional.of(new ScenarioSource(id, id + ".yaml", Files.readString(dir.resolve(id + ".yaml")), false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kept saves of an uploaded scenario, oldest first; a library scenario has none. */
  public synchronized List<ScenarioVersion> versions(String id) {
    if (!uploaded.containsKey(id)) return List.of();
    List<ScenarioVersion> out = new ArrayList<>();
    for (int n : savedNumbers(id)) {
      Path f = versionsDir(id).resolve(n + ".yaml");
      try {
        int declared = loader.load(f).version();
        out.add(new ScenarioVersion(n, Files.getLastModifiedTime(f).toInstant(), declared));
      } catch (InvalidInputException e) {
        out.add(new ScenarioVersion(n, lastModified(f), 0)); // kept as saved, though it no longer loads
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (out.isEmpty()) out.add(new ScenarioVersion(1, lastModified(dir.resolve(id + ".yaml")), uploaded.get(id).version()));
    return out;
  }

  /** The text of one kept save. */
  public synchronized Optional<String> version(String id, int saved) {
    if (!uploaded.containsKey(id)) return Optional.empty();
    Path f = versionsDir(id).resolve(saved + ".yaml");
    try {
      if (Files.isRegularFile(f)) return Optional.of(Files.readString(f));
      // kept before versions were: its one version is the current text
      if (saved == 1 && savedNumbers(id).isEmpty()) return Optional.of(Files.readString(dir.resolve(id + ".yaml")));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path versionsDir(String id) {
    return dir.resolve("versions").resolve(id);
  }

  private List<Integer> savedNumbers(String id) {
    Path d = versionsDir(id);
    if (!Files.isDirectory(d)) return List.of();
    try (Stream<Path> files = Files.list(d)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[1-9][0-9]{0,8}\\.yaml"))
          .map(n -> Integer.parseInt(n.substring(0, n.length() - 5))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.time.Instant lastModified(Path f) {
    try {
      return Files.getLastModifiedTime(f).toInstant();
    } catch (IOException e) {
      return java.time.Instant.EPOCH;
    }
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
