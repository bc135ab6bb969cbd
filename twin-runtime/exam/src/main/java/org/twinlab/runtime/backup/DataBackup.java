package org.twinlab.runtime.backup;

import org.twinlab.runtime.durable.OwnerOnly;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.SqliteHistoryStore;

/**
 * Backs up a data directory into one zip file and restores it, while a runtime may be writing the
 * directory. The history database is copied as one consistent snapshot (SQLite's VACUUM INTO);
 * append-only journals are copied up to their last complete line; the manifest, written last, lists
 * every file with its size and SHA-256, and a restore checks all of them before it writes anything.
 */
public final class DataBackup {
  private static final String HISTORY_DB = SqliteHistoryStore.FILE_NAME;
  /** Where the platform's private signing key lies in a data directory. */
  public static final String PRIVATE_KEY = "keys/" + org.twinlab.runtime.evidence.PlatformKey.PRIVATE_FILE;
  /** Where the OPC UA client certificate's key lies: whoever holds it is the runtime to every PLC that trusts it. */
  public static final String OPCUA_PRIVATE_KEY = "pki/own/key.pem";

  private DataBackup() {}

  /**
   * Writes a backup of {@code dataDir} to {@code out}, readable by its owner only; returns its
   * manifest, dated {@code at}. The platform's private signing key, and the OPC UA client's key, are
   * in it only when asked for: whoever holds them can sign evidence as the platform, or pass for the
   * runtime with the PLCs.
   */
  public static BackupManifest create(Path dataDir, Path out, boolean includePrivateKey, java.time.Instant at) throws BackupException {
    if (!Files.isDirectory(dataDir)) throw new BackupException("no data directory " + dataDir);
    Path snapshot = null;
    try (BackupZip zip = BackupZip.open(out)) {
      if (Files.isRegularFile(dataDir.resolve(HISTORY_DB))) {
        snapshot = Files.createTempFile("twinlab-history", ".db");
        Files.delete(snapshot); // VACUUM INTO wants to create it
        try (SqliteHistoryStore store = SqliteHistoryStore.openReadOnly(dataDir)) {
          store.copyTo(snapshot);
        }
        zip.add(HISTORY_DB, snapshot, Files.size(snapshot));
      }
      for (Path f : filesToCopy(dataDir, out, zip.partial())) {
        String name = dataDir.relativize(f).toString().replace('\\', '/');
        if (!includePrivateKey && (name.equals(PRIVATE_KEY) || name.equals(OPCUA_PRIVATE_KEY))) continue;
        long length = name.endsWith(".jsonl") ? upToLastLine(f) : Files.size(f);
        zip.add(name, f, length);
      }
      return zip.finish(dataDir.toAbsolutePath().toString(), at);
    } catch (IOException | HistoryException e) {
      throw new BackupException("cannot back up " + dataDir + " to " + out + ": " + e.getMessage(), e);
    } finally {
      try {
        if (snapshot != null) Files.deleteIfExists(snapshot);
      } catch (IOException ignored) {
        // temporary files only
      }
    }
  }

  /** Every file to copy as it is: not the live database files (the snapshot stands for them), not temporaries. */
  private static List<Path> filesToCopy(Path dataDir, Path out, Path tmp) throws IOException {
    try (Stream<Path> walk = Files.walk(dataDir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> {
            String n = f.getFileName().toString();
            return !n.startsWith(HISTORY_DB) && !n.endsWith(".tmp") && !n.endsWith(".partial");
          })
          .filter(f -> !sameFile(f, out) && !sameFile(f, tmp))
          .sorted().toList();
    }
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** The length of a journal up to its last complete line: a line being appended is not yet acknowledged. */
  private static long upToLastLine(Path f) throws IOException {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      long end = ch.size();
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      while (end > 0) {
        one.clear();
        ch.read(one, end - 1);
        if (one.get(0) == '\n') break;
        end--;
      }
      return end;
    }
  }

  /** Reads a whole backup and checks every file against the manifest; returns the manifest. */
  public static BackupManifest verify(Path backup) throws BackupException {
    return read(backup, null);
  }

  /**
   * Restores a backup into {@code dataDir}, which must be empty or absent. Everything is checked
   * before anything lands: a damaged backup leaves the target untouched.
   */
  public static BackupManifest restore(Path backup, Path dataDir) throws BackupException {
    try {
      if (Files.exists(dataDir)) {
        try (Stream<Path> s = Files.list(dataDir)) {
          if (s.findAny().isPresent()) {
            throw new BackupException("will not restore into " + dataDir + ": it is not empty (restore into an empty or new directory)");
          }
        }
      }
      Path parent = dataDir.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, ".twinlab-restore");
      try {
        BackupManifest manifest = read(backup, staging);
        // restored data is the owner's alone, as the runtime keeps it: the signing key above all
        OwnerOnly.tree(staging);
        Files.deleteIfExists(dataDir);
        Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
        return manifest;
      } finally {
        deleteTree(staging);
      }
    } catch (IOException e) {
      throw new BackupException("cannot restore " + backup + " into " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** Reads every entry, checks it against the manifest, and extracts it under {@code into} when given. */
  private static BackupManifest read(Path backup, Path into) throws BackupException {
    if (!Files.isRegularFile(backup)) throw new BackupException("no backup file " + backup);
    Map<String, BackupManifest.Entry> seen = new LinkedHashMap<>();
    Map<String, Long> crcs = new LinkedHashMap<>();
    BackupManifest manifest = null;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = e.getName();
        if (crcs.containsKey(name)) throw new BackupException(backup + " is damaged: " + name + " appears twice");
        if (name.equals(BackupManifest.NAME)) {
          byte[] bytes = zip.readAllBytes();
          manifest = BackupManifest.fromJson(new JsonObject(new String(bytes, StandardCharsets.UTF_8)));
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(bytes);
          crcs.put(name, crc.getValue());
          continue;
        }
        Path target = into == null ? null : safeTarget(into, name);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        seen.put(name, copy(zip, target, crc));
        crcs.put(name, crc.getValue());
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new BackupException(backup + " is damaged: " + e.getMessage(), e);
    } catch (io.vertx.core.json.DecodeException | NullPointerException | ClassCastException | IllegalArgumentException
        | java.time.format.DateTimeParseException e) {
      throw new BackupException(backup + " is damaged: its manifest does not read (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BackupException("cannot read " + backup + ": " + e.getMessage(), e);
    }
    if (manifest == null) {
      throw new BackupException(backup + " is not a twinlab backup, or is cut short: it has no " + BackupManifest.NAME);
    }
    if (manifest.format() != BackupManifest.FORMAT) {
      throw new BackupException(backup + " has backup format " + manifest.format() + "; this twinlab reads format " + BackupManifest.FORMAT);
    }
    for (BackupManifest.Entry expected : manifest.files()) {
      BackupManifest.Entry actual = seen.remove(expected.path());
      if (actual == null) throw new BackupException(backup + " is damaged: " + expected.path() + " is missing");
      if (actual.size() != expected.size() || !actual.sha256().equals(expected.sha256())) {
        throw new BackupException(backup + " is damaged: " + expected.path() + " does not match its checksum");
      }
    }
    if (!seen.isEmpty()) throw new BackupException(backup + " is damaged: files not in its manifest: " + seen.keySet());
    checkCentralDirectory(backup, manifest, crcs);
    return manifest;
  }

  /** The zip's directory at its end must agree with the entries read front to back. */
  private static void checkCentralDirectory(Path backup, BackupManifest manifest, Map<String, Long> crcs) throws BackupException {
    try (java.util.zip.ZipFile zf = new java.util.zip.ZipFile(backup.toFile())) {
      java.util.Set<String> names = new java.util.HashSet<>();
      for (var en = zf.entries(); en.hasMoreElements();) {
        ZipEntry e = en.nextElement();
        names.add(e.getName());
        Long crc = crcs.get(e.getName());
        if (crc == null || e.getCrc() != crc) throw new BackupException(backup + " is damaged: its directory disagrees about " + e.getName());
      }
      if (!names.equals(crcs.keySet())) throw new BackupException(backup + " is damaged: its directory lists other files than it holds");
    } catch (IOException e) {
      throw new BackupException(backup + " is damaged: " + e.getMessage(), e);
    }
  }

  private static Path safeTarget(Path into, String name) throws BackupException {
    Path target = into.resolve(name).normalize();
    if (name.startsWith("/") || name.contains("\\") || !target.startsWith(into.normalize())) {
      throw new BackupException("refusing a backup entry outside the data directory: " + name);
    }
    return target;
  }

  private static BackupManifest.Entry copy(InputStream in, Path target, java.util.zip.CRC32 crc) throws IOException {
    MessageDigest sha = digest();
    long size = 0;
    OutputStream out = null;
    try {
      if (target != null) {
        Files.createDirectories(target.getParent());
        out = Files.newOutputStream(OwnerOnly.newFile(target), StandardOpenOption.WRITE);
      }
      DigestInputStream din = new DigestInputStream(in, sha);
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = din.read(buf)) > 0) {
        size += n;
        crc.update(buf, 0, n);
        if (out != null) out.write(buf, 0, n);
      }
    } finally {
      if (out != null) out.close();
    }
    return new BackupManifest.Entry("", size, HexFormat.of().formatHex(sha.digest()));
  }

  private static MessageDigest digest() {
    return BackupZip.digest();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
