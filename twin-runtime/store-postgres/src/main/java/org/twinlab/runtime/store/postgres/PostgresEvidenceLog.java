package org.twinlab.runtime.store.postgres;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.runtime.evidence.ChainSignature;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.EvidenceUnavailableException;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.evidence.SessionEvidence;

/**
 * A session's evidence in PostgreSQL, chained and signed exactly as the file log is. Each append is
 * one transaction: the session's tip row is locked ({@code SELECT … FOR UPDATE}), the next record
 * is chained to the head found there, inserted and the tip moved on; {@link #append} returns once
 * the commit is acknowledged. Two runtime nodes appending to one session take turns on that lock,
 * and the unique (session, seq) refuses a second record at a place should anything get past it.
 */
final class PostgresEvidenceLog implements SessionEvidence {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresEvidenceLog.class);
  private static final int ATTEMPTS = 5;
  private final DataSource ds;
  private final String session;
  private final String where;
  private final Clock clock;
  private final String damage;
  private long seq;
  private long signedSeq;
  private Instant signedAt;
  private volatile String head = EvidenceRecord.GENESIS;
  private volatile boolean sealed;
  private volatile boolean ended;
  private volatile String problem;

  /** The chain's tip as the locked row holds it, which another node may have moved since this one looked. */
  private record Tip(long seq, String head, long signedSeq, boolean sealed) {}

  PostgresEvidenceLog(DataSource ds, String session, String where, Clock clock, List<EvidenceRecord> existing, String damage) {
    this.ds = ds;
    this.session = session;
    this.where = where;
    this.clock = clock;
    this.damage = damage;
    this.problem = damage;
    this.signedAt = clock.instant();
    for (EvidenceRecord r : existing) {
      seq = r.seq();
      head = r.hash();
      if (r.kind().equals(EvidenceLog.ENDED)) ended = true;
      if (r.kind().equals(EvidenceLog.SEALED)) sealed = true;
      if (r.kind().equals(EvidenceLog.CHECKPOINT) || r.kind().equals(EvidenceLog.SEALED)) signedSeq = r.seq();
    }
  }

  @Override
  public synchronized EvidenceRecord append(String kind, String by, String station, JsonObject data) {
    return write(kind, by, station, tip -> data);
  }

  @Override
  public synchronized Optional<EvidenceRecord> checkpoint(PlatformKey key, String by) {
    if (sealed || damage != null) return Optional.empty();
    // signed as the tip stands under the lock: another node may have added records since
    Optional<EvidenceRecord> r = Optional.ofNullable(write(EvidenceLog.CHECKPOINT, by, null,
        tip -> tip.seq() == tip.signedSeq() ? null : ChainSignature.checkpointData(key, tip.seq(), tip.head())));
    r.ifPresent(x -> signedAt = clock.instant());
    return r;
  }

  @Override
  public synchronized boolean checkpointDue(Duration every) {
    return !sealed && damage == null && seq != signedSeq && Duration.between(signedAt, clock.instant()).compareTo(every) >= 0;
  }

  @Override
  public synchronized EvidenceRecord seal(PlatformKey key, String by) {
    if (sealed) throw new IllegalStateException("the evidence of this session is sealed already");
    return write(EvidenceLog.SEALED, by, null, tip -> ChainSignature.sealData(key, tip.head()));
  }

  /**
   * Chains and commits one record whose data is made from the tip found under the lock (null: none
   * is due, nothing is written). Retried when the database refuses it for a conflict with another writer.
   */
  private EvidenceRecord write(String kind, String by, String station, Function<Tip, JsonObject> data) {
    if (damage != null) throw new EvidenceUnavailableException(damage);
    if (sealed) throw new IllegalStateException("the evidence of this session is sealed");
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        try {
          EvidenceRecord r = writeIn(c, kind, by, station, data);
          c.commit();
          if (problem != null) LOG.info("the evidence {} is written again", where);
          problem = null;
          if (r != null) taken(r);
          return r;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c);
          throw e;
        }
      } catch (SQLException e) {
        last = e;
        if (!conflict(e)) break;
      }
    }
    String why = "the evidence " + where + " cannot be written: " + last.getMessage();
    if (problem == null) LOG.error("{}; the session refuses changes until the database takes writes again", why);
    problem = why;
    throw new EvidenceUnavailableException(why, last);
  }

  private EvidenceRecord writeIn(Connection c, String kind, String by, String station, Function<Tip, JsonObject> data)
      throws SQLException {
    Tip tip = lockTip(c);
    if (tip.sealed()) {
      sealed = true;
      throw new IllegalStateException("the evidence of this session is sealed");
    }
    JsonObject body = data.apply(tip);
    if (body == null) return null;
    EvidenceRecord r = EvidenceRecord.chained(tip.seq() + 1, clock.instant(), kind, by, station, body, tip.head());
    try (PreparedStatement st = c.prepareStatement("INSERT INTO evidence_record (session, seq, at, kind, by_whom, station, prev, hash, line)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, session);
      st.setLong(2, r.seq());
      st.setTimestamp(3, Timestamp.from(r.at()));
      st.setString(4, r.kind());
      st.setString(5, r.by());
      st.setString(6, r.station());
      st.setString(7, r.prev());
      st.setString(8, r.hash());
      st.setString(9, r.toJson().encode());
      st.executeUpdate();
    }
    boolean signs = kind.equals(EvidenceLog.CHECKPOINT) || kind.equals(EvidenceLog.SEALED);
    try (PreparedStatement st = c.prepareStatement("UPDATE evidence_log SET seq = ?, head = ?,"
        + " signed_seq = CASE WHEN ? THEN ? ELSE signed_seq END, ended = ended OR ?, sealed = ? WHERE session = ?")) {
      st.setLong(1, r.seq());
      st.setString(2, r.hash());
      st.setBoolean(3, signs);
      st.setLong(4, r.seq());
      st.setBoolean(5, kind.equals(EvidenceLog.ENDED));
      st.setBoolean(6, kind.equals(EvidenceLog.SEALED));
      st.setString(7, session);
      st.executeUpdate();
    }
    return r;
  }

  private Tip lockTip(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "SELECT seq, head, signed_seq, sealed FROM evidence_log WHERE session = ? FOR UPDATE")) {
      st.setString(1, session);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException("the evidence of session " + session + " is not in the store");
        return new Tip(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4));
      }
    }
  }

  /** What this node knows of the chain after its own commit (records another node added are passed over in between). */
  private void taken(EvidenceRecord r) {
    seq = r.seq();
    head = r.hash();
    if (r.kind().equals(EvidenceLog.ENDED)) ended = true;
    if (r.kind().equals(EvidenceLog.SEALED)) sealed = true;
    if (r.kind().equals(EvidenceLog.CHECKPOINT) || r.kind().equals(EvidenceLog.SEALED)) signedSeq = r.seq();
  }

  @Override
  public synchronized void caughtUp(List<EvidenceRecord> records) {
    for (EvidenceRecord r : records) if (r.seq() > seq) taken(r);
  }

  @Override
  public void saveClocks(JsonObject elapsedMs) {
    if (elapsedMs.isEmpty() || damage != null) return;
    try (Connection c = ds.getConnection();
         PreparedStatement st = c.prepareStatement("INSERT INTO station_clock (session, station, elapsed_ms, at) VALUES (?, ?, ?, ?)"
             + " ON CONFLICT (session, station) DO UPDATE SET elapsed_ms = EXCLUDED.elapsed_ms, at = EXCLUDED.at")) {
      Timestamp at = Timestamp.from(clock.instant());
      for (var e : elapsedMs) {
        st.setString(1, session);
        st.setString(2, e.getKey());
        st.setLong(3, ((Number) e.getValue()).longValue());
        st.setTimestamp(4, at);
        st.addBatch();
      }
      st.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot keep the stations' clocks of " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public JsonObject savedClocks() {
    try (Connection c = ds.getConnection();
         PreparedStatement st = c.prepareStatement("SELECT station, elapsed_ms FROM station_clock WHERE session = ?")) {
      st.setString(1, session);
      JsonObject out = new JsonObject();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stations' clocks of " + where + ": " + e.getMessage(), e);
    }
  }

  /** A refusal another writer caused (a unique place taken, a serialization failure, a deadlock): worth another try. */
  private static boolean conflict(SQLException e) {
    String state = e.getSQLState();
    return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone: the server rolls the transaction back itself
    }
  }

  @Override
  public synchronized boolean recheck() {
    if (damage != null) return false;
    if (problem == null) return true;
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement("SELECT 1")) {
      st.executeQuery().close();
    } catch (SQLException e) {
      return false;
    }
    LOG.info("the store under {} takes writes again", where);
    problem = null;
    return true;
  }

  @Override
  public String head() {
    return head;
  }

  @Override
  public boolean sealed() {
    return sealed;
  }

  @Override
  public boolean ended() {
    return ended;
  }

  @Override
  public String problem() {
    return problem;
  }

  @Override
  public boolean damaged() {
    return damage != null;
  }

  @Override
  public synchronized long signedUpTo() {
    return signedSeq;
  }

  @Override
  public synchronized long seq() {
    return seq;
  }

  @Override
  public List<EvidenceRecord> records() {
    List<String> lines = lines();
    if (damage != null) return readable(lines);
    List<EvidenceRecord> out = new ArrayList<>();
    for (String line : lines) out.add(EvidenceRecord.fromJson(new JsonObject(line)));
    return out;
  }

  @Override
  public byte[] export() {
    return join(lines());
  }

  @Override
  public String where() {
    return where;
  }

  private List<String> lines() {
    try (Connection c = ds.getConnection();
         PreparedStatement st = c.prepareStatement("SELECT line FROM evidence_record WHERE session = ? ORDER BY seq")) {
      st.setString(1, session);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the evidence " + where + ": " + e.getMessage(), e);
    }
  }

  /** JSON lines, each ended by a newline: the file format. */
  static byte[] join(List<String> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The records up to the first line that does not read as one: what a damaged log still says. */
  static List<EvidenceRecord> readable(List<String> lines) {
    List<EvidenceRecord> out = new ArrayList<>();
    for (String line : lines) {
      try {
        out.add(EvidenceRecord.fromJson(new JsonObject(line)));
      } catch (RuntimeException e) {
        break;
      }
    }
    return out;
  }

  @Override
  public void close() {
    // the store's pool is closed with the store
  }
}
