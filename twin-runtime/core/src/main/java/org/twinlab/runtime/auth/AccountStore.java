package org.twinlab.runtime.auth;

import java.util.List;
import java.util.Optional;

/**
 * Where the accounts are kept: {@code accounts.json} in the data directory ({@link FileAccountStore},
 * the default) or a database every node of a lab shares. Each change is kept before it returns. Blocking.
 */
public interface AccountStore {

  Optional<Account> find(String name);

  /** Every account, by name. */
  List<Account> all();

  /** Keeps a new account; {@link IllegalStateException} when its name is taken. */
  void insert(Account account);

  /** Replaces an account of the same name; {@link java.util.NoSuchElementException} when there is none. */
  void update(Account account);

  /** Removes an account; {@link java.util.NoSuchElementException} when there is none. */
  void delete(String name);
}
