package org.twinlab.runtime.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.twinlab.runtime.durable.DurableFiles;

/**
 * The user accounts, kept in {@code accounts.json} in the data directory (passwords only as
 * Argon2id hashes). Every change is on disk before it returns.
 */
public final class Accounts {
  public static final String FILE_NAME = "accounts.json";
  private final Path file;
  private final Clock clock;
  private final Map<String, Account> byName = new TreeMap<>();

  private Accounts(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** The accounts of a data directory; none when the file does not exist yet. The clock dates new accounts. */
  public static Accounts open(Path dataDir, Clock clock) {
    Accounts a = new Accounts(dataDir.resolve(FILE_NAME), clock);
    a.load();
    return a;
  }

  public synchronized Optional<Account> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public synchronized List<Account> all() {
    return List.copyOf(byName.values());
  }

  /** Creates an account; refuses a name that is taken or a weak password. */
  public synchronized Account add(String name, Role role, String displayName, String password) {
    Account.requireName(name);
    if (byName.containsKey(name)) throw new IllegalStateException("the user '" + name + "' exists already");
    Passwords.requireStrong(password);
    Account a = new Account(name, role, displayName, Passwords.hash(password), clock.instant());
    commit(next -> next.put(name, a));
    return a;
  }

  public synchronized void setPassword(String name, String password) {
    Account a = require(name);
    Passwords.requireStrong(password);
    Account changed = a.withPassword(Passwords.hash(password));
    commit(next -> next.put(name, changed));
  }

  /** Locks an account (it can no longer log in) or unlocks it; its password stays as it was. */
  public synchronized void setLocked(String name, boolean locked) {
    Account changed = require(name).withLocked(locked);
    commit(next -> next.put(name, changed));
  }

  public synchronized void remove(String name) {
    require(name);
    commit(next -> next.remove(name));
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
    Account a = byName.get(name);
    if (a == null) throw new java.util.NoSuchElementException("no user '" + name + "'");
    return a;
  }

  private void load() {
    if (!Files.exists(file)) return;
    try {
      JsonObject doc = new JsonObject(Files.readString(file));
      for (Object o : doc.getJsonArray("accounts", new JsonArray())) {
        JsonObject j = (JsonObject) o;
        Account a = new Account(j.getString("name"), Role.of(j.getString("role")), j.getString("display"),
            j.getString("password"), Instant.parse(j.getString("created")), j.getBoolean("locked", false));
        byName.put(a.name(), a);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + ": not an account file: " + e.getMessage(), e);
    }
  }

  /**
   * Makes a change on a copy, writes the copy and only then takes it: an account that did not
   * reach the disk does not exist, even until the next restart.
   */
  private void commit(java.util.function.Consumer<Map<String, Account>> change) {
    Map<String, Account> next = new TreeMap<>(byName);
    change.accept(next);
    save(next);
    byName.clear();
    byName.putAll(next);
  }

  private void save(Map<String, Account> accounts) {
    JsonArray list = new JsonArray();
    accounts.values().forEach(a -> list.add(new JsonObject().put("name", a.name()).put("role", a.role().key())
        .put("display", a.displayName()).put("password", a.passwordHash()).put("created", a.created().toString()).put("locked", a.locked())));
    try {
      DurableFiles.replace(file, new JsonObject().put("accounts", list).encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }
}
