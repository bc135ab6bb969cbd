package org.twinlab.runtime.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.sql.DataSource;
import org.twinlab.runtime.auth.Account;
import org.twinlab.runtime.auth.AccountStore;
import org.twinlab.runtime.auth.Role;

/** The accounts in the {@code account} table: every node reads them there, so each login sees the last change. */
final class PostgresAccounts implements AccountStore {
  private static final String COLUMNS = "name, role, display_name, password_hash, created_at, locked";
  private final DataSource ds;
  private final String where;

  PostgresAccounts(DataSource ds, String where) {
    this.ds = ds;
    this.where = where;
  }

  @Override
  public Optional<Account> find(String name) {
    List<Account> found = select("SELECT " + COLUMNS + " FROM account WHERE name = ?", name);
    return found.stream().findFirst();
  }

  @Override
  public List<Account> all() {
    return select("SELECT " + COLUMNS + " FROM account ORDER BY name", null);
  }

  @Override
  public void insert(Account a) {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
        "INSERT INTO account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
      st.setString(1, a.name());
      st.setString(2, a.role().key());
      st.setString(3, a.displayName());
      st.setString(4, a.passwordHash());
      st.setTimestamp(5, Timestamp.from(a.created()));
      st.setBoolean(6, a.locked());
      st.executeUpdate();
    } catch (SQLException e) {
      if (Sql.isUniqueViolation(e)) throw new IllegalStateException("the user '" + a.name() + "' exists already");
      throw Sql.unchecked("cannot keep the account '" + a.name() + "'", where, e);
    }
  }

  @Override
  public void update(Account a) {
    int rows;
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
        "UPDATE account SET role = ?, display_name = ?, password_hash = ?, locked = ?, changed_at = now() WHERE name = ?")) {
      st.setString(1, a.role().key());
      st.setString(2, a.displayName());
      st.setString(3, a.passwordHash());
      st.setBoolean(4, a.locked());
      st.setString(5, a.name());
      rows = st.executeUpdate();
    } catch (SQLException e) {
      throw Sql.unchecked("cannot change the account '" + a.name() + "'", where, e);
    }
    if (rows == 0) throw new NoSuchElementException("no user '" + a.name() + "'");
  }

  @Override
  public void delete(String name) {
    int rows;
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement("DELETE FROM account WHERE name = ?")) {
      st.setString(1, name);
      rows = st.executeUpdate();
    } catch (SQLException e) {
      throw Sql.unchecked("cannot remove the account '" + name + "'", where, e);
    }
    if (rows == 0) throw new NoSuchElementException("no user '" + name + "'");
  }

  private List<Account> select(String sql, String name) {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      if (name != null) st.setString(1, name);
      List<Account> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Account(rs.getString(1), Role.of(rs.getString(2)), rs.getString(3), rs.getString(4),
              rs.getTimestamp(5).toInstant(), rs.getBoolean(6)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.unchecked("cannot read the accounts", where, e);
    }
  }
}
