package org.twinlab.sim.opcua;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * The secured endpoints a simulated PLC serves: each of {@link #POLICIES} in Sign and in
 * SignAndEncrypt, with username and X.509 user logins (no anonymous one). Like a training PLC
 * set to "accept all client certificates", it trusts any client application certificate: the
 * client side's trust list is what the tests exercise.
 *
 * @param users user name to password
 * @param x509Users the user certificates accepted for an X.509 login
 */
public record SimSecurity(Map<String, String> users, List<X509Certificate> x509Users) {

  public static final List<SecurityPolicy> POLICIES =
      List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep, SecurityPolicy.Aes256_Sha256_RsaPss);
  public static final List<MessageSecurityMode> MODES = List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt);

  public SimSecurity {
    users = Map.copyOf(users);
    x509Users = List.copyOf(x509Users);
  }

  public static SimSecurity users(Map<String, String> users) {
    return new SimSecurity(users, List.of());
  }

  public SimSecurity withX509User(X509Certificate cert) {
    List<X509Certificate> all = new java.util.ArrayList<>(x509Users);
    all.add(cert);
    return new SimSecurity(users, all);
  }

  /** Compared in constant time, as a real server should. */
  boolean accepts(String username, String password) {
    String expected = users.get(username);
    return expected != null && password != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
  }

  boolean accepts(X509Certificate cert) {
    return x509Users.contains(cert);
  }

  @Override
  public String toString() {
    return "SimSecurity[users=" + users.keySet() + ", x509Users=" + x509Users.size() + "]";
  }
}
