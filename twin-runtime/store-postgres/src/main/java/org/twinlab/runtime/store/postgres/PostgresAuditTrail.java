package org.twinlab.runtime.store.postgres;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.twinlab.runtime.auth.AuditFilter;
import org.twinlab.runtime.auth.AuditStore;

/**
 * The audit trail in {@code audit_entry}, one for every node: each entry committed before
 * {@link #append} returns. The admin page's filter ({@link AuditFilter}) is answered by the database;
 * any other filter reads newest first, a page at a time, until it has enough.
 */
final class PostgresAuditTrail implements AuditStore {
  private static final int PAGE = 500;
  private final DataSource ds;
  private final String where;

  PostgresAuditTrail(DataSource ds, String where) {
    this.ds = ds;
    this.where = where;
  }

  @Override
  public void append(JsonObject entry) {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
        "INSERT INTO audit_entry (at, by_whom, action, target, entry) VALUES (?, ?, ?, ?, ?)")) {
      st.setTimestamp(1, Timestamp.from(Instant.parse(entry.getString("at"))));
      st.setString(2, entry.getString("by"));
      st.setString(3, entry.getString("action"));
      st.setString(4, entry.getString("target"));
      st.setString(5, entry.encode());
      st.executeUpdate();
    } catch (SQLException e) {
      throw Sql.unchecked("cannot write the audit trail", where, e);
    }
  }

  @Override
  public JsonArray tail(int max, Predicate<JsonObject> keep) {
    ArrayDeque<JsonObject> kept = new ArrayDeque<>();
    if (keep instanceof AuditFilter f) {
      page(f, Long.MAX_VALUE, max).forEach(r -> kept.addFirst(r.entry()));
    } else {
      AuditFilter all = new AuditFilter(null, null, null, null);
      long before = Long.MAX_VALUE;
      List<Row> page;
      do {
        page = page(all, before, PAGE);
        for (Row r : page) {
          if (kept.size() < max && keep.test(r.entry())) kept.addFirst(r.entry());
        }
        if (!page.isEmpty()) before = page.get(page.size() - 1).id();
      } while (page.size() == PAGE && kept.size() < max);
    }
    JsonArray out = new JsonArray();
    kept.forEach(out::add);
    return out;
  }

  private record Row(long id, JsonObject entry) {}

  /** Entries the filter keeps with ids below {@code before}, newest first. */
  private List<Row> page(AuditFilter f, long before, int limit) {
    StringBuilder sql = new StringBuilder("SELECT id, entry FROM audit_entry WHERE id < ?");
    List<Object> args = new ArrayList<>(List.of(before));
    if (f.user() != null) {
      sql.append(" AND (by_whom = ? OR target = ?)");
      args.add(f.user());
      args.add(f.user());
    }
    if (f.action() != null) {
      sql.append(" AND action = ?");
      args.add(f.action());
    }
    if (f.from() != null) {
      sql.append(" AND at >= ?");
      args.add(Timestamp.from(f.from()));
    }
    if (f.to() != null) {
      sql.append(" AND at < ?");
      args.add(Timestamp.from(f.to()));
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    args.add(limit);
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) st.setObject(i + 1, args.get(i));
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(new Row(rs.getLong(1), new JsonObject(rs.getString(2))));
      }
      return out;
    } catch (SQLException e) {
      throw Sql.unchecked("cannot read the audit trail", where, e);
    }
  }

  @Override
  public void close() {
    // the pool is the shared state's
  }
}
