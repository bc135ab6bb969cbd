package org.twinlab.runtime.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.runtime.evidence.EvidenceDamagedException;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.SessionEvidence;

/**
 * The sessions' evidence in PostgreSQL: a row per session ({@code evidence_log}, the chain's tip)
 * and a row per record ({@code evidence_record}, its JSON line as the file log writes it). Blocking.
 */
public final class PostgresEvidenceStore implements org.twinlab.runtime.evidence.EvidenceStore {
  private final HikariDataSource ds;
  private final String where;
  private final Clock clock;

  public PostgresEvidenceStore(HikariDataSource ds, String where, Clock clock) {
    this.ds = ds;
    this.where = where;
    this.clock = clock;
  }

  @Override
  public boolean exists(String session) {
    return query("SELECT 1 FROM evidence_log WHERE session = ?", session).size() > 0;
  }

  @Override
  public List<String> sessions() {
    return query("SELECT session FROM evidence_log ORDER BY session", null);
  }

  @Override
  public SessionEvidence create(String session) {
    try (Connection c = ds.getConnection();
         PreparedStatement st = c.prepareStatement("INSERT INTO evidence_log (session, head) VALUES (?, ?)")) {
      st.setString(1, session);
      st.setString(2, EvidenceRecord.GENESIS);
      st.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) throw new IllegalStateException("a session '" + session + "' exists already");
      throw new org.twinlab.runtime.evidence.EvidenceUnavailableException(
          "the evidence of session " + session + " cannot be begun in " + where + ": " + e.getMessage(), e);
    }
    return new PostgresEvidenceLog(ds, session, where(session), clock, List.of(), null);
  }

  @Override
  public SessionEvidence open(String session, PublicKey trusted) {
    List<String> lines = lines(session);
    byte[] whole = PostgresEvidenceLog.join(lines);
    List<EvidenceRecord> records = EvidenceLog.verified(where(session), whole, trusted);
    Tip tip = tip(session);
    EvidenceRecord last = records.isEmpty() ? null : records.get(records.size() - 1);
    long lastSeq = last == null ? 0 : last.seq();
    String lastHash = last == null ? EvidenceRecord.GENESIS : last.hash();
    if (tip.seq() != lastSeq || !tip.head().equals(lastHash)) {
      // the tip row names another end of the chain than its records: a record was removed or added behind the log's back
      String why = "its tip names record " + tip.seq() + " with hash " + tip.head() + ", but its records end at " + lastSeq
          + " with hash " + lastHash;
      throw new EvidenceDamagedException(where(session) + " does not verify, so it is not extended: " + why,
          new EvidenceVerifier.Result(false, records.size(), (int) lastSeq, why, null, null, tip.signedSeq()));
    }
    return new PostgresEvidenceLog(ds, session, where(session), clock, records, null);
  }

  @Override
  public SessionEvidence damaged(String session, String why) {
    List<EvidenceRecord> readable = PostgresEvidenceLog.readable(lines(session));
    return new PostgresEvidenceLog(ds, session, where(session), clock, readable,
        "the evidence " + where(session) + " does not verify: " + why);
  }

  @Override
  public void discard(String session) {
    try (Connection c = ds.getConnection();
         PreparedStatement st = c.prepareStatement("DELETE FROM evidence_log WHERE session = ? AND seq = 0")) {
      st.setString(1, session);
      st.executeUpdate();
    } catch (SQLException ignored) {
      // an empty log left behind is reported at the next start, not lost
    }
  }

  @Override
  public String where(String session) {
    return "session " + session + " in " + where;
  }

  /** The session's records as JSON lines, in chain order. */
  List<String> lines(String session) {
    return query("SELECT line FROM evidence_record WHERE session = ? ORDER BY seq", session);
  }

  @Override
  public byte[] export(String session) {
    if (!exists(session)) throw new java.util.NoSuchElementException("no session '" + session + "' in " + where);
    return PostgresEvidenceLog.join(lines(session));
  }

  record Tip(long seq, String head, long signedSeq) {}

  private Tip tip(String session) {
    try (Connection c = ds.getConnection();
         PreparedStatement st = c.prepareStatement("SELECT seq, head, signed_seq FROM evidence_log WHERE session = ?")) {
      st.setString(1, session);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) throw new java.util.NoSuchElementException("no session '" + session + "' in " + where);
        return new Tip(rs.getLong(1), rs.getString(2), rs.getLong(3));
      }
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  private List<String> query(String sql, String session) {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      if (session != null) st.setString(1, session);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  private IllegalStateException unreadable(SQLException e) {
    return new IllegalStateException("cannot read the evidence in " + where + ": " + e.getMessage(), e);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    ds.close();
  }
}
