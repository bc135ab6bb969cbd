package org.twinlab.runtime.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How the API and pages are served besides where.
 *
 * @param requestTimeLimit a request not answered within this gets a 503 (streams are not limited)
 * @param tls the certificate to serve HTTPS with; empty serves plain HTTP
 */
public record HttpConfig(Duration requestTimeLimit, Optional<TlsConfig> tls) {
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
  public static final HttpConfig DEFAULT = new HttpConfig(DEFAULT_TIME_LIMIT, Optional.empty());

  public HttpConfig {
    if (requestTimeLimit.isZero() || requestTimeLimit.isNegative()) throw new IllegalArgumentException("a request time limit must be positive");
  }
}
