package org.twinlab.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An InfluxDB 2 server for history. The token is never in the configuration: it is read from an
 * environment variable or a file (such as a container secret) when the runtime starts.
 */
public record InfluxConfig(String url, String org, String bucket, Optional<String> tokenEnv, Optional<Path> tokenFile) {

  /** The token, or an error that says where it was looked for. */
  public String token() {
    if (tokenEnv.isPresent()) {
      String t = System.getenv(tokenEnv.get());
      if (t == null || t.isBlank()) {
        throw new IllegalStateException("the InfluxDB token is read from the environment variable " + tokenEnv.get()
            + ", which is not set");
      }
      return t.trim();
    }
    Path file = tokenFile.orElseThrow(() -> new IllegalStateException("no token_env or token_file for InfluxDB"));
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the InfluxDB token file " + file + ": " + e.getMessage(), e);
    }
  }
}
