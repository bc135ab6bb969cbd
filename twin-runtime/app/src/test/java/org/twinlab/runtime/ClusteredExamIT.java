package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.cli.TwinlabCli;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.EvidenceRecord;
import org.twinlab.runtime.evidence.PlatformKey;
import org.twinlab.runtime.store.postgres.PostgresCluster;
import org.twinlab.sim.ConveyorSortingSim;
import org.twinlab.testing.Ports;
import org.twinlab.testing.SimulatedPlc;
import picocli.CommandLine;

/**
 * An exam across a clustered lab: three runtime processes on loopback sharing one PostgreSQL, three
 * conveyor stations on their own OPC UA servers, one station of the session on each node. The
 * candidates act through one node (calls for another node's station handed there); the node that
 * runs one station is killed mid-exam (SIGKILL); the node that takes its twin over resumes the
 * station from the shared evidence with the active time it had, the candidate carries on through a
 * surviving node, the session ends sealed, and the exported log verifies and holds every action
 * acknowledged before and after the kill.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusteredExamIT {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusteredExamIT.class);
  private static final String PASSWORD = "cluster-exam-pass-1";
  private static final List<String> NODES = List.of("n1", "n2", "n3");
  private static final List<String> TWINS = List.of("conveyor-1", "conveyor-2", "conveyor-3");
  private static final String SCENARIO = "l5-operate-export-backup-conveyor";
  private static final String SETPOINT = "belt.frequency_setpoint";
  private static final String SESSION = "exam-cl";

  @TempDir
  Path dir;

  private final List<SimulatedPlc> plcs = new ArrayList<>();
  private LabNodes nodes;
  private PostgresCluster pg;
  /** Every write a node acknowledged (200), by value: each must be in the evidence. */
  private final Map<Double, String> acknowledged = new ConcurrentHashMap<>();

  @AfterEach
  void stopEverything() throws Exception {
    if (nodes != null) nodes.close();
    for (SimulatedPlc p : plcs) p.close();
    if (pg != null) pg.close();
  }

  @Test
  void anExamSpreadOverThreeNodesSurvivesTheLossOfOneAndEndsSealed() throws Exception {
    pg = PostgresCluster.start();
    StoreConfig store = pg.config(pg.newDatabase("lab"));
    for (int i = 0; i < TWINS.size(); i++) plcs.add(SimulatedPlc.onFreePort(new ConveyorSortingSim(i + 1, true)));
    nodes = new LabNodes(dir, "clustered-exam-it");
    List<Integer> hazelcastPorts = List.of(Ports.free(), Ports.free(), Ports.free());
    String members = String.join(", ", hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    for (int i = 0; i < NODES.size(); i++) writeNode(nodes.add(NODES.get(i), Ports.free()), hazelcastPorts.get(i), members, store);
    shareAccountsAndKey();
    for (String name : NODES) nodes.start(nodes.get(name));
    for (String name : NODES) nodes.awaitUp(nodes.get(name));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      for (int i = 0; i < TWINS.size(); i++) assertThat(nodes.runners(TWINS.get(i))).containsExactly(NODES.get(i));
    });
    LabNodes.Node n1 = nodes.get("n1");
    for (String twin : TWINS) awaitGood(n1, twin, Duration.ofSeconds(60));

    // the examiner plans the exam on n1: one station on each node; every node knows it from the shared store
    HttpResponse<String> created = call(n1, "exam1", "POST", "/api/v1/sessions", plan());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    for (String name : NODES) {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
          call(nodes.get(name), "exam1", "GET", "/api/v1/sessions/" + SESSION, null).statusCode() == 200);
    }
    // the whole session is started by one call to n3: each node starts the stations it runs, and only those
    HttpResponse<String> started = call(nodes.get("n3"), "exam1", "POST", "/api/v1/sessions/" + SESSION + "/start", null);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(new JsonObject(started.body()).getJsonArray("problems")).as(started.body()).isEmpty();
    for (String name : NODES) {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
        JsonObject s = new JsonObject(call(nodes.get(name), "exam1", "GET", "/api/v1/sessions/" + SESSION, null).body());
        assertThat(s.getJsonArray("stations").stream().map(x -> ((JsonObject) x).getString("state")).toList())
            .as(name).containsOnly("running");
      });
    }

    // a station's own view through another node is its node's, handed on
    HttpResponse<String> s2 = call(n1, "exam1", "GET", station(2), null);
    assertThat(s2.statusCode()).as(s2.body()).isEqualTo(200);
    assertThat(new JsonObject(s2.body()).getString("state")).isEqualTo("running");

    // the hall, on a node that runs none of them but one, shows every station running
    HttpResponse<String> hall = call(nodes.get("n3"), "exam1", "GET", "/api/v1/sessions/" + SESSION + "/hall", null);
    assertThat(hall.statusCode()).as(hall.body()).isEqualTo(200);
    assertThat(new JsonObject(hall.body()).getJsonArray("stations").stream().map(x -> ((JsonObject) x).getString("state")).toList())
        .containsExactly("running", "running", "running");

    // the candidates act, each through n1: s2's and s3's writes are handed to n2 and n3, which record them before they act
    for (int i = 1; i <= 3; i++) write(n1, i, 20.5 + i);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(elapsedOn(nodes.get("n2"), 2)).isGreaterThanOrEqualTo(6));
    write(n1, 2, 25.5);
    long before = elapsedOn(nodes.get("n2"), 2);

    // n2 dies as a crash would; its twin goes to n1 or n3 within 10 s, GOOD there, and its station resumes there
    LabNodes.Node dead = nodes.get("n2");
    long killed = System.nanoTime();
    nodes.kill(dead);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(nodes.runners("conveyor-2")).hasSize(1).doesNotContain("n2"));
    String heir = nodes.runners("conveyor-2").get(0);
    LabNodes.Node heirNode = nodes.get(heir);
    awaitGood(heirNode, "conveyor-2", Duration.ofNanos(Math.max(1_000_000_000L, 10_000_000_000L - (System.nanoTime() - killed))));
    LOG.info("conveyor-2 taken over by {} and GOOD again {} ms after n2 was killed", heir, (System.nanoTime() - killed) / 1_000_000);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
        LabNodes.log(heirNode).contains("took station s2 of session " + SESSION + " over"));
    long after = elapsedOn(heirNode, 2);
    LOG.info("s2 had {} s of active time before the kill and runs on {} at {} s", before, heir, after);
    assertThat(after).isGreaterThanOrEqualTo(before - 3);

    // the candidate carries on through the surviving node that is not the heir: handed to the heir
    LabNodes.Node other = nodes.get(heir.equals("n1") ? "n3" : "n1");
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
        call(other, "cand2", "PUT", "/api/v1/twins/conveyor-2/properties/" + SETPOINT, new JsonObject().put("value", 26.5)).statusCode() == 200);
    acknowledged.put(26.5, "conveyor-2");
    write(other, 1, 27.5);
    write(other, 3, 28.5);

    // n2 comes back: it takes nothing back mid-station, knows the session from the store, and hands s2's calls to the heir
    nodes.start(dead);
    nodes.awaitUp(dead);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
        call(dead, "exam1", "GET", "/api/v1/sessions/" + SESSION, null).statusCode() == 200);
    write(dead, 2, 29.5);
    assertThat(nodes.runners("conveyor-2")).containsExactly(heir);
    assertThat(LabNodes.log(dead)).doesNotContain("took station s2");

    // the exam ends: the session is ended on n1, sealed, and every station's node lets go of its rig
    HttpResponse<String> ended = call(n1, "exam1", "POST", "/api/v1/sessions/" + SESSION + "/end", null);
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      JsonObject s = new JsonObject(call(other, "exam1", "GET", "/api/v1/sessions/" + SESSION, null).body());
      assertThat(s.getJsonArray("stations").stream().map(x -> ((JsonObject) x).getString("state")).toList()).containsOnly("ended");
    });

    // exported from the store, the log verifies against the platform key, and holds every acknowledged action
    Path work = Files.createDirectories(dir.resolve("work"));
    Path yaml = Files.writeString(work.resolve("twinlab.yaml"), "store: {type: postgres, url: '" + store.url() + "', user: "
        + store.user() + ", password_file: '" + store.passwordFile().orElseThrow() + "', key_secret_file: '" + keySecret() + "'}\n");
    Path exported = work.resolve(SESSION + ".jsonl");
    String[] export = run("evidence", "export", "--store", yaml.toString(), "--session", SESSION, "-o", exported.toString());
    assertThat(export[0]).as(export[2]).isEqualTo("0");
    // the platform key the nodes seal with is the store's: any node gives its public key
    HttpResponse<String> pub = call(n1, "exam1", "GET", "/api/v1/keys/platform", null);
    assertThat(pub.statusCode()).as(pub.body()).isEqualTo(200);
    Path key = Files.writeString(work.resolve("platform.pub"), pub.body());
    String[] verify = run("evidence", "verify", "--key", key.toString(), exported.toString());
    assertThat(verify[0]).as(verify[1] + verify[2]).isEqualTo("0");
    assertThat(verify[1]).contains("OK");
    List<EvidenceRecord> records = EvidenceLog.read(exported);
    assertThat(acknowledged).hasSize(8);
    acknowledged.forEach((value, twin) -> assertThat(records.stream().filter(r -> r.kind().equals("action"))
        .filter(r -> r.data().getString("twin").equals(twin) && r.data().getString("kind").equals("write"))
        .filter(r -> r.data().getJsonObject("fields").getValue("value") instanceof Number n && n.doubleValue() == value).count())
        .as("the write of " + value + " on " + twin).isEqualTo(1));
    EvidenceRecord restored = records.stream().filter(r -> r.kind().equals("station.restored") && "s2".equals(r.station()))
        .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
          assertThat(l).hasSize(1);
          return l.get(0);
        }));
    assertThat(restored.data().getString("reason")).isEqualTo("node " + heir + " took the station over");
    // its active time as it was when n2 died (kept in the store every 2 s), the seconds no node ran it not charged
    assertThat(restored.data().getLong("elapsedSeconds")).isBetween(before - 3, before + 1);
    // each station started once, on the node of its twin: never twice
    assertThat(records.stream().filter(r -> r.kind().equals("station.started")).map(EvidenceRecord::station).toList())
        .containsExactlyInAnyOrder("s1", "s2", "s3");
    assertThat(records.get(records.size() - 1).kind()).isEqualTo(EvidenceLog.SEALED);
  }

  private static String station(int i) {
    return "/api/v1/sessions/" + SESSION + "/stations/s" + i;
  }

  private static JsonObject plan() {
    JsonArray stations = new JsonArray();
    for (int i = 1; i <= 3; i++) {
      stations.add(new JsonObject().put("id", "s" + i).put("scenario", SCENARIO).put("candidate", "cand" + i)
          .put("twins", new JsonArray().add("conveyor-" + i)).put("examiners", new JsonArray().add("exam1")));
    }
    return new JsonObject().put("id", SESSION).put("title", "Clustered exam").put("stations", stations);
  }

  /** A candidate's write through a node, which must be acknowledged. */
  private void write(LabNodes.Node via, int station, double value) throws Exception {
    HttpResponse<String> r = call(via, "cand" + station, "PUT", "/api/v1/twins/conveyor-" + station + "/properties/" + SETPOINT,
        new JsonObject().put("value", value));
    assertThat(r.statusCode()).as("cand" + station + " writes " + value + " through " + via.name + ": " + r.body()).isEqualTo(200);
    acknowledged.put(value, "conveyor-" + station);
  }

  private long elapsedOn(LabNodes.Node n, int station) throws Exception {
    HttpResponse<String> r = call(n, "exam1", "GET", "/api/v1/sessions/" + SESSION, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getJsonArray("stations").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("id").equals("s" + station)).findFirst().orElseThrow().getLong("elapsedSeconds");
  }

  private HttpResponse<String> call(LabNodes.Node n, String user, String method, String path, JsonObject body) throws Exception {
    return nodes.call(n, user, PASSWORD, method, path, body);
  }

  private void awaitGood(LabNodes.Node n, String twin, Duration within) {
    await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      HttpResponse<String> r = call(n, "train1", "GET", "/api/v1/twins/" + twin, null);
      assertThat(r.statusCode()).as(n.name + " " + twin + ": " + r.body()).isEqualTo(200);
      JsonObject position = new JsonObject(r.body()).getJsonObject("values").getJsonObject("belt.encoder_position");
      assertThat(position).as(n.name + " " + twin).isNotNull();
      assertThat(position.getString("quality")).as(n.name + " " + twin).isEqualTo("GOOD");
    });
  }

  private void writeNode(LabNodes.Node n, int hazelcastPort, String members, StoreConfig store) throws Exception {
    StringBuilder lab = new StringBuilder("http: {bind: 127.0.0.1, port: " + n.httpPort + "}\ndata: data\n");
    lab.append("store: {type: postgres, url: '").append(store.url()).append("', user: ").append(store.user())
        .append(", password_file: '").append(store.passwordFile().orElseThrow()).append("', key_secret_file: '").append(keySecret()).append("'}\n");
    lab.append("connections:\n");
    for (int i = 0; i < TWINS.size(); i++) lab.append("  - {id: plc-").append(i + 1).append(", opcua: '").append(plcs.get(i).server.endpointUrl()).append("'}\n");
    lab.append("twins:\n");
    for (int i = 0; i < TWINS.size(); i++) {
      String twin = TWINS.get(i);
      lab.append("  - {id: ").append(twin).append(", model: conveyor-sorting, bindings: ").append(twin).append(".yaml}\n");
      String plc = "plc-" + (i + 1);
      Files.writeString(n.home.resolve(twin + ".yaml"), String.join("\n",
          "twin: " + twin,
          "model: conveyor-sorting",
          "bindings:",
          "  - {property: belt.encoder_position, connection: " + plc + ", address: '" + plcs.get(i).address("belt.encoder_position") + "'}",
          "  - {property: belt.running, connection: " + plc + ", address: '" + plcs.get(i).address("belt.running") + "'}",
          "  - {property: " + SETPOINT + ", connection: " + plc + ", address: '" + plcs.get(i).address(SETPOINT) + "', write: true}",
          ""));
    }
    Files.writeString(n.home.resolve("twinlab.yaml"), lab.toString());
    LabNodes.writeClusterFile(n.home, n.name, hazelcastPort, members);
    Files.createDirectories(n.home.resolve("data"));
  }

  /** The secret the platform key is sealed with in the store, the same for every node. */
  private Path keySecret() throws Exception {
    Path f = dir.resolve("platform-key-secret");
    if (!Files.exists(f)) Files.writeString(f, "clustered-exam-it-platform-key-secret-0123456789\n");
    return f;
  }

  /** The accounts every node knows: in the shared store (where a runtime with store: keeps them) and, as before, in each data directory. */
  private void shareAccountsAndKey() throws Exception {
    Path first = nodes.get("n1").home.resolve("data");
    try (org.twinlab.runtime.shared.SharedState shared = org.twinlab.runtime.shared.SharedState.of(
        org.twinlab.runtime.config.LabConfigLoader.load(nodes.get("n1").home.resolve("twinlab.yaml")), Clock.systemUTC())) {
      Accounts inStore = Accounts.over(shared.accounts(), Clock.systemUTC());
      inStore.add("exam1", Role.EXAMINER, "Examiner One", PASSWORD);
      inStore.add("train1", Role.TRAINER, "Trainer One", PASSWORD);
      for (int i = 1; i <= 3; i++) inStore.add("cand" + i, Role.CANDIDATE, "Candidate " + i, PASSWORD);
    }
    Accounts accounts = Accounts.open(first, Clock.systemUTC());
    accounts.add("exam1", Role.EXAMINER, "Examiner One", PASSWORD);
    accounts.add("train1", Role.TRAINER, "Trainer One", PASSWORD);
    for (int i = 1; i <= 3; i++) accounts.add("cand" + i, Role.CANDIDATE, "Candidate " + i, PASSWORD);
    PlatformKey.openOrCreate(first);
    for (String name : NODES.subList(1, NODES.size())) {
      Path data = nodes.get(name).home.resolve("data");
      Files.copy(first.resolve(Accounts.FILE_NAME), data.resolve(Accounts.FILE_NAME), StandardCopyOption.COPY_ATTRIBUTES);
      Path keys = Files.createDirectories(data.resolve("keys"));
      try (var files = Files.list(first.resolve("keys"))) {
        for (Path f : files.toList()) Files.copy(f, keys.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }
}
