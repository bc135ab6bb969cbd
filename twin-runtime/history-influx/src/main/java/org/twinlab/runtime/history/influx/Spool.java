package org.twinlab.runtime.history.influx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.twinlab.runtime.durable.OwnerOnly;
import org.twinlab.runtime.durable.DurableFiles;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Batches of line protocol kept on local disk, in order, while InfluxDB cannot take them. Each batch
 * is one segment file, written to a temporary name, fsynced and renamed, so a crash leaves either
 * the whole batch or none of it; segments are named by sequence and delivered oldest first.
 */
public final class Spool {
  private static final String SUFFIX = ".lp";

  private final Path dir;
  private final Path rejected;
  private final TreeMap<Long, Integer> segments = new TreeMap<>();
  private long lines;
  private long nextSeq;
  private final java.time.Clock clock;

  public record Segment(long seq, Path file, List<String> lines) {}

  /** @param clock dates the name of a batch set aside, so an operator sees when it was refused */
  public Spool(Path dir, java.time.Clock clock) throws IOException {
    this.clock = clock;
    this.dir = OwnerOnly.createDirectories(dir);
    this.rejected = dir.resolve("rejected");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(".tmp")) {
          Files.deleteIfExists(f); // a batch cut short by a crash was never acknowledged
        } else if (name.endsWith(SUFFIX)) {
          long seq = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
          int n = countLines(f);
          segments.put(seq, n);
          lines += n;
        }
      }
    }
    nextSeq = segments.isEmpty() ? 1 : segments.lastKey() + 1;
  }

  private static int countLines(Path f) throws IOException {
    try (Stream<String> s = Files.lines(f, StandardCharsets.UTF_8)) {
      return (int) s.filter(l -> !l.isEmpty()).count();
    }
  }

  /** Keeps a batch durably; when this returns, the batch survives a crash. */
  public synchronized void append(List<String> batch) throws IOException {
    long seq = nextSeq++;
    Path target = dir.resolve(String.format("%020d", seq) + SUFFIX);
    DurableFiles.replace(target, String.join("\n", batch) + "\n");
    segments.put(seq, batch.size());
    lines += batch.size();
  }

  public synchronized boolean isEmpty() {
    return segments.isEmpty();
  }

  /** Lines waiting for delivery. */
  public synchronized long lines() {
    return lines;
  }

  /** The oldest batch, read back from disk. */
  public Optional<Segment> oldest() throws IOException {
    long seq;
    synchronized (this) {
      if (segments.isEmpty()) return Optional.empty();
      seq = segments.firstKey();
    }
    Path f = dir.resolve(String.format("%020d", seq) + SUFFIX);
    List<String> content = new ArrayList<>();
    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) if (!l.isEmpty()) content.add(l);
    return Optional.of(new Segment(seq, f, content));
  }

  /** Forgets a batch that InfluxDB has taken. */
  public synchronized void delivered(Segment s) throws IOException {
    Files.deleteIfExists(s.file());
    Integer n = segments.remove(s.seq());
    if (n != null) lines -= n;
  }

  /** Sets a batch aside that InfluxDB refused as malformed, with the reason beside it, for an operator. */
  public synchronized void reject(Segment s, String reason) throws IOException {
    Files.createDirectories(rejected);
    Files.move(s.file(), rejected.resolve(s.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(rejected.resolve(s.file().getFileName() + ".reason.txt"), reason + "\n");
    Integer n = segments.remove(s.seq());
    if (n != null) lines -= n;
  }

  /** Keeps a batch that will never be delivered in the rejected folder, with the reason beside it. */
  public synchronized Path setAside(List<String> batch, String reason) throws IOException {
    Files.createDirectories(rejected);
    Path file = rejected.resolve("batch-" + clock.millis() + "-" + (nextSeq++) + SUFFIX);
    DurableFiles.replace(file, String.join("\n", batch) + "\n");
    Files.writeString(file.resolveSibling(file.getFileName() + ".reason.txt"), reason + "\n");
    return file;
  }

  public Path directory() {
    return dir;
  }
}
