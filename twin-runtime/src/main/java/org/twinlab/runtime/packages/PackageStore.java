package org.twinlab.runtime.packages;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The twin application packages deployed and removed through the API, kept in the data directory
 * so a restart runs the same twins: {@code packages/<twin>.json} for a deployed package, and
 * {@code packages/<twin>.removed} for a twin of the lab's configuration that was removed. Each file
 * is on disk (written whole and synced) before the deployment or removal is acknowledged.
 */
public final class PackageStore {
  private static final String DEPLOYED = ".json";
  private static final String REMOVED = ".removed";

  private final Path dir;

  public PackageStore(Path dataDir) {
    this.dir = dataDir.resolve("packages");
  }

  /** The deployed packages, by twin id order. */
  public List<JsonObject> deployed() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (Path f : files(DEPLOYED)) out.add(new JsonObject(Files.readString(f, StandardCharsets.UTF_8)));
    return out;
  }

  /** The configured twins removed through the API. */
  public Set<String> removed() throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path f : files(REMOVED)) out.add(name(f, REMOVED));
    return out;
  }

  public void saveDeployed(String twin, JsonObject pkg) throws IOException {
    writeDurably(dir.resolve(twin + DEPLOYED), pkg.encodePrettily());
    Files.deleteIfExists(dir.resolve(twin + REMOVED));
  }

  /** Records a removal; a configured twin stays removed across restarts. */
  public void saveRemoved(String twin, boolean configured) throws IOException {
    if (configured) writeDurably(dir.resolve(twin + REMOVED), "");
    Files.deleteIfExists(dir.resolve(twin + DEPLOYED));
    syncDir();
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

  private void writeDurably(Path target, String text) throws IOException {
    Files.createDirectories(dir);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDir();
  }

  private void syncDir() throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename is then as durable as they allow
    }
  }
}
