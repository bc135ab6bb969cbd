package org.twinlab.connectors.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The client side of OPC UA security, kept in one folder: {@code own/} holds the client's
 * application certificate and key (made on first use, reused afterwards; the key readable by its
 * owner only), {@code trusted/} the server certificates an administrator accepted, and
 * {@code rejected/} the ones that were refused, waiting to be accepted. Each certificate file is
 * named by its SHA-1 thumbprint, the name OPC UA tools show. The folders are read on every check,
 * so a certificate trusted while the runtime runs counts at the next connect.
 */
public final class OpcUaPki {
  private static final Pattern THUMBPRINT = Pattern.compile("[0-9a-f]{40}");

  /** A certificate in the trust list or waiting in rejected. */
  public record Entry(String thumbprint, String subject, String applicationUri, Instant notBefore, Instant notAfter, boolean trusted) {}

  private final Path root;

  private OpcUaPki(Path root) {
    this.root = root;
  }

  /** Opens the folder, creating its sub-folders; nothing is generated until {@link #ownCertificate}. */
  public static OpcUaPki at(Path root) throws IOException {
    OpcUaPki pki = new OpcUaPki(root);
    Files.createDirectories(pki.trustedDir());
    Files.createDirectories(pki.rejectedDir());
    Files.createDirectories(root.resolve("own"));
    return pki;
  }

  public Path root() {
    return root;
  }

  Path trustedDir() {
    return root.resolve("trusted");
  }

  Path rejectedDir() {
    return root.resolve("rejected");
  }

  /** The client's application certificate and key pair. */
  public record Own(KeyPair keyPair, X509Certificate certificate) {}

  /** The application URI a new client certificate gets; one certificate serves every connection of a runtime. */
  public static String defaultApplicationUri() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return "urn:" + host.toLowerCase(Locale.ROOT) + ":twinlab";
  }

  /** One lock per folder in this JVM: connectors that connect at once must not both make a certificate. */
  private static final java.util.concurrent.ConcurrentHashMap<Path, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The client's application certificate and key, made self-signed (for {@link #defaultApplicationUri()})
   * on the first call and read back afterwards, so that a server which trusted it keeps trusting
   * every connection of this runtime, and its checks too. Sessions announce the URI it names.
   */
  public Own ownCertificate() throws IOException, GeneralSecurityException {
    synchronized (LOCKS.computeIfAbsent(root.toAbsolutePath().normalize(), k -> new Object())) {
      Path certFile = root.resolve("own").resolve("cert.der");
      Path keyFile = root.resolve("own").resolve("key.pem");
      if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
        X509Certificate cert = decode(Files.readAllBytes(certFile));
        return new Own(new KeyPair(cert.getPublicKey(), readKey(keyFile)), cert);
      }
      String applicationUri = defaultApplicationUri();
      KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      X509Certificate cert;
      try {
        cert = new SelfSignedCertificateBuilder(pair)
            .setCommonName("twinlab")
            .setOrganization("twinlab")
            .setApplicationUri(applicationUri)
            .addDnsName("localhost")
            .addIpAddress("127.0.0.1")
            .setValidityPeriod(Period.ofYears(5))
            .build();
      } catch (Exception e) {
        throw new GeneralSecurityException("cannot make the OPC UA application certificate: " + e.getMessage(), e);
      }
      // the key first and the certificate last: a certificate on disk always has its key beside it
      writeOwnerOnly(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      write(certFile, cert.getEncoded());
      return new Own(pair, cert);
    }
  }

  /** The URI in a certificate's subject alternative name, or "". */
  public static String applicationUri(X509Certificate cert) {
    return CertificateUtil.getSanUri(cert).orElse("");
  }

  /** The SHA-1 thumbprint, lower-case hex, as the files are named. */
  public static String thumbprint(X509Certificate cert) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Trusted certificates first, then the rejected ones waiting for a decision. */
  public List<Entry> list() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (X509Certificate c : read(trustedDir())) out.add(entry(c, true));
    List<String> trusted = out.stream().map(Entry::thumbprint).toList();
    for (X509Certificate c : read(rejectedDir())) {
      Entry e = entry(c, false);
      if (!trusted.contains(e.thumbprint())) out.add(e);
    }
    return out;
  }

  /**
   * Moves a rejected certificate into the trust list.
   *
   * @return false when no rejected certificate has this thumbprint (nor a trusted one)
   */
  public synchronized boolean trust(String thumbprint) throws IOException {
    String t = normalise(thumbprint);
    if (t == null) return false;
    Path trusted = trustedDir().resolve(t + ".der");
    if (Files.isRegularFile(trusted)) return true;
    Path rejected = rejectedDir().resolve(t + ".der");
    if (!Files.isRegularFile(rejected)) return false;
    Files.move(rejected, trusted, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  /** Trusts a certificate directly (a server certificate an administrator copied in, or a test's). */
  public synchronized void trust(X509Certificate cert) throws IOException {
    write(trustedDir().resolve(thumbprint(cert) + ".der"), encoded(cert));
    Files.deleteIfExists(rejectedDir().resolve(thumbprint(cert) + ".der"));
  }

  /** Drops a certificate from the trust list and from rejected; false when it was in neither. */
  public synchronized boolean remove(String thumbprint) throws IOException {
    String t = normalise(thumbprint);
    if (t == null) return false;
    boolean a = Files.deleteIfExists(trustedDir().resolve(t + ".der"));
    boolean b = Files.deleteIfExists(rejectedDir().resolve(t + ".der"));
    return a || b;
  }

  public boolean isTrusted(X509Certificate cert) {
    return Files.isRegularFile(trustedDir().resolve(thumbprint(cert) + ".der"));
  }

  /**
   * Checks a server's certificate chain: its own certificate must be in the trust list (by
   * thumbprint, so a self-signed PLC certificate can be trusted as it is) and within its validity
   * period. An unknown certificate is refused and put in {@code rejected/}.
   */
  public CertificateValidator validator() {
    return (chain, applicationUri, validHostNames) -> {
      if (chain == null || chain.isEmpty()) throw new UaException(StatusCodes.Bad_CertificateInvalid, "the server sent no certificate");
      X509Certificate leaf = chain.get(0);
      if (!isTrusted(leaf)) {
        try {
          reject(leaf);
        } catch (IOException e) {
          // the refusal stands even when it cannot be recorded
        }
        throw new UntrustedCertificateException(thumbprint(leaf));
      }
      try {
        leaf.checkValidity();
      } catch (CertificateException e) {
        throw new UaException(StatusCodes.Bad_CertificateTimeInvalid,
            "the server's certificate " + thumbprint(leaf) + " is outside its validity period: " + e.getMessage());
      }
    };
  }

  /** A server certificate not in the trust list; the message tells the administrator what to do. */
  public static final class UntrustedCertificateException extends UaException {
    private final String thumbprint;

    public UntrustedCertificateException(String thumbprint) {
      super(StatusCodes.Bad_CertificateUntrusted, "the server's certificate " + thumbprint
          + " is not trusted: an administrator can trust it with `twinlab certs trust " + thumbprint + "`");
      this.thumbprint = thumbprint;
    }

    public String thumbprint() {
      return thumbprint;
    }
  }

  private void reject(X509Certificate cert) throws IOException {
    Path file = rejectedDir().resolve(thumbprint(cert) + ".der");
    if (!Files.exists(file)) write(file, encoded(cert));
  }

  private static String normalise(String thumbprint) {
    String t = thumbprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
    return THUMBPRINT.matcher(t).matches() ? t : null;
  }

  private static Entry entry(X509Certificate c, boolean trusted) {
    return new Entry(thumbprint(c), c.getSubjectX500Principal().getName(), CertificateUtil.getSanUri(c).orElse(""),
        c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), trusted);
  }

  private static List<X509Certificate> read(Path dir) throws IOException {
    List<X509Certificate> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.der")) {
      for (Path f : files) {
        try {
          out.add(decode(Files.readAllBytes(f)));
        } catch (CertificateException e) {
          // a stray file is not a certificate: leave it alone
        }
      }
    }
    out.sort((a, b) -> thumbprint(a).compareTo(thumbprint(b)));
    return out;
  }

  private static X509Certificate decode(byte[] der) throws CertificateException {
    try (InputStream in = new java.io.ByteArrayInputStream(der)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException e) {
      throw new CertificateException(e);
    }
  }

  private static byte[] encoded(X509Certificate cert) throws IOException {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IOException(e);
    }
  }

  /** Written beside and moved into place, so a reader never sees half a file. */
  private static void write(Path file, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".tmp", ".der");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
    Path tmp;
    try {
      tmp = Files.createTempFile(file.getParent(), ".tmp", ".pem",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      tmp = Files.createTempFile(file.getParent(), ".tmp", ".pem"); // not a POSIX file system
    }
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
    String text = Files.readString(file);
    String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  /** The trusted certificate with this thumbprint, if any. */
  public Optional<X509Certificate> trusted(String thumbprint) throws IOException {
    String t = normalise(thumbprint);
    if (t == null) return Optional.empty();
    Path f = trustedDir().resolve(t + ".der");
    if (!Files.isRegularFile(f)) return Optional.empty();
    try {
      return Optional.of(decode(Files.readAllBytes(f)));
    } catch (CertificateException e) {
      return Optional.empty();
    }
  }
}
