package org.twinlab.runtime.durable;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What the runtime writes in its data directory (accounts, evidence, keys, history, backups) is
 * its own: files are made 0600 and directories 0700 from the moment they exist, on file systems
 * that have POSIX permissions. Elsewhere these calls leave permissions as the system gives them.
 */
public final class OwnerOnly {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** The attributes that create a file readable by its owner only (none where there are no POSIX permissions). */
  public static FileAttribute<?>[] fileAttributes() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
  }

  /** Creates a directory and its missing parents, each new one 0700; returns it. */
  public static Path createDirectories(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath();
    if (Files.isDirectory(abs)) return dir;
    Path parent = abs.getParent();
    if (parent != null) createDirectories(parent);
    try {
      if (POSIX) Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIRECTORY));
      else Files.createDirectory(abs);
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // made by another thread meanwhile: as good
    }
    return dir;
  }

  /** Creates an empty file 0600 unless it exists (so a program that opens it later keeps its mode). */
  public static void createFile(Path file) throws IOException {
    if (Files.exists(file)) return;
    createDirectories(file.toAbsolutePath().getParent());
    try {
      Files.createFile(file, fileAttributes());
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // made meanwhile: its maker chose its mode
    }
  }

  /** Creates a directory if need be and makes it 0700 even when it existed (a backups directory). */
  public static Path directory(Path dir) throws IOException {
    createDirectories(dir);
    restrict(dir);
    return dir;
  }

  /** Creates a new empty file, 0600 from its first byte; fails when it exists. */
  public static Path newFile(Path file) throws IOException {
    return Files.createFile(file, fileAttributes());
  }

  /** Makes every directory under root (and root) 0700 and every file 0600: restored data. */
  public static void tree(Path root) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) restrict(p);
    }
  }

  /** Sets an existing file to 0600, or a directory to 0700. */
  public static void restrict(Path path) throws IOException {
    if (!POSIX) return;
    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
  }
}
