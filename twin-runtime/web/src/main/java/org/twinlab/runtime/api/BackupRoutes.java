package org.twinlab.runtime.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.backup.BackupManifest;
import org.twinlab.runtime.backup.DataBackup;
import org.twinlab.runtime.durable.OwnerOnly;
import org.twinlab.runtime.twin.TwinRequestException;

/**
 * Whole-platform backups, an administrator's alone (the OpenAPI document says so, and the guard
 * keeps to it): take one, list them, download one. A backup holds every account's hash and every
 * session's evidence; the platform's private signing key only when the administrator asks for it.
 */
final class BackupRoutes {
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  /** A new backup file's name in the backups directory: what it is of, and when (UTC, to the millisecond). */
  static String fileName(String of, Instant at) {
    return of + "_" + FILE_TIME.format(at) + ".zip";
  }
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.zip");

  private final Vertx vertx;
  private final Path dataDir;
  private final Path backupsDir;
  private final AuditLog audit;
  private final java.time.Clock clock;

  BackupRoutes(Vertx vertx, Path dataDir, AuditLog audit, java.time.Clock clock) {
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.backupsDir = backupsDir(dataDir);
    this.audit = audit;
    this.clock = clock;
  }

  /** Where backups taken through the API go: beside the data directory, so a backup never holds older ones. */
  static Path backupsDir(Path dataDir) {
    Path abs = dataDir.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + "-backups");
  }

  void mount(GuardedRouter r) {
    r.post("/api/v1/backups").handler(this::create);
    r.get("/api/v1/backups").handler(this::list);
    r.get("/api/v1/backups/:file").handler(this::download);
    r.longPost("/api/v1/backups/:file/check").handler(this::check);
  }

  /**
   * Reads a backup through and checks every file against its manifest, as a restore would before
   * anything lands: whether it can be restored, or what is wrong with it. Nothing is restored.
   */
  private void check(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    if (!FILE_NAME.matcher(name).matches()) throw TwinRequestException.invalid("file", "a backup's file name, as the list gives it");
    Path file = backupsDir.resolve(name);
    Http.respond(ctx, vertx.executeBlocking(() -> {
      if (!Files.isRegularFile(file)) throw TwinRequestException.notFound("file", "no backup '" + name + "'");
      try {
        BackupManifest m = DataBackup.verify(file);
        return new JsonObject().put("file", name).put("restorable", true).put("files", m.files().size()).put("bytes", m.totalBytes())
            .put("created", m.created().toString());
      } catch (org.twinlab.runtime.backup.BackupException e) {
        return new JsonObject().put("file", name).put("restorable", false).put("problem", e.getMessage());
      }
    }, false), 200, v -> v);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = ctx.body().asString() == null || ctx.body().asString().isBlank() ? new JsonObject() : Http.jsonBody(ctx);
    Object keys = body.getValue("include_keys", false);
    if (!(keys instanceof Boolean includeKeys)) throw TwinRequestException.invalid("include_keys", "true or false");
    String who = Http.caller(ctx);
    Http.respond(ctx, vertx.executeBlocking(() -> {
      OwnerOnly.directory(backupsDir);
      Instant now = clock.instant();
      Path out = backupsDir.resolve(fileName("platform", now));
      BackupManifest m = DataBackup.create(dataDir, out, includeKeys, now);
      audit.record(who, "platform backup", out.getFileName().toString(), includeKeys ? "with the private signing key" : "without the private signing key");
      return new JsonObject().put("file", out.getFileName().toString()).put("files", m.files().size()).put("bytes", m.totalBytes())
          .put("include_keys", includeKeys);
    }, false), 201, v -> v);
  }

  private void list(RoutingContext ctx) {
    Http.respond(ctx, vertx.executeBlocking(() -> {
      JsonArray out = new JsonArray();
      if (!Files.isDirectory(backupsDir)) return out;
      try (Stream<Path> files = Files.list(backupsDir)) {
        for (Path f : files.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
          out.add(new JsonObject().put("file", f.getFileName().toString()).put("bytes", Files.size(f))
              .put("modified", Files.getLastModifiedTime(f).toInstant().toString()));
        }
      }
      return out;
    }, false), 200, v -> v);
  }

  private void download(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    if (!FILE_NAME.matcher(name).matches()) throw TwinRequestException.invalid("file", "a backup's file name, as the list gives it");
    Path file = backupsDir.resolve(name);
    vertx.executeBlocking(() -> Files.isRegularFile(file), false).onSuccess(exists -> {
      if (!exists) {
        ctx.fail(TwinRequestException.notFound("file", "no backup '" + name + "'"));
        return;
      }
      ctx.response().putHeader("Content-Type", "application/zip")
          .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
          .sendFile(file.toString());
    }).onFailure(ctx::fail);
  }

}
