package org.twinlab.runtime.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.twinlab.runtime.durable.DurableFiles;

/** The accounts in {@code accounts.json} of one data directory, on disk before each change returns. */
public final class FileAccountStore implements AccountStore {
  private final Path file;
  private final Map<String, Account> byName = new TreeMap<>();

  public FileAccountStore(Path dataDir) {
    this.file = dataDir.resolve(Accounts.FILE_NAME);
    load();
  }

  @Override
  public synchronized Optional<Account> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public synchronized List<Account> all() {
    return List.copyOf(byName.values());
  }

  @Override
  public synchronized void insert(Account a) {
    if (byName.containsKey(a.name())) throw new IllegalStateException("the user '" + a.name() + "' exists already");
    commit(next -> next.put(a.name(), a));
  }

  @Override
  public synchronized void update(Account a) {
    require(a.name());
    commit(next -> next.put(a.name(), a));
  }

  @Override
  public synchronized void delete(String name) {
    require(name);
    commit(next -> next.remove(name));
  }

  private void require(String name) {
    if (!byName.containsKey(name)) throw new NoSuchElementException("no user '" + name + "'");
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
  private void commit(Consumer<Map<String, Account>> change) {
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
