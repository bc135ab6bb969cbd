package org.twinlab.runtime.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Backups and restored data are their owner's alone: files rw------- and directories rwx------, where
 * the file system has POSIX permissions (elsewhere the directory's own protection applies). A backup
 * holds account hashes and evidence, and may hold the platform's signing key.
 */
public final class OwnerOnly {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** Creates a directory (and its parents) if need be, and makes it the owner's alone. */
  public static Path directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    set(dir, DIR);
    return dir;
  }

  /** Creates an empty file readable by its owner only from the first byte on. */
  public static Path newFile(Path file) throws IOException {
    try {
      return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } catch (UnsupportedOperationException noPosix) {
      return Files.createFile(file);
    }
  }

  /** Makes every directory under root (and root) rwx------ and every file rw-------. */
  public static void tree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) set(p, Files.isDirectory(p) ? DIR : FILE);
    }
  }

  private static void set(Path p, Set<PosixFilePermission> permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(p, permissions);
    } catch (UnsupportedOperationException noPosix) {
      // a file system without POSIX permissions
    }
  }
}
