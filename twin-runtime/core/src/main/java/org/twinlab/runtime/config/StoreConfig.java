package org.twinlab.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A shared database for what must outlive any one runtime node (today: the sessions' evidence),
 * named by the {@code store:} section of {@code twinlab.yaml}. The password is never in the
 * configuration: it is read from an environment variable or a file when the runtime starts.
 *
 * @param type the kind of store ({@code postgres}); the module that serves it is found by this name
 * @param url its JDBC URL
 */
public record StoreConfig(String type, String url, String user, Optional<String> passwordEnv, Optional<Path> passwordFile) {

  public static final String POSTGRES = "postgres";

  /** The password, or an error that says where it was looked for. */
  public String password() {
    if (passwordEnv.isPresent()) {
      String p = System.getenv(passwordEnv.get());
      if (p == null || p.isEmpty()) {
        throw new IllegalStateException("the store's password is read from the environment variable " + passwordEnv.get()
            + ", which is not set");
      }
      return p;
    }
    Path file = passwordFile.orElseThrow(() -> new IllegalStateException("no password_env or password_file for the store"));
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the store's password file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The URL with nothing that could carry a secret: for logs. */
  public String where() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
