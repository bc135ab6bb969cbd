package org.twinlab.runtime.backup;

/** A backup could not be made, or a backup file is damaged or not a twinlab backup; the message says which. */
public class BackupException extends Exception {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
