package org.twinlab.runtime.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.packages.UpgradeEntry;
import org.twinlab.runtime.packages.UpgradeLog;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * Which version of its twin application package a simulated station runs, the one it ran before
 * (what a rollback returns to), and its upgrade log: every upgrade and rollback tried, with from and
 * to version, who, when and the outcome, as the live runtime keeps it in {@code upgrades/<twin>.jsonl}.
 */
final class StationUpgrades {
  /** A version of the package with its bindings. */
  record Installed(String version, BindingSet bindings) {}

  private final String twin;
  private final String model;
  private final List<UpgradeEntry> log = new ArrayList<>();
  private String running = PackageReleases.FIRST;
  private Installed before;

  StationUpgrades(String twin, String model) {
    this.twin = twin;
    this.model = model;
  }

  String running() {
    return running;
  }

  Optional<Installed> before() {
    return Optional.ofNullable(before);
  }

  /** A package deployed afresh: its first version, nothing to roll back to. */
  void deployed() {
    running = PackageReleases.FIRST;
    before = null;
  }

  /** Records a move done from the running version to {@code to}; {@code previous} is kept to roll back to, or null after a rollback. */
  ActionOutcome moved(String kind, String to, Installed previous, String who, Instant at) {
    String from = running;
    log.add(UpgradeEntry.done(kind, twin, model, from, to, who, at));
    running = to;
    before = previous;
    return new ActionOutcome(true, (kind.equals(UpgradeEntry.ROLLBACK) ? "rolled back from " : "upgraded from ") + from + " to " + to,
        Map.of("from", from, "to", to));
  }

  ActionOutcome refused(String kind, String to, String why, String who, Instant at) {
    log.add(UpgradeEntry.refused(kind, twin, model, running, to, who, at, why));
    return ActionOutcome.refused(why);
  }

  List<UpgradeEntry> log() {
    return List.copyOf(log);
  }

  /** What a backup of the station records about the upgrade log it holds. */
  Map<String, String> backedUp() {
    if (log.isEmpty()) return Map.of("upgrade_log_entries", "0");
    return Map.of("upgrade_log", UpgradeLog.entryName(twin), "upgrade_log_entries", Integer.toString(log.size()));
  }
}
