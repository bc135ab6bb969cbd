package org.twinlab.runtime.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The user accounts (passwords only as Argon2id hashes), kept where an {@link AccountStore} keeps
 * them: {@code accounts.json} in the data directory, or a database every node of a lab shares (then
 * an account made on one node logs in on every other). Every change is kept before it returns.
 */
public final class Accounts {
  public static final String FILE_NAME = "accounts.json";
  private final AccountStore store;
  private final Clock clock;

  private Accounts(AccountStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The accounts of a data directory; none when the file does not exist yet. The clock dates new accounts. */
  public static Accounts open(Path dataDir, Clock clock) {
    return new Accounts(new FileAccountStore(dataDir), clock);
  }

  /** The accounts a store keeps. */
  public static Accounts over(AccountStore store, Clock clock) {
    return new Accounts(store, clock);
  }

  public Optional<Account> find(String name) {
    return store.find(name);
  }

  public List<Account> all() {
    return store.all();
  }

  /** Creates an account; refuses a name that is taken or a weak password. */
  public Account add(String name, Role role, String displayName, String password) {
    Account.requireName(name);
    if (store.find(name).isPresent()) throw new IllegalStateException("the user '" + name + "' exists already");
    Passwords.requireStrong(password);
    Account a = new Account(name, role, displayName, Passwords.hash(password), clock.instant());
    store.insert(a);
    return a;
  }

  public void setPassword(String name, String password) {
    Account a = require(name);
    Passwords.requireStrong(password);
    store.update(a.withPassword(Passwords.hash(password)));
  }

  /** Locks an account (it can no longer log in) or unlocks it; its password stays as it was. */
  public void setLocked(String name, boolean locked) {
    store.update(require(name).withLocked(locked));
  }

  public void remove(String name) {
    require(name);
    store.delete(name);
  }

  /** The account a name and password prove, if they do and it is not locked. */
  public Optional<Account> authenticate(String name, String password) {
    Optional<Account> a = find(name);
    // hash even for an unknown name, so timing does not tell which names exist
    String hash = a.map(Account::passwordHash).orElse(DECOY);
    boolean ok = Passwords.matches(password, hash);
    return ok && !a.get().locked() ? a : Optional.empty();
  }

  private static final String DECOY = Passwords.hash("not-a-password-of-anyone");

  private Account require(String name) {
    return store.find(name).orElseThrow(() -> new java.util.NoSuchElementException("no user '" + name + "'"));
  }
}
