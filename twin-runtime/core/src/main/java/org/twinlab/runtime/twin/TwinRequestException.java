package org.twinlab.runtime.twin;

/**
 * A request to a twin that cannot be carried out, with the field at fault: the API turns the kind
 * into its status (404, 400, 409, 502, 503).
 */
public final class TwinRequestException extends RuntimeException {
  public enum Kind { NOT_FOUND, INVALID, CONFLICT, UNREACHABLE, UNAVAILABLE }

  private final Kind kind;
  private final String field;

  public TwinRequestException(Kind kind, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  public static TwinRequestException notFound(String field, String message) {
    return new TwinRequestException(Kind.NOT_FOUND, field, message);
  }

  public static TwinRequestException invalid(String field, String message) {
    return new TwinRequestException(Kind.INVALID, field, message);
  }

  public static TwinRequestException conflict(String field, String message) {
    return new TwinRequestException(Kind.CONFLICT, field, message);
  }

  public static TwinRequestException unreachable(String field, String message) {
    return new TwinRequestException(Kind.UNREACHABLE, field, message);
  }

  /** The request cannot be served now, and nothing was changed (e.g. it could not be recorded). */
  public static TwinRequestException unavailable(String field, String message) {
    return new TwinRequestException(Kind.UNAVAILABLE, field, message);
  }

  public Kind kind() {
    return kind;
  }

  public String field() {
    return field;
  }
}
