package org.twinlab.runtime.store.postgres;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.twinlab.runtime.packages.PackageStore;

/** The twin packages in {@code twin_package}, one row per twin, each change committed before it returns. */
final class PostgresPackages implements PackageStore {
  private final DataSource ds;
  private final String where;

  PostgresPackages(DataSource ds, String where) {
    this.ds = ds;
    this.where = where;
  }

  @Override
  public List<JsonObject> deployed() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (String s : column("SELECT deployed FROM twin_package WHERE deployed IS NOT NULL ORDER BY twin", null)) out.add(new JsonObject(s));
    return out;
  }

  @Override
  public Set<String> removed() throws IOException {
    return new TreeSet<>(column("SELECT twin FROM twin_package WHERE removed", null));
  }

  @Override
  public void saveDeployed(String twin, JsonObject pkg) throws IOException {
    update("INSERT INTO twin_package (twin, deployed, removed) VALUES (?, ?, false)"
        + " ON CONFLICT (twin) DO UPDATE SET deployed = EXCLUDED.deployed, removed = false, changed_at = now()", twin, pkg.encode());
  }

  @Override
  public void saveRemoved(String twin, boolean configured) throws IOException {
    if (configured) {
      update("INSERT INTO twin_package (twin, removed) VALUES (?, true)"
          + " ON CONFLICT (twin) DO UPDATE SET deployed = NULL, rollback = NULL, removed = true, changed_at = now()", twin, null);
    } else {
      update("DELETE FROM twin_package WHERE twin = ?", twin, null);
    }
  }

  @Override
  public Optional<JsonObject> deployed(String twin) throws IOException {
    return column("SELECT deployed FROM twin_package WHERE twin = ? AND deployed IS NOT NULL", twin).stream().findFirst().map(JsonObject::new);
  }

  @Override
  public Optional<JsonObject> rollback(String twin) throws IOException {
    return column("SELECT rollback FROM twin_package WHERE twin = ? AND rollback IS NOT NULL", twin).stream().findFirst().map(JsonObject::new);
  }

  @Override
  public void saveRollback(String twin, JsonObject pkg) throws IOException {
    update("INSERT INTO twin_package (twin, rollback) VALUES (?, ?)"
        + " ON CONFLICT (twin) DO UPDATE SET rollback = EXCLUDED.rollback, changed_at = now()", twin, pkg.encode());
  }

  @Override
  public void dropDeployed(String twin) throws IOException {
    update("UPDATE twin_package SET deployed = NULL, changed_at = now() WHERE twin = ?", twin, null);
  }

  @Override
  public void dropRollback(String twin) throws IOException {
    update("UPDATE twin_package SET rollback = NULL, changed_at = now() WHERE twin = ?", twin, null);
  }

  private void update(String sql, String twin, String json) throws IOException {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, twin);
      if (json != null) st.setString(2, json);
      st.executeUpdate();
    } catch (SQLException e) {
      throw Sql.io("cannot keep the package of twin " + twin, where, e);
    }
  }

  private List<String> column(String sql, String twin) throws IOException {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      if (twin != null) st.setString(1, twin);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw Sql.io("cannot read the twin packages", where, e);
    }
  }
}
