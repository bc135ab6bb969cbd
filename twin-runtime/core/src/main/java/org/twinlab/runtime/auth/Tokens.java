package org.twinlab.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login tokens: 256 random bits, handed out once and kept only as their SHA-256, valid until they
 * expire or the user logs out. They live in memory, so a restart asks everyone to log in again.
 */
public final class Tokens {
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Grant> byDigest = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;

  /** A token as issued: the secret (shown once) and when it expires. */
  public record Issued(String token, Instant expires) {}

  /** @param stamp the account's password hash when the token was issued (null: not known), so a new password elsewhere ends it */
  private record Grant(Caller caller, Instant expires, String stamp) {}

  public Tokens(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public Issued issue(Caller caller) {
    return issue(caller, null);
  }

  /** A token for the account as it is now; {@link #revokeStale} ends it once the account's password changes. */
  public Issued issue(Account account) {
    return issue(account.caller(), account.passwordHash());
  }

  private Issued issue(Caller caller, String stamp) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expires = clock.instant().plus(lifetime);
    byDigest.put(digest(token), new Grant(caller, expires, stamp));
    return new Issued(token, expires);
  }

  /** Who a token belongs to, while it is valid. */
  public Optional<Caller> check(String token) {
    if (token == null || token.isEmpty()) return Optional.empty();
    String d = digest(token);
    Grant g = byDigest.get(d);
    if (g == null) return Optional.empty();
    if (!clock.instant().isBefore(g.expires())) {
      byDigest.remove(d);
      return Optional.empty();
    }
    return Optional.of(g.caller());
  }

  public void revoke(String token) {
    if (token != null) byDigest.remove(digest(token));
  }

  /** Ends every token of a user (their password changed, or the account was removed). */
  public void revokeAll(String user) {
    byDigest.values().removeIf(g -> g.caller().name().equals(user));
  }

  /** Ends a user's tokens issued under another password than {@code passwordHash} (it was changed on another node). */
  public void revokeStale(String user, String passwordHash) {
    byDigest.values().removeIf(g -> g.caller().name().equals(user) && g.stamp() != null && !g.stamp().equals(passwordHash));
  }

  /** The users who hold a token now (some may have expired and not yet been asked for). */
  public java.util.Set<String> holders() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    byDigest.values().forEach(g -> out.add(g.caller().name()));
    return out;
  }

  private static String digest(String token) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
