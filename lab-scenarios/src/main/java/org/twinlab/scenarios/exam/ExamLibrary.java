package org.twinlab.scenarios.exam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.models.yaml.InvalidInputException;

/**
 * The practical exams shipped with twinlab, listed in {@code exams/index.txt}. It sits beside the
 * exam loader rather than beside the scenario library: the loader reads exam headers through the
 * scenario loading package, which must not depend back on exams.
 */
public final class ExamLibrary {
  public static final String INDEX = "/exams/index.txt";

  private ExamLibrary() {}

  /** The library's files, as paths under {@code exams/}. */
  public static List<String> files() {
    try (InputStream in = ExamLibrary.class.getResourceAsStream(INDEX)) {
      if (in == null) throw new IllegalStateException("the exam library index is missing from the build");
      List<String> out = new ArrayList<>();
      for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
        if (!line.isBlank() && !line.startsWith("#")) out.add(line.trim());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every library exam, read against the standard and the scenario library the loader holds; a
   * broken one is a build error, reported with its place.
   */
  public static List<Exam> load(ExamLoader loader) {
    List<Exam> out = new ArrayList<>();
    for (String file : files()) {
      String resource = "/exams/" + file;
      try (InputStream in = ExamLibrary.class.getResourceAsStream(resource)) {
        if (in == null) throw new IllegalStateException("the exam library lists " + file + ", which is not in the build");
        out.add(loader.load("exams/" + file, new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (InvalidInputException e) {
        throw new IllegalStateException(e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
