package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.api.RemoteTwins;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.store.postgres.PostgresCluster;

/**
 * Two runtimes of one lab sharing one PostgreSQL, each with a data directory of its own, as two
 * nodes of a cluster run: an account made through one node's API logs in on the other, a binding
 * version made on one is the version the other runs and lists when it takes the twin over, a package
 * deployed on one is among the twins the other starts with, both serve the same platform key, and
 * the audit trail holds what happened on either; {@code twinlab users ... --store} works on the same accounts.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SharedStoreIT {
  private static final String PASSWORD = "a-long-password-1";
  @TempDir
  Path labData;
  @TempDir
  Path dataA;
  @TempDir
  Path dataB;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static LabConfig node(LabConfig c, Path data, StoreConfig store) {
    return new LabConfig(c.bind(), 0, data, c.staleFactor(), c.connections(), c.twins(), c.history(), c.http(), Optional.of(store));
  }

  @Test
  void twoNodesShareAccountsBindingsPackagesTheKeyAndTheAuditTrail(Vertx vertx) throws Exception {
    try (PostgresCluster cluster = PostgresCluster.start(); DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, labData)) {
      StoreConfig store = cluster.config(cluster.newDatabase("lab"));
      // node a runs every twin; node b none until it takes one over, as a node of a cluster would
      TwinRuntime a = get(TwinRuntime.start(vertx, node(lab.config(), dataA, store), twin -> true, RemoteTwins.NONE));
      TwinRuntime b = get(TwinRuntime.start(vertx, node(lab.config(), dataB, store), twin -> false, RemoteTwins.NONE));
      try {
        a.accounts().add("admin1", Role.ADMIN, "Admin One", PASSWORD);
        WebClient adminOnA = client(vertx, a, login(vertx, a, "admin1", PASSWORD));

        // an account made through node a's API logs in on node b
        HttpResponse<Buffer> added = get(adminOnA.post("/api/v1/users")
            .sendJsonObject(new JsonObject().put("name", "train1").put("role", "trainer").put("password", PASSWORD)));
        assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
        String trainerOnB = login(vertx, b, "train1", PASSWORD);
        assertThat(trainerOnB).isNotBlank();
        // and locked through node b, it no longer logs in on node a, and node a's own token of it ends
        String earlyOnA = login(vertx, a, "train1", PASSWORD);
        assertThat(get(client(vertx, a, earlyOnA).get("/api/v1/me").send()).statusCode()).isEqualTo(200);
        String adminOnBToken = login(vertx, b, "admin1", PASSWORD);
        assertThat(get(client(vertx, b, adminOnBToken).put("/api/v1/users/train1/lock").sendJsonObject(new JsonObject().put("locked", true)))
            .statusCode()).isEqualTo(200);
        assertThat(loginStatus(vertx, a, "train1", PASSWORD)).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(client(vertx, a, earlyOnA).get("/api/v1/me").send()).statusCode() == 401);
        assertThat(get(client(vertx, a, login(vertx, a, "admin1", PASSWORD)).put("/api/v1/users/train1/lock")
            .sendJsonObject(new JsonObject().put("locked", false))).statusCode()).isEqualTo(200);
        // a new password set through node b ends node a's tokens made under the old one, and only those
        String oldOnA = login(vertx, a, "train1", PASSWORD);
        assertThat(get(client(vertx, b, adminOnBToken).put("/api/v1/users/train1/password")
            .sendJsonObject(new JsonObject().put("password", "a-new-long-password-2"))).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(client(vertx, a, oldOnA).get("/api/v1/me").send()).statusCode() == 401);
        assertThat(get(client(vertx, b, adminOnBToken).put("/api/v1/users/train1/password")
            .sendJsonObject(new JsonObject().put("password", PASSWORD))).statusCode()).isEqualTo(204);
        WebClient trainerOnA = client(vertx, a, login(vertx, a, "train1", PASSWORD));
        // a token of the current password outlives several looks of the watch
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
            .until(() -> get(trainerOnA.get("/api/v1/me").send()).statusCode() == 200);

        // a binding replaced on node a: committed in the store before node a answers
        JsonObject current = get(trainerOnA.get("/api/v1/twins/tank-1/bindings").send()).bodyAsJsonObject();
        JsonObject first = current.getJsonArray("bindings").getJsonObject(0).copy();
        String property = first.getString("property");
        first.put("sampling_ms", 700);
        HttpResponse<Buffer> replaced = get(trainerOnA.put("/api/v1/twins/tank-1/bindings/" + property).sendJsonObject(first));
        assertThat(replaced.statusCode()).as(replaced.bodyAsString()).isEqualTo(200);
        int version = get(trainerOnA.get("/api/v1/twins/tank-1/bindings").send()).bodyAsJsonObject().getInteger("version");
        assertThat(version).isGreaterThan(current.getInteger("version"));

        // node b takes the twin over: it runs that version and lists who made it
        get(a.release("tank-1"));
        get(b.adopt("tank-1"));
        WebClient trainerB = client(vertx, b, trainerOnB = login(vertx, b, "train1", PASSWORD));
        JsonObject onB = get(trainerB.get("/api/v1/twins/tank-1/bindings").send()).bodyAsJsonObject();
        assertThat(onB.getInteger("version")).isEqualTo(version);
        assertThat(onB.getJsonArray("bindings").stream().map(o -> (JsonObject) o)
            .filter(j -> j.getString("property").equals(property)).findFirst().orElseThrow().getInteger("sampling_ms")).isEqualTo(700);
        JsonArray history = get(trainerB.get("/api/v1/twins/tank-1/bindings/history").send()).bodyAsJsonArray();
        JsonObject made = history.getJsonObject(history.size() - 1);
        assertThat(made.getInteger("version")).isEqualTo(version);
        assertThat(made.getString("by")).isEqualTo("train1");
        assertThat(made.getString("action")).isEqualTo("replaced");
        assertThat(made.getJsonObject("before").containsKey("sampling_ms") ? made.getJsonObject("before").getInteger("sampling_ms") : null)
            .isNotEqualTo(700);

        // a package deployed through node a is among the twins node b starts with
        JsonObject conveyor = get(trainerOnA.get("/api/v1/twins/conveyor-1/bindings").send()).bodyAsJsonObject();
        JsonObject pkg = new JsonObject().put("twin", "conveyor-9").put("model", "conveyor-sorting").put("version", "2")
            .put("bindings", conveyor.getJsonArray("bindings"));
        HttpResponse<Buffer> deployed = get(trainerOnA.post("/api/v1/twins").sendJsonObject(pkg));
        assertThat(deployed.statusCode()).as(deployed.bodyAsString()).isEqualTo(201);
        get(b.stop());
        b = get(TwinRuntime.start(vertx, node(lab.config(), dataB, store), twin -> false, RemoteTwins.NONE));
        assertThat(b.configuredTwins()).contains("conveyor-9");

        // one platform key for the lab, whichever node is asked
        String keyA = get(WebClient.create(vertx, options(a)).get("/api/v1/keys/platform").send()).bodyAsString();
        String keyB = get(WebClient.create(vertx, options(b)).get("/api/v1/keys/platform").send()).bodyAsString();
        assertThat(keyA).startsWith("-----BEGIN PUBLIC KEY-----").isEqualTo(keyB);

        // the command line works on the same accounts through the lab's store: section
        Path yaml = java.nio.file.Files.writeString(labData.resolve("shared.yaml"), "store: {type: postgres, url: '" + store.url()
            + "', user: " + store.user() + ", password_file: '" + store.passwordFile().orElseThrow() + "'}\n");
        String[] added9 = cli("a-strong-password\n", "users", "add", "exam9", "--role", "examiner", "--store", yaml.toString());
        assertThat(added9[0]).as(added9[2]).isEqualTo("0");
        assertThat(login(vertx, b, "exam9", "a-strong-password")).isNotBlank();
        assertThat(cli("", "users", "lock", "exam9", "--store", yaml.toString())[0]).isEqualTo("0");
        assertThat(loginStatus(vertx, a, "exam9", "a-strong-password")).isEqualTo(401);
        assertThat(cli("", "users", "list", "--store", yaml.toString())[1]).contains("exam9").contains("train1").contains("admin1");
        assertThat(dataA.resolve("accounts.json")).doesNotExist();
        assertThat(dataB.resolve("accounts.json")).doesNotExist();

        // one audit trail: what was done through either node, read through either
        WebClient adminOnB = client(vertx, b, login(vertx, b, "admin1", PASSWORD));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          JsonArray trail = get(adminOnB.get("/api/v1/audit?limit=200").send()).bodyAsJsonArray();
          assertThat(trail.stream().map(o -> ((JsonObject) o).getString("action") + " " + ((JsonObject) o).getString("target")))
              .contains("add user train1", "lock user train1", "unlock user train1", "login train1", "add user exam9", "lock user exam9");
        });
        JsonArray locks = get(adminOnB.get("/api/v1/audit?action=lock%20user").send()).bodyAsJsonArray();
        assertThat(locks.stream().map(o -> ((JsonObject) o).getString("target"))).containsExactly("train1", "exam9");
        assertThat(locks.getJsonObject(0).getString("by")).isEqualTo("admin1");
        assertThat(locks.getJsonObject(1).getString("by")).startsWith("console:");
        assertThat(dataA.resolve("audit.jsonl")).doesNotExist();
      } finally {
        get(b.stop());
        get(a.stop());
      }
    }
  }

  private static String[] cli(String stdin, String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = org.twinlab.cli.TwinlabCli.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(err));
    java.io.InputStream before = System.in;
    System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      int code = cli.execute(args);
      return new String[] {String.valueOf(code), out.toString(), err.toString()};
    } finally {
      System.setIn(before);
    }
  }

  private static WebClientOptions options(TwinRuntime rt) {
    return new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(rt.port());
  }

  private static WebClient client(Vertx vertx, TwinRuntime rt, String token) {
    return io.vertx.ext.web.client.WebClientSession.create(WebClient.create(vertx, options(rt))).addHeader("Authorization", "Bearer " + token);
  }

  private static String login(Vertx vertx, TwinRuntime rt, String user, String password) throws Exception {
    HttpResponse<Buffer> res = get(WebClient.create(vertx, options(rt)).post("/api/v1/login")
        .sendJsonObject(new JsonObject().put("user", user).put("password", password)));
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    return res.bodyAsJsonObject().getString("token");
  }

  private static int loginStatus(Vertx vertx, TwinRuntime rt, String user, String password) throws Exception {
    return get(WebClient.create(vertx, options(rt)).post("/api/v1/login")
        .sendJsonObject(new JsonObject().put("user", user).put("password", password))).statusCode();
  }
}
