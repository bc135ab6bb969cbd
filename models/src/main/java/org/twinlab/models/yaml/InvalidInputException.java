package org.twinlab.models.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an input file has problems; carries every problem found, not just the first. */
public class InvalidInputException extends Exception {
  private final transient List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
