package org.twinlab.runtime;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twinlab.runtime.auth.Account;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.Tokens;

/**
 * Ends this node's tokens of accounts changed through another node of the lab: removed, locked, or
 * given a new password there. Tokens are each node's own, but the accounts are shared (store:), so
 * each node looks at the accounts of its token holders every {@link #PERIOD_MS} ms, off the event
 * loop, and revokes as that node's own API would have.
 */
final class SharedAccountWatch {
  static final long PERIOD_MS = 2_000;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SharedAccountWatch.class);
  private final Vertx vertx;
  private final Accounts accounts;
  private final Tokens tokens;
  private volatile boolean failing;
  private long timer = -1;

  SharedAccountWatch(Vertx vertx, Accounts accounts, Tokens tokens) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.tokens = tokens;
  }

  void start() {
    // ordered: one look at a time
    timer = vertx.setPeriodic(PERIOD_MS, t -> vertx.executeBlocking(this::look, true)
        .onFailure(e -> LOG.warn("cannot follow the shared accounts: {}", e.toString())));
  }

  void stop() {
    if (timer >= 0) vertx.cancelTimer(timer);
  }

  private Void look() {
    Set<String> holders = tokens.holders();
    if (holders.isEmpty()) return null;
    Map<String, Account> byName = new HashMap<>();
    List<Account> all;
    try {
      all = accounts.all();
      failing = false;
    } catch (RuntimeException e) {
      // said once per outage; the tokens stay as they are until the accounts can be read again
      if (!failing) LOG.warn("cannot read the shared accounts to follow their changes: {}", e.getMessage());
      failing = true;
      return null;
    }
    all.forEach(a -> byName.put(a.name(), a));
    for (String name : holders) {
      Account a = byName.get(name);
      if (a == null || a.locked()) {
        tokens.revokeAll(name);
        LOG.info("tokens of {} ended on this node: the account was {} through another node", name, a == null ? "removed" : "locked");
      } else {
        tokens.revokeStale(name, a.passwordHash());
      }
    }
    return null;
  }
}
