package org.twinlab.runtime.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/** Writes that are on disk when they return: whole files replaced atomically, and appended lines. */
public final class DurableFiles {
  private DurableFiles() {}

  /** Replaces a file's content so that a crash leaves the old or the new file, never half of one. */
  public static void replace(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    OwnerOnly.createDirectories(dir);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp); // a left-over from a crash keeps its old mode; the new one is made owner-only
    try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        OwnerOnly.fileAttributes())) {
      writeFully(ch, text);
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(dir);
  }

  /** Opens a file for appending, creating it (and its directory, synced) when it is new. */
  public static FileChannel openForAppend(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    OwnerOnly.createDirectories(dir);
    boolean created = !Files.exists(file);
    FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
        OwnerOnly.fileAttributes());
    if (created) syncDirectory(dir);
    return ch;
  }

  /**
   * Appends one line and forces it to the device before returning. A write or force that fails
   * (a full disk) cuts the file back to where it ended, so no torn line is left behind.
   */
  public static void appendLine(FileChannel ch, String line) throws IOException {
    appendLine(ch, ch.size(), line);
  }

  /**
   * Appends one line to a file whose last whole line ends at {@code end}; anything past it (left by
   * an earlier failed append whose cut failed too) is cut first. On failure the file is cut back to
   * {@code end} and forced, and the failure is thrown.
   *
   * @return where the file ends now
   */
  public static long appendLine(FileChannel ch, long end, String line) throws IOException {
    if (ch.size() != end) cutBack(ch, end);
    try {
      writeFully(ch, line + "\n");
      ch.force(false);
      return ch.size();
    } catch (IOException e) {
      try {
        cutBack(ch, end);
      } catch (IOException cut) {
        e.addSuppressed(cut);
      }
      throw e;
    }
  }

  /** Cuts a file back to {@code end} bytes and forces the cut to the device. */
  public static void cutBack(FileChannel ch, long end) throws IOException {
    ch.truncate(end);
    ch.force(true);
  }

  private static void writeFully(FileChannel ch, String text) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) ch.write(buf);
  }

  /** Makes a directory's entries (a file made, renamed or deleted in it) durable where the file system allows. */
  public static void syncDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException notSupported) {
      // some file systems do not sync directories; the file itself is synced
    }
  }
}
