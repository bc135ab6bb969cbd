package org.twinlab.runtime.packages;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.twinlab.runtime.durable.DurableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The twin application packages deployed and removed through the API, kept in the data directory
 * so a restart runs the same twins: {@code packages/<twin>.json} for a deployed package, and
 * {@code packages/<twin>.removed} for a twin of the lab's configuration that was removed. Each file
 * is on disk (written whole and synced) before the deployment or removal is acknowledged. An
 * upgraded twin keeps the package it ran before in {@code packages/<twin>.rollback}, what a rollback
 * returns to ({@code {"configured": true}} for the lab configuration's own).
 */
public final class FilePackageStore implements PackageStore {
  private static final String DEPLOYED = ".json";
  private static final String REMOVED = ".removed";
  private static final String ROLLBACK = ".rollback";

  private final Path dir;

  public FilePackageStore(Path dataDir) {
    this.dir = dataDir.resolve("packages");
  }

  /** The deployed packages, by twin id order. */
  @Override
  public List<JsonObject> deployed() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (Path f : files(DEPLOYED)) out.add(new JsonObject(Files.readString(f, StandardCharsets.UTF_8)));
    return out;
  }

  /** The configured twins removed through the API. */
  @Override
  public Set<String> removed() throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path f : files(REMOVED)) out.add(name(f, REMOVED));
    return out;
  }

  @Override
  public void saveDeployed(String twin, JsonObject pkg) throws IOException {
    DurableFiles.replace(dir.resolve(twin + DEPLOYED), pkg.encodePrettily());
    Files.deleteIfExists(dir.resolve(twin + REMOVED));
  }

  /** Records a removal; a configured twin stays removed across restarts. */
  @Override
  public void saveRemoved(String twin, boolean configured) throws IOException {
    if (configured) DurableFiles.replace(dir.resolve(twin + REMOVED), "");
    Files.deleteIfExists(dir.resolve(twin + DEPLOYED));
    Files.deleteIfExists(dir.resolve(twin + ROLLBACK));
    DurableFiles.syncDirectory(dir);
  }

  /** A twin's deployed package, if it runs one. */
  @Override
  public java.util.Optional<JsonObject> deployed(String twin) throws IOException {
    return read(dir.resolve(twin + DEPLOYED));
  }

  /** The package to roll back to, if the twin was upgraded. */
  @Override
  public java.util.Optional<JsonObject> rollback(String twin) throws IOException {
    return read(dir.resolve(twin + ROLLBACK));
  }

  @Override
  public void saveRollback(String twin, JsonObject pkg) throws IOException {
    DurableFiles.replace(dir.resolve(twin + ROLLBACK), pkg.encodePrettily());
  }

  /** Back to the configured twin: neither a deployed package nor one to roll back to. */
  @Override
  public void dropDeployed(String twin) throws IOException {
    Files.deleteIfExists(dir.resolve(twin + DEPLOYED));
    DurableFiles.syncDirectory(dir);
  }

  @Override
  public void dropRollback(String twin) throws IOException {
    Files.deleteIfExists(dir.resolve(twin + ROLLBACK));
    DurableFiles.syncDirectory(dir);
  }

  private static java.util.Optional<JsonObject> read(Path f) throws IOException {
    return Files.exists(f) ? java.util.Optional.of(new JsonObject(Files.readString(f, StandardCharsets.UTF_8))) : java.util.Optional.empty();
  }

  private List<Path> files(String suffix) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String name(Path f, String suffix) {
    String n = f.getFileName().toString();
    return n.substring(0, n.length() - suffix.length());
  }
}
