package org.twinlab.runtime.backup;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.twinlab.runtime.packages.UpgradeLog;

/**
 * A backup of one station's own data, as a candidate takes one in an exam: the twin's history, its
 * binding versions, its upgrade log and the candidate's own actions, in the same checked format as a platform backup.
 * Nothing else of the platform is in it: no keys, no accounts, no other station or session.
 */
public final class StationBackup {
  private StationBackup() {}

  /**
   * What goes into a station's backup, gathered by whoever may read it.
   *
   * @param historyCsv the twin's points (its own only), as the history export writes them
   * @param bindingVersions the twin's binding versions, as the binding journal keeps them
   * @param actions the caller's own records at the station
   * @param upgradeLog the twin's upgrade log as it lies on disk; empty when it has none (and then left out)
   */
  public record Contents(String twin, String station, String session, byte[] historyCsv, List<JsonObject> bindingVersions,
      List<JsonObject> actions, byte[] upgradeLog) {
    public Contents {
      bindingVersions = List.copyOf(bindingVersions);
      actions = List.copyOf(actions);
    }
  }

  /** The entries of a station backup: where each part lies in the zip. */
  public static String historyEntry(String twin) {
    return "history/" + twin + ".csv";
  }

  public static String bindingsEntry(String twin) {
    return "bindings/" + twin + ".jsonl";
  }

  public static final String ACTIONS_ENTRY = "actions.jsonl";

  /** Writes the backup to {@code out}, readable by its owner only; returns its manifest, dated {@code at}. */
  public static BackupManifest create(Contents c, Path out, java.time.Instant at) throws BackupException {
    try (BackupZip zip = BackupZip.open(out)) {
      zip.add(historyEntry(c.twin()), c.historyCsv());
      zip.add(bindingsEntry(c.twin()), lines(c.bindingVersions()));
      zip.add(ACTIONS_ENTRY, lines(c.actions()));
      if (c.upgradeLog().length > 0) zip.add(UpgradeLog.entryName(c.twin()), c.upgradeLog());
      String where = c.station() == null ? "twin " + c.twin() : "twin " + c.twin() + " at station " + c.station() + " of session " + c.session();
      return zip.finish(where, at);
    } catch (IOException e) {
      throw new BackupException("cannot back up " + c.twin() + " to " + out + ": " + e.getMessage(), e);
    }
  }

  private static byte[] lines(List<JsonObject> records) {
    StringBuilder out = new StringBuilder();
    records.forEach(r -> out.append(r.encode()).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
