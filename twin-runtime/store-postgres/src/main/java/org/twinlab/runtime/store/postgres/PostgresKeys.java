package org.twinlab.runtime.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.twinlab.runtime.shared.SharedKeys;

/**
 * The lab's key pairs in {@code shared_key}: the first node to ask inserts its new pair, sealed
 * ({@link KeySeal}); the primary key lets only one insert win, and every node reads that one.
 */
final class PostgresKeys implements SharedKeys {
  private final DataSource ds;
  private final String where;
  private final Supplier<String> secret;

  /** @param secret the key secret, read when a key is first needed (a node that signs nothing needs none) */
  PostgresKeys(DataSource ds, String where, Supplier<String> secret) {
    this.ds = ds;
    this.where = where;
    this.secret = secret;
  }

  @Override
  public StoredKey getOrCreate(String name, Supplier<StoredKey> make) {
    String s = secret.get();
    Optional<StoredKey> kept = read(name, s);
    if (kept.isPresent()) return kept.get();
    StoredKey made = make.get();
    KeySeal.Sealed sealed = KeySeal.seal(s, name, made.publicDer(), made.privateDer());
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
        "INSERT INTO shared_key (name, algorithm, public_der, private_sealed, kdf, salt, iv) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (name) DO NOTHING")) {
      st.setString(1, name);
      st.setString(2, made.algorithm());
      st.setBytes(3, made.publicDer());
      st.setBytes(4, sealed.ciphertext());
      st.setString(5, sealed.kdf());
      st.setBytes(6, sealed.salt());
      st.setBytes(7, sealed.iv());
      st.executeUpdate();
    } catch (SQLException e) {
      throw Sql.unchecked("cannot keep the key " + name, where, e);
    }
    // whichever node's insert won, this is the lab's key now
    return read(name, s).orElseThrow(() -> new IllegalStateException("the key " + name + " was kept in " + where + " but does not read back"));
  }

  private Optional<StoredKey> read(String name, String s) {
    try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
        "SELECT algorithm, public_der, private_sealed, kdf, salt, iv FROM shared_key WHERE name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        byte[] pub = rs.getBytes(2);
        byte[] priv = KeySeal.open(s, name, pub, new KeySeal.Sealed(rs.getBytes(3), rs.getString(4), rs.getBytes(5), rs.getBytes(6)));
        return Optional.of(new StoredKey(rs.getString(1), pub, priv));
      }
    } catch (SQLException e) {
      throw Sql.unchecked("cannot read the key " + name, where, e);
    }
  }
}
