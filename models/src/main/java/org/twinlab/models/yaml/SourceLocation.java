package org.twinlab.models.yaml;

/** Where something stands in a source file: 1-based line and column, as editors count. */
public record SourceLocation(String source, int line, int column) {

  public static SourceLocation unknown(String source) {
    return new SourceLocation(source, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}
