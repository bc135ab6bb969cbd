package org.twinlab.runtime.store.postgres;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.twinlab.runtime.binding.BindingHistory;
import org.twinlab.runtime.binding.BindingJournal;
import org.twinlab.runtime.binding.BindingVersion;

/**
 * One twin's binding versions in {@code binding_version}, each row the line the file journal would
 * write. A version is committed before {@link #append} returns; a version number another node took
 * first is refused by the unique index, so no two nodes make the same version of a twin.
 */
final class PostgresBindingHistory implements BindingHistory {
  private final DataSource ds;
  private final String twin;
  private final String where;

  PostgresBindingHistory(DataSource ds, String twin, String where) {
    this.ds = ds;
    this.twin = twin;
    this.where = where;
  }

  @Override
  public void append(BindingVersion v) throws IOException {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
        "INSERT INTO binding_version (twin, version, at, by_whom, action, property, entry) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, twin);
      st.setInt(2, v.version());
      st.setTimestamp(3, Timestamp.from(v.at()));
      st.setString(4, v.by());
      st.setString(5, v.action().name().toLowerCase(java.util.Locale.ROOT));
      st.setString(6, v.property().orElse(null));
      st.setString(7, BindingJournal.toJson(v).encode());
      st.executeUpdate();
    } catch (SQLException e) {
      if (Sql.isUniqueViolation(e)) {
        throw new IOException("version " + v.version() + " of twin " + twin + "'s bindings was made on another node first (" + where() + ")", e);
      }
      throw Sql.io("cannot keep version " + v.version() + " of twin " + twin + "'s bindings", where, e);
    }
  }

  @Override
  public List<BindingVersion> read() throws IOException {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
        "SELECT entry FROM binding_version WHERE twin = ? AND set_aside IS NULL ORDER BY version")) {
      st.setString(1, twin);
      List<BindingVersion> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(BindingJournal.fromJson(new JsonObject(rs.getString(1))));
      }
      return out;
    } catch (SQLException e) {
      throw Sql.io("cannot read twin " + twin + "'s binding versions", where, e);
    }
  }

  @Override
  public String where() {
    return "the binding versions of " + twin + " in " + where;
  }

  @Override
  public void setAside(String label) throws IOException {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
        "UPDATE binding_version SET set_aside = ? WHERE twin = ? AND set_aside IS NULL")) {
      st.setString(1, label);
      st.setString(2, twin);
      st.executeUpdate();
    } catch (SQLException e) {
      throw Sql.io("cannot set twin " + twin + "'s binding versions aside", where, e);
    }
  }
}
