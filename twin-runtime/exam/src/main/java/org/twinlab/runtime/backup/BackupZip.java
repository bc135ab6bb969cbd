package org.twinlab.runtime.backup;

import org.twinlab.runtime.durable.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One backup file being written: entries hashed on the way in, the manifest last, into a partial
 * file readable by its owner only that takes the final name only once it is whole and on disk.
 */
final class BackupZip implements AutoCloseable {
  private final Path out;
  private final Path tmp;
  private final ZipOutputStream zip;
  private final List<BackupManifest.Entry> entries = new ArrayList<>();
  private boolean finished;

  private BackupZip(Path out, Path tmp, ZipOutputStream zip) {
    this.out = out;
    this.tmp = tmp;
    this.zip = zip;
  }

  static BackupZip open(Path out) throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + ".partial");
    Files.deleteIfExists(tmp);
    OwnerOnly.newFile(tmp);
    return new BackupZip(out, tmp, new ZipOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE)));
  }

  Path partial() {
    return tmp;
  }

  /** Streams the first {@code length} bytes of a file into the zip, hashing them on the way. */
  void add(String name, Path file, long length) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    MessageDigest sha = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) throw new IOException(file + " shrank while being backed up");
        sha.update(buf, 0, n);
        zip.write(buf, 0, n);
        left -= n;
      }
    }
    zip.closeEntry();
    entries.add(new BackupManifest.Entry(name, length, HexFormat.of().formatHex(sha.digest())));
  }

  /** Adds content made for the backup (an export, a selection of records). */
  void add(String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
    entries.add(new BackupManifest.Entry(name, bytes.length, HexFormat.of().formatHex(digest().digest(bytes))));
  }

  /** Writes the manifest (dated {@code at}), puts the file on disk and gives it its name. */
  BackupManifest finish(String source, Instant at) throws IOException {
    BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, at, source, entries);
    zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
    zip.write(manifest.toJson().encodePrettily().getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
    zip.close();
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    finished = true;
    return manifest;
  }

  @Override
  public void close() throws IOException {
    if (finished) return;
    try {
      zip.close();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
