package org.twinlab.runtime.store.postgres;

import java.io.IOException;
import java.sql.SQLException;

/** The errors of the shared state's tables, worded for the log and the API. */
final class Sql {
  static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  static IOException io(String what, String where, SQLException e) {
    return new IOException(what + " in " + where + ": " + e.getMessage(), e);
  }

  static IllegalStateException unchecked(String what, String where, SQLException e) {
    return new IllegalStateException(what + " in " + where + ": " + e.getMessage(), e);
  }

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }
}
