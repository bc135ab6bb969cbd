package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.Role;
import org.twinlab.sim.ConveyorSortingSim;
import org.twinlab.testing.Ports;
import org.twinlab.testing.SimulatedPlc;

/**
 * A rogue on the lab network: a clustered Vert.x that joins the node's Hazelcast cluster as a
 * candidate who read the docs would (cluster name, TCP/IP join, a node name of its own) but has no
 * lab secret. It hands the node a forwarded call naming an administrator (make an admin account,
 * lock another), asks for a twin, asks to follow its feed and publishes a false feed frame:
 * every question is refused, none is acted on, and the node logs the refusal. With the event bus
 * over TLS (client certificates required) the same rogue does not reach the node's consumers at all.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterSecurityIT {
  private static final String PASSWORD = "cluster-admin-pass-1";

  @TempDir
  Path dir;

  private SimulatedPlc plc;
  private LabNodes nodes;
  private Vertx rogue;

  @AfterEach
  void stopEverything() throws Exception {
    if (rogue != null) rogue.close().await(20, TimeUnit.SECONDS);
    if (nodes != null) nodes.close();
    if (plc != null) plc.close();
  }

  /** Starts n1 (with the lab secret, and the event bus over TLS if {@code tls} names it) and a rogue member on the same cluster. */
  private LabNodes.Node startNodeAndRogue(String tls) throws Exception {
    plc = SimulatedPlc.onFreePort(new ConveyorSortingSim(1, true));
    int nodePort = Ports.free();
    int roguePort = Ports.free();
    nodes = new LabNodes(dir, "cluster-security-it");
    LabNodes.Node n1 = nodes.add("n1", Ports.free());
    writeNode(n1, nodePort, "127.0.0.1:" + nodePort + ", 127.0.0.1:" + roguePort, tls);
    nodes.start(n1);
    nodes.awaitUp(n1);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> nodes.runners("conveyor-1").contains("n1"));
    // with TLS on the node, the rogue speaks TLS too and trusts any server, with a certificate of its own the lab's CA did not sign
    rogue = joinAsRogue(roguePort, nodePort, tls.isEmpty() ? null : selfSigned());
    return n1;
  }

  @Test
  void aMemberWithoutTheLabSecretGetsNothingDoneAndNothingRead() throws Exception {
    LabNodes.Node n1 = startNodeAndRogue("");
    // the rogue sees the node's consumers in the cluster's subscription map: the questions reach them
    JsonObject makeAdmin = call("POST", "/api/v1/users", new JsonObject().put("name", "mallory").put("role", "admin").put("password", "mallory-pass-123"));
    JsonObject lockAdmin = call("PUT", "/api/v1/users/admin2/lock", new JsonObject().put("locked", true));
    List<Object> got = new CopyOnWriteArrayList<>();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertRefused(ask("twinlab.cluster.node.n1.call", makeAdmin, new DeliveryOptions()), got));
    assertRefused(ask("twinlab.cluster.node.n1.call", lockAdmin, new DeliveryOptions()), got);
    // a MAC made up, a node's name borrowed: as refused
    DeliveryOptions forged = new DeliveryOptions().addHeader("twinlab-node", "n2").addHeader("twinlab-at", Long.toString(System.currentTimeMillis()))
        .addHeader("twinlab-nonce", "x.1").addHeader("twinlab-mac", Base64.getEncoder().encodeToString(new byte[32]));
    assertRefused(ask("twinlab.cluster.node.n1.call", makeAdmin, forged), got);
    assertRefused(ask("twinlab.cluster.twin.conveyor-1.read", "twin", new DeliveryOptions()), got);
    assertRefused(ask("twinlab.cluster.feed.conveyor-1.follow", "rogue", new DeliveryOptions()), got);
    assertRefused(ask("twinlab.cluster.feed.conveyor-1.state", "rogue", new DeliveryOptions()), got);
    rogue.eventBus().publish("twinlab.cluster.feed.conveyor-1", Buffer.buffer("data: {\"fake\":true}\n\n"));
    assertThat(got).as("no answer with data").isEmpty();

    // nothing was done: no new account, the other administrator not locked
    HttpResponse<String> users = nodes.call(n1, "admin1", PASSWORD, "GET", "/api/v1/users", null);
    assertThat(users.statusCode()).isEqualTo(200);
    JsonArray list = users.body().trim().startsWith("[") ? new JsonArray(users.body()) : new JsonObject(users.body()).getJsonArray("users");
    assertThat(list.stream().map(u -> ((JsonObject) u).getString("name")).toList()).contains("admin1").doesNotContain("mallory");
    assertThat(list.stream().map(u -> (JsonObject) u).filter(u -> "admin2".equals(u.getString("name"))).findFirst().orElseThrow()
        .getBoolean("locked", false)).isFalse();
    String log = LabNodes.log(n1);
    assertThat(log).contains("refused a message on twinlab.cluster.node.n1.call from a sender calling itself (unnamed)")
        .contains("refused a message on twinlab.cluster.node.n1.call from a sender calling itself n2");
  }

  /**
   * With the event bus over TLS and client certificates required, a member that speaks TLS, trusts
   * any server and shows a certificate of its own (same name, not signed by the lab's CA) does not
   * even reach the node's consumers.
   */
  @Test
  void withTlsAMemberWithoutTheLabsCertificateReachesNothing() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(LabNodes.canMakeCertificates() || "1".equals(System.getenv("TWINLAB_REQUIRE_PEERS")),
        "openssl is needed to make the cluster's certificates");
    LabNodes.Node n1 = startNodeAndRogue(LabNodes.labTls(dir));
    JsonObject makeAdmin = call("POST", "/api/v1/users", new JsonObject().put("name", "mallory").put("role", "admin").put("password", "mallory-pass-123"));
    // the node's consumer is in the cluster's map, so the rogue's event bus connects to the node's: a TLS server that wants a certificate
    for (int i = 0; i < 2; i++) {
      Throwable failure = ask("twinlab.cluster.node.n1.call", makeAdmin, new DeliveryOptions().setSendTimeout(3_000));
      assertThat(failure).isNotInstanceOf(AssertionError.class);
      assertThat(failure).isInstanceOf(ReplyException.class);
      // never the node's own refusal: the question did not get as far as its consumer (it knows the consumer is there, from Hazelcast)
      assertThat(((ReplyException) failure).failureType()).as(String.valueOf(failure)).isEqualTo(ReplyFailure.TIMEOUT);
    }
    assertThat(ask("twinlab.cluster.twin.conveyor-1.read", "twin", new DeliveryOptions().setSendTimeout(3_000))).isNotInstanceOf(AssertionError.class);
    HttpResponse<String> users = nodes.call(n1, "admin1", PASSWORD, "GET", "/api/v1/users", null);
    assertThat(new JsonArray(users.body()).stream().map(u -> ((JsonObject) u).getString("name")).toList()).doesNotContain("mallory");
    assertThat(LabNodes.log(n1)).doesNotContain("refused a message on");
  }

  private static JsonObject call(String method, String uri, JsonObject body) {
    return new JsonObject().put("method", method).put("uri", uri).put("headers", new JsonObject().put("Content-Type", "application/json"))
        .put("body", Base64.getEncoder().encodeToString(body.encode().getBytes())).put("caller", "admin1").put("role", "admin");
  }

  private Throwable ask(String address, Object body, DeliveryOptions options) {
    if (options.getSendTimeout() == DeliveryOptions.DEFAULT_TIMEOUT) options.setSendTimeout(10_000);
    try {
      Object answer = rogue.eventBus().request(address, body, options).await(20, TimeUnit.SECONDS).body();
      return new AssertionError("answered " + address + " with " + answer);
    } catch (Exception e) {
      return e;
    }
  }

  /** Refused by the node itself (not merely unanswered): a 403 and nothing else. */
  private static void assertRefused(Throwable failure, List<Object> got) {
    if (failure instanceof AssertionError a) {
      got.add(a.getMessage());
      throw a;
    }
    assertThat(failure).isInstanceOf(ReplyException.class);
    ReplyException r = (ReplyException) failure;
    assertThat(r.failureType()).as(String.valueOf(r)).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
    assertThat(r.failureCode()).isEqualTo(403);
    assertThat(r.getMessage()).isEqualTo("refused");
  }

  /** A clustered Vert.x on the node's Hazelcast cluster, built from what docs/cluster.md says. */
  private Path selfSigned() throws Exception {
    Path rogueDir = Files.createDirectories(dir.resolve("rogue"));
    LabNodes.openssl(rogueDir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem",
        "-out", "cert.pem", "-days", "2", "-subj", "/CN=twinlab test node", "-addext", "subjectAltName=IP:127.0.0.1");
    return rogueDir;
  }

  /** @param ownCertificate where the rogue's own TLS certificate and key are (null: plain TCP, as the node) */
  private static Vertx joinAsRogue(int port, int nodePort, Path ownCertificate) throws Exception {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("twinlab");
    config.setInstanceName("rogue-" + port);
    config.getMemberAttributeConfig().setAttribute("twinlab.node", "rogue");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false).setPublicAddress("127.0.0.1:" + port);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).setMembers(List.of("127.0.0.1:" + nodePort, "127.0.0.1:" + port));
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1");
    if (ownCertificate != null) {
      options.getEventBusOptions().setSsl(true).setTrustAll(true).setKeyCertOptions(new io.vertx.core.net.PemKeyCertOptions()
          .setCertPath(ownCertificate.resolve("cert.pem").toString()).setKeyPath(ownCertificate.resolve("key.pem").toString()));
    }
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(config)).buildClustered().await(60, TimeUnit.SECONDS);
  }

  private void writeNode(LabNodes.Node n, int hazelcastPort, String members, String tls) throws Exception {
    Files.writeString(n.home.resolve("twinlab.yaml"), String.join("\n",
        "http: {bind: 127.0.0.1, port: " + n.httpPort + "}",
        "data: data",
        "connections:",
        "  - {id: plc-1, opcua: '" + plc.server.endpointUrl() + "'}",
        "twins:",
        "  - {id: conveyor-1, model: conveyor-sorting, bindings: conveyor-1.yaml}",
        ""));
    Files.writeString(n.home.resolve("conveyor-1.yaml"), String.join("\n",
        "twin: conveyor-1",
        "model: conveyor-sorting",
        "bindings:",
        "  - {property: belt.encoder_position, connection: plc-1, address: '" + plc.address("belt.encoder_position") + "'}",
        ""));
    Files.writeString(n.home.resolve("cluster.yaml"), String.join("\n",
        "node: " + n.name,
        "bind: {host: 127.0.0.1, port: " + hazelcastPort + "}",
        "members: [" + members + "]",
        "placement:",
        "  n1: [conveyor-1]",
        "placement_wait_seconds: 0",
        LabNodes.labSecret(n.home),
        tls,
        ""));
    Path data = Files.createDirectories(n.home.resolve("data"));
    Accounts accounts = Accounts.open(data, Clock.systemUTC());
    accounts.add("admin1", Role.ADMIN, "Admin One", PASSWORD);
    accounts.add("admin2", Role.ADMIN, "Admin Two", PASSWORD);
  }
}
