package org.twinlab.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.ManualClock;

class AuthTest {
  @TempDir
  Path data;

  @Test
  void passwordsAreStoredAsArgon2idAndOnlyTheRightOneMatches() {
    String hash = Passwords.hash("correct horse battery");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(Passwords.matches("correct horse battery", hash)).isTrue();
    assertThat(Passwords.matches("correct horse batterY", hash)).isFalse();
    assertThat(Passwords.hash("correct horse battery")).as("salted").isNotEqualTo(hash);
    assertThat(Passwords.matches("x", "$argon2id$garbage")).isFalse();
  }

  @Test
  void accountsAreKeptOnDiskWithoutTheirPasswords() throws Exception {
    Accounts accounts = Accounts.open(data, java.time.Clock.systemUTC());
    accounts.add("exam1", Role.EXAMINER, "Examiner Li", "a-long-password");
    assertThatThrownBy(() -> accounts.add("exam1", Role.EXAMINER, null, "a-long-password")).hasMessageContaining("exists");
    assertThatThrownBy(() -> accounts.add("exam2", Role.EXAMINER, null, "short")).hasMessageContaining("at least 10");
    assertThatThrownBy(() -> accounts.add("Bad Name", Role.EXAMINER, null, "a-long-password")).hasMessageContaining("user name");
    assertThat(Files.readString(data.resolve(Accounts.FILE_NAME))).contains("exam1").doesNotContain("a-long-password");

    Accounts again = Accounts.open(data, java.time.Clock.systemUTC());
    assertThat(again.authenticate("exam1", "a-long-password")).map(Account::role).contains(Role.EXAMINER);
    assertThat(again.authenticate("exam1", "wrong-password")).isEmpty();
    assertThat(again.authenticate("nobody", "a-long-password")).isEmpty();
    again.setPassword("exam1", "another-long-one");
    assertThat(Accounts.open(data, java.time.Clock.systemUTC()).authenticate("exam1", "another-long-one")).isPresent();
  }

  @Test
  void aLockedAccountCannotLogInUntilUnlockedAndStaysLockedAcrossARestart() {
    Accounts accounts = Accounts.open(data, java.time.Clock.systemUTC());
    accounts.add("exam1", Role.EXAMINER, null, "a-long-password");
    accounts.setLocked("exam1", true);
    assertThat(accounts.authenticate("exam1", "a-long-password")).as("the right password of a locked account").isEmpty();
    Accounts again = Accounts.open(data, java.time.Clock.systemUTC());
    assertThat(again.find("exam1")).map(Account::locked).contains(true);
    assertThat(again.authenticate("exam1", "a-long-password")).isEmpty();
    again.setLocked("exam1", false);
    assertThat(again.authenticate("exam1", "a-long-password")).isPresent();
    assertThatThrownBy(() -> again.setLocked("nobody", true)).hasMessageContaining("no user 'nobody'");
  }

  @Test
  void theAuditTrailIsFilteredByUserActionAndTimeBeforeItsLimit() {
    ManualClock clock = new ManualClock();
    java.time.Instant t0 = clock.instant();
    try (AuditLog audit = new AuditLog(data, clock)) {
      audit.record("boss", "add user", "alice", "examiner");
      clock.advance(Duration.ofSeconds(60));
      audit.record("alice", "login", "alice", "127.0.0.1");
      clock.advance(Duration.ofSeconds(60));
      audit.record("boss", "add user", "bob", "candidate");
      clock.advance(Duration.ofSeconds(60));
      audit.record("bob", "login", "bob", "127.0.0.1");

      assertThat(audit.tail(10, AuditLog.filter("alice", null, null, null))).extracting(e -> ((JsonObject) e).getString("action"))
          .as("by alice or about her").containsExactly("add user", "login");
      assertThat(audit.tail(10, AuditLog.filter(null, "add user", null, null))).extracting(e -> ((JsonObject) e).getString("target"))
          .containsExactly("alice", "bob");
      assertThat(audit.tail(10, AuditLog.filter(null, null, t0.plusSeconds(60), t0.plusSeconds(180))))
          .extracting(e -> ((JsonObject) e).getString("target")).as("from inclusive, to exclusive").containsExactly("alice", "bob");
      assertThat(audit.tail(1, AuditLog.filter("boss", null, null, null)))
          .extracting(e -> ((JsonObject) e).getString("target")).as("the newest that match").containsExactly("bob");
    }
  }

  @Test
  void anAccountThatCannotBeWrittenDoesNotExist() throws Exception {
    Accounts accounts = Accounts.open(data, java.time.Clock.systemUTC());
    accounts.add("exam1", Role.EXAMINER, null, "a-long-password");
    // a directory where the new file must be made: the write fails, even for root
    Files.createDirectories(data.resolve(Accounts.FILE_NAME + ".tmp").resolve("blocked"));
    assertThatThrownBy(() -> accounts.add("evil", Role.ADMIN, null, "a-long-password")).hasMessageContaining("writing");
    assertThat(accounts.find("evil")).isEmpty();
    assertThat(accounts.authenticate("evil", "a-long-password")).isEmpty();
    assertThatThrownBy(() -> accounts.remove("exam1")).hasMessageContaining("writing");
    assertThat(accounts.find("exam1")).as("a removal that failed leaves the account").isPresent();
    assertThat(Accounts.open(data, java.time.Clock.systemUTC()).all()).extracting(Account::name).containsExactly("exam1");
  }

  @Test
  void theAccountFileIsTheOwnersAlone() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(data.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system here has no POSIX permissions");
    Path dir = data.resolve("fresh");
    Accounts.open(dir, java.time.Clock.systemUTC()).add("exam1", Role.EXAMINER, null, "a-long-password");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Accounts.FILE_NAME))))
        .isEqualTo("rw-------");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
  }

  @Test
  void madeUpNamesCannotGrowTheThrottlesTableForEver() {
    ManualClock clock = new ManualClock();
    LoginThrottle throttle = new LoginThrottle(clock);
    throttle.reserve("exam1");
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) throttle.reserve("locked-one");
    for (int i = 0; i <= LoginThrottle.PRUNE_ABOVE; i++) throttle.reserve("nobody-" + i);
    clock.advance(LoginThrottle.LOCK.plusSeconds(1));
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) throttle.reserve("locked-now");
    throttle.reserve("one-more");
    assertThat(throttle.tracked()).as("the idle names are forgotten").isLessThan(10);
    assertThat(throttle.reserve("locked-now")).as("a lock in force is kept").isPositive();
  }

  @Test
  void tokensExpireAndCanBeRevoked() {
    ManualClock clock = new ManualClock();
    Tokens tokens = new Tokens(Duration.ofHours(8), clock);
    Caller exam = new Caller("exam1", Role.EXAMINER);
    Tokens.Issued a = tokens.issue(exam);
    Tokens.Issued b = tokens.issue(exam);
    assertThat(a.token()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(b.token());
    assertThat(tokens.check(a.token())).contains(exam);
    tokens.revoke(a.token());
    assertThat(tokens.check(a.token())).isEmpty();
    clock.advance(Duration.ofHours(8));
    assertThat(tokens.check(b.token())).as("expired").isEmpty();
    Tokens.Issued c = tokens.issue(exam);
    tokens.revokeAll("exam1");
    assertThat(tokens.check(c.token())).isEmpty();
    assertThat(tokens.check("made-up")).isEmpty();
  }

  @Test
  void fiveWrongPasswordsLockTheNameForAMinute() {
    ManualClock clock = new ManualClock();
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < 4; i++) throttle.failed("cand1");
    assertThat(throttle.wait("cand1")).isZero();
    throttle.failed("cand1");
    assertThat(throttle.wait("cand1")).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.wait("cand2")).isZero();
    clock.advance(Duration.ofSeconds(61));
    assertThat(throttle.wait("cand1")).isZero();
  }

  @Test
  void anAddressGuessingManyNamesIsLockedAndCannotClearItsCountWithItsOwnLogin() {
    ManualClock clock = new ManualClock();
    LoginThrottle byAddress = LoginThrottle.byAddress(clock);
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS - 1; i++) {
      byAddress.failed("10.0.0.7");
      // the attacker logs into their own account between guesses: that does not wipe the count
      byAddress.succeeded("10.0.0.7");
    }
    assertThat(byAddress.wait("10.0.0.7")).isZero();
    byAddress.failed("10.0.0.7");
    assertThat(byAddress.wait("10.0.0.7")).isEqualTo(Duration.ofMinutes(1));
    assertThat(byAddress.wait("10.0.0.8")).isZero();
    clock.advance(Duration.ofSeconds(61));
    assertThat(byAddress.wait("10.0.0.7")).isZero();
    // a lock served out starts the count again rather than locking at the next slip
    byAddress.failed("10.0.0.7");
    assertThat(byAddress.wait("10.0.0.7")).isZero();
  }

  @Test
  void guessesStillBeingCheckedCountSoABurstIsLockedBeforeItsFirstAnswer() {
    ManualClock clock = new ManualClock();
    LoginThrottle byAddress = LoginThrottle.byAddress(clock);
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) assertThat(byAddress.reserve("10.0.0.7")).as("attempt " + i).isZero();
    assertThat(byAddress.reserve("10.0.0.7")).isEqualTo(Duration.ofMinutes(1));
    // one of them had the right password: it stops counting, and the address is under the limit again
    byAddress.withdrawn("10.0.0.7");
    assertThat(byAddress.wait("10.0.0.7")).isZero();
    LoginThrottle byName = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) assertThat(byName.reserve("cand1")).isZero();
    assertThat(byName.reserve("cand1")).isPositive();
    byName.withdrawn("cand1");
    assertThat(byName.reserve("cand1")).as("a right password clears a name's count").isZero();
  }
}
