package org.twinlab.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A shared database for what must outlive any one runtime node (the sessions' evidence, accounts,
 * the audit trail, binding versions, twin packages and the platform key), named by the
 * {@code store:} section of {@code twinlab.yaml}. Neither the password nor the key secret is in the
 * configuration: each is read from an environment variable or a file when it is needed.
 *
 * @param type the kind of store ({@code postgres}); the module that serves it is found by this name
 * @param url its JDBC URL
 * @param keySecretEnv the variable holding the secret the platform's private key is encrypted with in the store
 * @param keySecretFile or the file holding it
 */
public record StoreConfig(String type, String url, String user, Optional<String> passwordEnv, Optional<Path> passwordFile,
    Optional<String> keySecretEnv, Optional<Path> keySecretFile) {

  public static final String POSTGRES = "postgres";

  /** A store without a key secret: it keeps evidence and accounts, but cannot keep the platform key. */
  public StoreConfig(String type, String url, String user, Optional<String> passwordEnv, Optional<Path> passwordFile) {
    this(type, url, user, passwordEnv, passwordFile, Optional.empty(), Optional.empty());
  }

  /**
   * The secret the platform's private key is encrypted with in the store, or an error that says
   * where it was looked for: the key is never kept there in the clear.
   */
  public String keySecret() {
    if (keySecretEnv.isPresent()) {
      String p = System.getenv(keySecretEnv.get());
      if (p == null || p.isEmpty()) {
        throw new IllegalStateException("the platform key's secret is read from the environment variable " + keySecretEnv.get()
            + " (store: key_secret_env), which is not set");
      }
      return p;
    }
    Path file = keySecretFile.orElseThrow(() -> new IllegalStateException("the store keeps the platform's signing key, encrypted:"
        + " give store: key_secret_env or key_secret_file, the secret every node encrypts it with"));
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the platform key's secret file " + file + " (store: key_secret_file): " + e.getMessage(), e);
    }
  }

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
