package org.twinlab.runtime.evidence;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.durable.DurableFiles;

/**
 * A lab session's evidence: an append-only file of JSON lines, each record carrying the hash of
 * the one before, forced to disk before {@link #append} returns. While the session runs the chain's
 * head is signed with the platform key now and then ({@link #checkpoint}); when the session ends the
 * chain is sealed: a last record signs the head, and nothing more is added.
 *
 * <p>An append that fails (a full disk) leaves the file as it was, cut back to its last whole
 * record, and throws {@link EvidenceUnavailableException}; so does every append after it until the
 * disk takes writes again. Appends block on the disk, so call them from worker threads.
 */
public final class EvidenceLog implements SessionEvidence {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceLog.class);
  public static final String ENDED = "session.ended";
  public static final String SEALED = "session.sealed";
  public static final String CHECKPOINT = "evidence.checkpoint";
  public static final String REPAIRED = "evidence.repaired";

  /** How a log's file is opened for appending; a seam for tests that make the disk fail. */
  @FunctionalInterface
  interface Channels {
    FileChannel open(Path file) throws IOException;
  }

  // room for a few records: a disk with less than this is as good as full
  private static final int PROBE_BYTES = 16 * 1024;
  private final Path file;
  private final Clock clock;
  private final FileChannel out;
  // why the log takes nothing at all (it does not verify), or null
  private final String damage;
  private long end;
  private long seq;
  private long signedSeq;
  private Instant signedAt;
  private JsonObject repairNote;
  // read without the lock (views on the event loop) while an append may be waiting on the disk
  private volatile String head;
  private volatile boolean sealed;
  private volatile boolean ended;
  private volatile String problem;

  private EvidenceLog(Path file, Clock clock, List<EvidenceRecord> existing, FileChannel out, String damage) throws IOException {
    this.file = file;
    this.clock = clock;
    this.out = out;
    this.damage = damage;
    this.problem = damage;
    this.end = out == null ? 0 : out.size();
    this.signedAt = clock.instant();
    this.head = EvidenceRecord.GENESIS;
    for (EvidenceRecord r : existing) {
      seq = r.seq();
      head = r.hash();
      if (r.kind().equals(ENDED)) ended = true;
      if (r.kind().equals(SEALED)) sealed = true;
      if (r.kind().equals(CHECKPOINT) || r.kind().equals(SEALED)) signedSeq = r.seq();
    }
  }

  /**
   * Opens a log to go on appending: its records are read and checked first, so a log damaged on
   * disk is never extended ({@link EvidenceDamagedException}). A torn last line (a crash or a full
   * disk mid-write: it was never acknowledged) is cut off, and the cut is put on record.
   */
  public static EvidenceLog open(Path file, Clock clock) {
    return open(file, clock, null, DurableFiles::openForAppend);
  }

  /**
   * Opens a log whose every signature must be the platform's ({@code trusted}): a log re-signed by
   * another key is damaged, not extended.
   */
  public static EvidenceLog open(Path file, Clock clock, PublicKey trusted) {
    return open(file, clock, trusted, DurableFiles::openForAppend);
  }

  static EvidenceLog open(Path file, Clock clock, Channels channels) {
    return open(file, clock, null, channels);
  }

  private static EvidenceLog open(Path file, Clock clock, PublicKey trusted, Channels channels) {
    try {
      long cut = 0;
      List<EvidenceRecord> records = List.of();
      if (Files.exists(file)) {
        byte[] bytes = Files.readAllBytes(file);
        int whole = wholeLines(bytes);
        // checked before anything is cut: a log that does not verify is left exactly as it was found
        records = verified(file, java.util.Arrays.copyOf(bytes, whole), trusted);
        cut = bytes.length - whole;
        if (cut > 0) cutTornTail(file, whole);
      }
      EvidenceLog log = new EvidenceLog(file, clock, records, channels.open(file), null);
      if (cut > 0) log.noteRepair(cut);
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("opening " + file, e);
    }
  }

  /** A log that does not verify, kept so its session can be shown: it takes nothing and says why. */
  public static EvidenceLog damaged(Path file, Clock clock, String why) {
    try {
      return new EvidenceLog(file, clock, readable(file), null, "the evidence " + file + " does not verify: " + why);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  /** Adds a record; it is on disk when this returns, and nothing of it is when this throws. */
  @Override
  public synchronized EvidenceRecord append(String kind, String by, String station, JsonObject data) {
    if (damage != null) throw new EvidenceUnavailableException(damage);
    if (sealed) throw new IllegalStateException("the evidence of this session is sealed");
    if (repairNote != null) {
      write(REPAIRED, "runtime", null, repairNote);
      repairNote = null;
    }
    return write(kind, by, station, data);
  }

  private EvidenceRecord write(String kind, String by, String station, JsonObject data) {
    EvidenceRecord r = EvidenceRecord.chained(seq + 1, clock.instant(), kind, by, station, data, head);
    try {
      end = DurableFiles.appendLine(out, end, r.toJson().encode());
    } catch (IOException e) {
      String why = "the evidence cannot be written to " + file + ": " + e.getMessage();
      if (problem == null) LOG.error("{}; the session refuses changes until the disk takes writes again", why);
      problem = why;
      throw new EvidenceUnavailableException(why, e);
    }
    if (problem != null) LOG.info("the evidence {} is written again", file);
    problem = null;
    seq = r.seq();
    head = r.hash();
    if (kind.equals(ENDED)) ended = true;
    return r;
  }

  /**
   * Signs the chain's head with the platform key in a checkpoint record, when something was added
   * since the last signature: a rewrite of any record up to here is then caught even without a seal.
   */
  @Override
  public synchronized Optional<EvidenceRecord> checkpoint(PlatformKey key, String by) {
    if (sealed || damage != null || seq == signedSeq) return Optional.empty();
    EvidenceRecord r = append(CHECKPOINT, by, null, ChainSignature.checkpointData(key, seq, head));
    signedSeq = r.seq();
    signedAt = clock.instant();
    return Optional.of(r);
  }

  /** Whether a checkpoint is due: something was added since the last signature, and it is {@code every} old or more. */
  @Override
  public synchronized boolean checkpointDue(java.time.Duration every) {
    return !sealed && damage == null && seq != signedSeq
        && java.time.Duration.between(signedAt, clock.instant()).compareTo(every) >= 0;
  }

  /** Signs the chain's head with the platform key, in a last record; the log takes nothing after it. */
  @Override
  public synchronized EvidenceRecord seal(PlatformKey key, String by) {
    if (sealed) throw new IllegalStateException("the evidence of this session is sealed already");
    EvidenceRecord r = append(SEALED, by, null, ChainSignature.sealData(key, head));
    sealed = true;
    signedSeq = r.seq();
    return r;
  }

  /**
   * After a failed append: whether the disk takes writes again, tried with a small probe file
   * beside the log (and the log cut back to its last whole record). True when the log can be written.
   */
  @Override
  public synchronized boolean recheck() {
    if (damage != null) return false;
    if (problem == null) return true;
    Path probe = file.resolveSibling(".write-probe");
    try {
      try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.allocate(PROBE_BYTES));
        ch.force(true);
      } finally {
        Files.deleteIfExists(probe);
      }
      if (out.size() != end) DurableFiles.cutBack(out, end);
    } catch (IOException e) {
      return false;
    }
    LOG.info("the disk under {} takes writes again", file);
    problem = null;
    return true;
  }

  private void noteRepair(long cut) {
    LOG.warn("evidence {}: a half-written last record ({} bytes) was cut off; it had not been acknowledged", file, cut);
    if (sealed) return;
    repairNote = new JsonObject().put("bytesCut", cut)
        .put("reason", "a half-written last record was found and cut off when the log was opened (it had not been acknowledged)");
    try {
      write(REPAIRED, "runtime", null, repairNote);
      repairNote = null;
    } catch (EvidenceUnavailableException e) {
      // written before the next record, once the disk takes writes
    }
  }

  /** The hash of the last record: what the whole chain so far comes down to. */
  @Override
  public String head() {
    return head;
  }

  @Override
  public boolean sealed() {
    return sealed;
  }

  /** Whether the session's end is on record (sealed or, after a failed seal, not yet). */
  @Override
  public boolean ended() {
    return ended;
  }

  /** Why the log cannot be written now (the last append failed, or it does not verify), or null. */
  @Override
  public String problem() {
    return problem;
  }

  /** Whether the log does not verify, so it never takes a record. */
  @Override
  public boolean damaged() {
    return damage != null;
  }

  /** The number of the last record signed with the platform key (by a checkpoint or the seal), 0 for none. */
  @Override
  public synchronized long signedUpTo() {
    return signedSeq;
  }

  /** The number of the last record. */
  @Override
  public synchronized long seq() {
    return seq;
  }

  public Path file() {
    return file;
  }

  @Override
  public List<EvidenceRecord> records() throws IOException {
    return damage != null ? readable(file) : read(file);
  }

  /** The file up to its last whole line (one may be being appended). */
  @Override
  public byte[] export() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return java.util.Arrays.copyOf(bytes, wholeLines(bytes));
  }

  @Override
  public String where() {
    return file.toString();
  }

  /** Every record, read back from the file. */
  public static List<EvidenceRecord> read(Path file) throws IOException {
    return parse(Files.readAllBytes(file));
  }

  private static List<EvidenceRecord> parse(byte[] bytes) {
    List<EvidenceRecord> out = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) out.add(EvidenceRecord.fromJson(new JsonObject(line)));
    }
    return out;
  }

  /** The records up to the first line that does not read as one: what a damaged log still says. */
  public static List<EvidenceRecord> readable(Path file) throws IOException {
    List<EvidenceRecord> out = new ArrayList<>();
    if (!Files.exists(file)) return out;
    // decoded leniently: a damaged log may hold bytes that are not UTF-8
    for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) continue;
      try {
        out.add(EvidenceRecord.fromJson(new JsonObject(line)));
      } catch (RuntimeException e) {
        break;
      }
    }
    return out;
  }

  /** Where the last whole line ends: a line without its newline was being written when the runtime stopped. */
  private static int wholeLines(byte[] bytes) {
    int whole = bytes.length;
    while (whole > 0 && bytes[whole - 1] != '\n') whole--;
    return whole;
  }

  private static void cutTornTail(Path file, long whole) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      DurableFiles.cutBack(ch, whole);
    }
  }

  private static List<EvidenceRecord> verified(Path file, byte[] whole, PublicKey trusted) {
    return verified(file.toString(), whole, trusted);
  }

  /**
   * The records of a log in the file format, checked before it is extended: one that does not
   * verify throws {@link EvidenceDamagedException}; one that ended but whose seal is missing passes
   * only when the platform signed everything before its end.
   */
  public static List<EvidenceRecord> verified(String file, byte[] whole, PublicKey trusted) {
    EvidenceVerifier.Result check = EvidenceVerifier.verify(whole, trusted);
    if (check.ok()) return parse(whole);
    // a session whose seal was torn is sealed again, but only when the platform signed everything
    // before its end (the checkpoint an end writes first): a seal is never put over unsigned records
    if (check.rule() == EvidenceVerifier.Rule.ENDED_WITHOUT_SEAL && check.signedUpTo() == check.line() - 1) return parse(whole);
    String why = check.rule() == EvidenceVerifier.Rule.ENDED_WITHOUT_SEAL
        ? check.message() + "; records before the end are not signed (signed up to record " + check.signedUpTo()
            + "), so it is not sealed again"
        : check.message();
    throw new EvidenceDamagedException(file + " does not verify, so it is not extended: " + why,
        new EvidenceVerifier.Result(false, check.records(), check.line(), why, null, check.rule(), check.signedUpTo()));
  }

  @Override
  public synchronized void close() {
    if (out == null) return;
    try {
      out.close();
    } catch (IOException ignored) {
      // closing at shutdown
    }
  }
}
