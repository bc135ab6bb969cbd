package org.twinlab.runtime.evidence;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.twinlab.runtime.durable.DurableFiles;

/**
 * A lab session's evidence: an append-only file of JSON lines, each record carrying the hash of
 * the one before, forced to disk before {@link #append} returns. When the session ends the chain is
 * sealed: a last record signs the chain's head with the platform key, and nothing more is added.
 *
 * <p>Appends block on the disk, so call them from worker threads.
 */
public final class EvidenceLog implements AutoCloseable {
  public static final String SEALED = "session.sealed";
  private final Path file;
  private final Clock clock;
  private final FileChannel out;
  private long seq;
  // read without the lock (views on the event loop) while an append may be waiting on the disk
  private volatile String head;
  private volatile boolean sealed;

  private EvidenceLog(Path file, Clock clock, List<EvidenceRecord> existing) throws IOException {
    this.file = file;
    this.clock = clock;
    this.seq = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).seq();
    this.head = existing.isEmpty() ? EvidenceRecord.GENESIS : existing.get(existing.size() - 1).hash();
    this.sealed = !existing.isEmpty() && existing.get(existing.size() - 1).kind().equals(SEALED);
    this.out = DurableFiles.openForAppend(file);
  }

  /**
   * Opens a log to go on appending: its records are read and checked first, so a log damaged on
   * disk is never extended (a torn last line from a crash mid-write is cut off: it was never
   * acknowledged).
   */
  public static EvidenceLog open(Path file, Clock clock) {
    try {
      List<EvidenceRecord> records = Files.exists(file) ? recover(file) : List.of();
      return new EvidenceLog(file, clock, records);
    } catch (IOException e) {
      throw new UncheckedIOException("opening " + file, e);
    }
  }

  /** Adds a record; it is on disk when this returns. */
  public synchronized EvidenceRecord append(String kind, String by, String station, JsonObject data) {
    if (sealed) throw new IllegalStateException("the evidence of this session is sealed");
    EvidenceRecord r = EvidenceRecord.chained(seq + 1, clock.instant(), kind, by, station, data, head);
    try {
      DurableFiles.appendLine(out, r.toJson().encode());
    } catch (IOException e) {
      throw new UncheckedIOException("writing evidence to " + file, e);
    }
    seq = r.seq();
    head = r.hash();
    return r;
  }

  /** Signs the chain's head with the platform key, in a last record; the log takes nothing after it. */
  public synchronized EvidenceRecord seal(PlatformKey key, String by) {
    if (sealed) throw new IllegalStateException("the evidence of this session is sealed already");
    byte[] signature = key.sign(head.getBytes(StandardCharsets.US_ASCII));
    JsonObject data = new JsonObject().put("algorithm", "Ed25519").put("signed", head)
        .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()))
        .put("fingerprint", PlatformKey.fingerprint(key.publicKey()))
        .put("signature", Base64.getEncoder().encodeToString(signature));
    EvidenceRecord r = append(SEALED, by, null, data);
    sealed = true;
    return r;
  }

  /** The hash of the last record: what the whole chain so far comes down to. */
  public String head() {
    return head;
  }

  public boolean sealed() {
    return sealed;
  }

  public Path file() {
    return file;
  }

  /** Every record, read back from the file. */
  public static List<EvidenceRecord> read(Path file) throws IOException {
    List<EvidenceRecord> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) out.add(EvidenceRecord.fromJson(new JsonObject(line)));
    }
    return out;
  }

  private static List<EvidenceRecord> recover(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') end--;
    if (end < bytes.length) {
      // a line without its newline was being written when the runtime stopped
      try (FileChannel ch = FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
        ch.truncate(end);
        ch.force(true);
      }
    }
    EvidenceVerifier.Result check = EvidenceVerifier.verify(file, null);
    if (!check.ok()) throw new IllegalStateException(file + " does not verify, so it is not extended: " + check.message());
    return read(file);
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // closing at shutdown
    }
  }
}
