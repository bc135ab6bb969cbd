package org.twinlab.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.cli.TwinlabCli;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.ApiUsers;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.StoreConfig;
import org.twinlab.runtime.store.postgres.PostgresCluster;
import picocli.CommandLine;

/**
 * The runtime started with {@code store: postgres} on the demo lab: a short session planned,
 * started, marked and ended through the API leaves its evidence in the database and none in the
 * data directory; the download is the database's chain, and {@code twinlab evidence export} writes
 * what {@code twinlab evidence verify} accepts against the platform key.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PostgresStoreSessionIT {
  @TempDir
  Path data;
  @TempDir
  Path work;

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void aSessionsEvidenceEndsUpInTheDatabase(Vertx vertx) throws Exception {
    try (PostgresCluster cluster = PostgresCluster.start(); DemoLab lab = DemoLab.start(0, 0, "127.0.0.1", 0, data)) {
      String db = cluster.newDatabase("lab");
      StoreConfig store = cluster.config(db);
      LabConfig c = lab.config();
      LabConfig withStore = new LabConfig(c.bind(), c.port(), c.dataDir(), c.staleFactor(), c.connections(), c.twins(), c.history(),
          c.http(), Optional.of(store));
      TwinRuntime runtime = get(TwinRuntime.start(vertx, withStore, lab::simulator));
      byte[] downloaded;
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        LabSessionIT.accounts(users);
        WebClient exam1 = users.client("exam1", Role.EXAMINER);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(users.anonymous().get("/api/v1/health").send()).statusCode() == 200);
        HttpResponse<Buffer> created = get(exam1.post("/api/v1/sessions").sendJsonObject(LabSessionIT.plan("exam-p")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(get(exam1.post("/api/v1/sessions/exam-p/start").send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> marked = get(exam1.post("/api/v1/sessions/exam-p/stations/s1/marks")
            .sendJsonObject(new JsonObject().put("check", "record-explains").put("mark", 2)));
        assertThat(marked.statusCode()).as(marked.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> ended = get(exam1.post("/api/v1/sessions/exam-p/end").send());
        assertThat(ended.statusCode()).as(ended.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> evidence = get(exam1.get("/api/v1/sessions/exam-p/evidence").send());
        assertThat(evidence.statusCode()).isEqualTo(200);
        downloaded = evidence.body().getBytes();
      } finally {
        get(runtime.stop());
      }

      assertThat(data.resolve("sessions").resolve("exam-p").resolve("evidence.jsonl")).doesNotExist();
      try (Connection conn = cluster.connect(db); Statement st = conn.createStatement();
           ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE kind = 'mark'), bool_or(kind = 'session.sealed'), count(*)"
               + " FROM evidence_record WHERE session = 'exam-p'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getBoolean(2)).isTrue();
        assertThat(rs.getInt(3)).isEqualTo(new String(downloaded, java.nio.charset.StandardCharsets.UTF_8).split("\n").length);
      }

      Path yaml = Files.writeString(work.resolve("twinlab.yaml"), "store: {type: postgres, url: '" + store.url() + "', user: "
          + store.user() + ", password_file: '" + store.passwordFile().orElseThrow() + "'}\n");
      Path exported = work.resolve("exam-p.jsonl");
      String[] export = run("evidence", "export", "--store", yaml.toString(), "--session", "exam-p", "-o", exported.toString());
      assertThat(export[0]).as(export[2]).isEqualTo("0");
      assertThat(Files.readAllBytes(exported)).isEqualTo(downloaded);
      String[] verify = run("evidence", "verify", "--data", data.toString(), exported.toString());
      assertThat(verify[0]).as(verify[1]).isEqualTo("0");
      assertThat(verify[1]).contains("OK");

      String[] unknown = run("evidence", "export", "--store", yaml.toString(), "--session", "nope", "-o", work.resolve("x").toString());
      assertThat(unknown[0]).isEqualTo("1");
      assertThat(unknown[2]).contains("no session 'nope'");
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
