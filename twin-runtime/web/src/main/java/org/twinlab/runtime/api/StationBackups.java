package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinlab.runtime.auth.Caller;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.backup.BackupManifest;
import org.twinlab.runtime.durable.OwnerOnly;
import org.twinlab.runtime.backup.StationBackup;
import org.twinlab.runtime.binding.BindingVersion;
import org.twinlab.runtime.history.History;
import org.twinlab.runtime.packages.UpgradeLog;
import org.twinlab.runtime.history.HistoryExport;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.Series;
import org.twinlab.runtime.session.LabSession;
import org.twinlab.runtime.session.SessionAccess;
import org.twinlab.runtime.session.StationPlan;
import org.twinlab.runtime.twin.TwinVerticle;
import org.twinlab.scenarios.engine.ActionOutcome;

/**
 * The "backup" action at a station: a copy of that station's own data only (the twin's history since
 * the station started, its binding versions as configured and as the caller changed them, its
 * upgrade log since the station started, and the caller's own actions there), never the platform's keys, accounts or another station's data. The
 * whole platform is backed up by an administrator ({@link BackupRoutes}).
 */
final class StationBackups {
  /** How many backups of one twin are kept: a candidate cannot fill the disk the evidence is written to. */
  static final int KEPT_PER_TWIN = 5;

  private final Vertx vertx;
  private final History history;
  private final SessionAccess access;
  private final Path backupsDir;
  private final UpgradeLog upgrades;

  StationBackups(Vertx vertx, History history, SessionAccess access, Path backupsDir, UpgradeLog upgrades) {
    this.vertx = vertx;
    this.history = history;
    this.access = access;
    this.backupsDir = backupsDir;
    this.upgrades = upgrades;
  }

  /** Where the twin stands for this caller in a running session: the session, its station and its evidence. */
  private record Seat(String session, String station, org.twinlab.runtime.evidence.SessionEvidence evidence) {}

  Future<ActionOutcome> take(Caller caller, TwinVerticle t) {
    Optional<Seat> seat = seat(caller, t.id());
    return t.history().compose(versions -> vertx.executeBlocking(() -> write(caller, t, seat, versions), false));
  }

  private ActionOutcome write(Caller caller, TwinVerticle t, Optional<Seat> seat, List<BindingVersion> versions) throws Exception {
    List<JsonObject> records = seat.map(StationBackups::stationRecords).orElse(List.of());
    // a seat's history is the twin's since its station started; staff outside a session take the twin's whole history
    Instant from = seat.isEmpty() ? Instant.EPOCH : records.stream().filter(r -> "station.started".equals(r.getString("kind")))
        .map(r -> Instant.parse(r.getString("at"))).findFirst().orElse(t.clock().instant());
    List<JsonObject> own = records.stream().filter(r -> caller.name().equals(r.getString("by"))).toList();
    StationBackup.Contents contents = new StationBackup.Contents(t.id(), seat.map(Seat::station).orElse(null),
        seat.map(Seat::session).orElse(null), historyCsv(t.id(), from, t.clock().instant()), ownVersions(caller, versions), own,
        upgradesSince(t.id(), from));
    OwnerOnly.directory(backupsDir);
    Instant now = t.clock().instant();
    Path out = backupsDir.resolve(BackupRoutes.fileName(t.id(), now));
    BackupManifest m = StationBackup.create(contents, out, now);
    keepNewest(t.id());
    Map<String, String> result = new java.util.LinkedHashMap<>(Map.of("file", out.getFileName().toString(),
        "files", Integer.toString(m.files().size()), "bytes", Long.toString(m.totalBytes()),
        "upgrade_log_entries", Integer.toString(UpgradeLog.parse(contents.upgradeLog()).size())));
    // the log by the name the manifest lists it under, so a check can ask whether the backup holds it
    m.files().stream().map(BackupManifest.Entry::path).filter(UpgradeLog.entryName(t.id())::equals).findFirst()
        .ifPresent(name -> result.put("upgrade_log", name));
    return new ActionOutcome(true, "backup written", result);
  }

  /** The twin's upgrade log from a time on: at a seat, the station's own upgrades, not those of an earlier sitting on the same rig. */
  private byte[] upgradesSince(String twin, Instant from) throws IOException {
    return UpgradeLog.lines(UpgradeLog.parse(upgrades.bytes(twin)).stream().filter(e -> !e.at().isBefore(from)).toList());
  }

  /** Deletes all but the newest backups of a twin (their names sort by time). */
  private void keepNewest(String twin) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(backupsDir)) {
      List<Path> mine = files.filter(f -> f.getFileName().toString().startsWith(twin + "_") && f.toString().endsWith(".zip"))
          .sorted().toList();
      for (Path old : mine.subList(0, Math.max(0, mine.size() - KEPT_PER_TWIN))) java.nio.file.Files.deleteIfExists(old);
    }
  }

  /** The session station the caller takes the twin's backup at: a candidate's own; staff's first that holds the twin. */
  private Optional<Seat> seat(Caller caller, String twin) {
    for (LabSession s : access.visibleTo(caller)) {
      if (s.ended()) continue;
      for (StationPlan p : s.plan().stations()) {
        if (!p.twins().contains(twin)) continue;
        if (caller.is(Role.CANDIDATE) && !p.candidate().equals(caller.name())) continue;
        return Optional.of(new Seat(s.id(), s.currentOf(p).id(), s.evidence()));
      }
    }
    return Optional.empty();
  }

  /** The twin's points only, from a time on up to now. */
  private byte[] historyCsv(String twin, Instant from, Instant now) throws Exception {
    Instant to = now.plusSeconds(1);
    var series = from.isBefore(to) ? history.store().raw(new HistoryQuery(twin, Set.of(), null, from, to)) : List.<Series>of();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      HistoryExport.csv(series, out);
    }
    return bytes.toByteArray();
  }

  /** The bindings as configured, each change the caller made, and the bindings in force now; not others' edits. */
  private static List<JsonObject> ownVersions(Caller caller, List<BindingVersion> versions) {
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      BindingVersion v = versions.get(i);
      boolean current = i == versions.size() - 1;
      if (current || v.action() == BindingVersion.Action.LOADED || v.by().equals(caller.name())) out.add(Views.version(v, true));
    }
    return out;
  }

  /** The records of the station in its session's evidence, up to the last whole line (one may be being appended). */
  private static List<JsonObject> stationRecords(Seat seat) {
    List<JsonObject> out = new ArrayList<>();
    try {
      String text = new String(seat.evidence().export(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank()) continue;
        JsonObject r = new JsonObject(line);
        if (seat.station().equals(r.getString("station"))) out.add(r);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the evidence of session " + seat.session(), e);
    }
    return out;
  }
}
