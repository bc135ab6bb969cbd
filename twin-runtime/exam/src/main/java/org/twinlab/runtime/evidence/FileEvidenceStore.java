package org.twinlab.runtime.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/** The default evidence store: {@code <sessions>/<id>/evidence.jsonl}, one {@link EvidenceLog} per session. */
public final class FileEvidenceStore implements EvidenceStore {
  public static final String EVIDENCE = "evidence.jsonl";
  private final Path dir;
  private final Clock clock;

  public FileEvidenceStore(Path sessionsDir, Clock clock) {
    this.dir = sessionsDir;
    this.clock = clock;
  }

  private Path file(String session) {
    return dir.resolve(session).resolve(EVIDENCE);
  }

  @Override
  public boolean exists(String session) {
    return Files.exists(dir.resolve(session));
  }

  @Override
  public List<String> sessions() {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(d -> Files.exists(d.resolve(EVIDENCE))).map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public SessionEvidence create(String session) {
    return EvidenceLog.open(file(session), clock);
  }

  @Override
  public SessionEvidence open(String session, PublicKey trusted) {
    return EvidenceLog.open(file(session), clock, trusted);
  }

  @Override
  public SessionEvidence damaged(String session, String why) {
    return EvidenceLog.damaged(file(session), clock, why);
  }

  @Override
  public void discard(String session) {
    try {
      Files.deleteIfExists(file(session));
      Files.deleteIfExists(dir.resolve(session));
    } catch (IOException ignored) {
      // an empty log left behind is reported at the next start, not lost
    }
  }

  @Override
  public byte[] export(String session) throws IOException {
    Path file = file(session);
    if (!Files.isRegularFile(file)) throw new java.util.NoSuchElementException("no session '" + session + "' in " + dir);
    return Files.readAllBytes(file);
  }

  @Override
  public String where(String session) {
    return file(session).toString();
  }

  @Override
  public void close() {
    // each log closes its own file
  }
}
