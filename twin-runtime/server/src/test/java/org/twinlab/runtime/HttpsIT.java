package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.HistoryConfig;
import org.twinlab.runtime.config.HttpConfig;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.runtime.config.TlsConfig;

/**
 * HTTPS from a certificate the test makes with keytool, over loopback: from a PKCS#12 keystore
 * named in a configuration file and from PEM files; a client trusting the certificate gets the
 * pages and API with Strict-Transport-Security and a Secure login cookie, one that does not trust
 * it gets no answer.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpsIT {
  private static final String PASSWORD = "changeit-test";

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aKeystoreNamedInTheConfigurationServesHttps(Vertx vertx, @TempDir Path dir) throws Exception {
    Path p12 = keystore(dir);
    Files.writeString(dir.resolve("tls-password"), PASSWORD + "\n");
    Files.writeString(dir.resolve("twinlab.yaml"), """
        http:
          bind: 127.0.0.1
          port: 0
          tls: {keystore: lab.p12, password_file: tls-password}
        data: data
        """);
    LabConfig lab = LabConfigLoader.load(dir.resolve("twinlab.yaml"));
    assertThat(lab.http().tls()).contains(new TlsConfig.Keystore(p12, PASSWORD));
    TwinRuntime runtime = get(TwinRuntime.start(vertx, lab));
    try {
      HttpClient trusting = client(p12);
      String base = "https://127.0.0.1:" + runtime.port();
      HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
      HttpResponse<String> page = trusting.send(HttpRequest.newBuilder(URI.create(base + "/index.html")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();

      runtime.accounts().add("cand1", Role.CANDIDATE, "cand1", ApiUsers.PASSWORD);
      HttpResponse<String> login = trusting.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", "cand1").put("password", ApiUsers.PASSWORD).encode()))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(cookie).contains("twinlab_token=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
      // the pages' own origin over TLS is https://...: a cookie change from it is let through
      String token = cookie.substring("twinlab_token=".length(), cookie.indexOf(';'));
      HttpResponse<String> logout = trusting.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/logout"))
          .header("Cookie", "twinlab_token=" + token).header("Origin", base).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(logout.statusCode()).isEqualTo(204);

      HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health"))
          .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    } finally {
      get(runtime.stop());
    }
  }

  @Test
  void pemFilesServeHttps(Vertx vertx, @TempDir Path dir) throws Exception {
    Path p12 = keystore(dir);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    PrivateKey key = (PrivateKey) ks.getKey("twinlab", PASSWORD.toCharArray());
    Certificate cert = ks.getCertificate("twinlab");
    Path certPem = Files.writeString(dir.resolve("server.pem"), pem("CERTIFICATE", cert.getEncoded()));
    Path keyPem = Files.writeString(dir.resolve("server.key"), pem("PRIVATE KEY", key.getEncoded()));
    LabConfig lab = new LabConfig("127.0.0.1", 0, dir.resolve("data"), 3, List.of(), List.of(), HistoryConfig.EMBEDDED,
        new HttpConfig(HttpConfig.DEFAULT_TIME_LIMIT, Optional.of(new TlsConfig.Pem(certPem, keyPem))));
    TwinRuntime runtime = get(TwinRuntime.start(vertx, lab));
    try {
      HttpResponse<String> health = client(p12).send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + runtime.port()
          + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      get(runtime.stop());
    }
  }

  /** A self-signed certificate for 127.0.0.1 in a PKCS#12 keystore, made by the JDK's keytool. */
  private static Path keystore(Path dir) throws Exception {
    Path p12 = dir.resolve("lab.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "twinlab", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", p12.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return p12;
  }

  /** A client that trusts the keystore's certificate and nothing else. */
  private static HttpClient client(Path p12) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("twinlab", ks.getCertificate("twinlab"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
