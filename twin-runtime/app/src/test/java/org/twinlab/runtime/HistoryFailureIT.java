package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoLab;
import org.twinlab.runtime.config.HistoryConfig;
import org.twinlab.runtime.config.LabConfig;

/** When history cannot be written, the runtime says why and goes on serving live twins. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HistoryFailureIT {
  @TempDir
  Path tmp;
  private DemoLab lab;
  private TwinRuntime runtime;
  private WebClient http;

  @AfterEach
  void stop() throws Exception {
    if (runtime != null) get(runtime.stop());
    if (lab != null) lab.close();
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> call(String uri) throws Exception {
    return get(http.get(uri).send());
  }

  private void start(Vertx vertx, LabConfig config) throws Exception {
    runtime = get(TwinRuntime.start(vertx, config));
    http = new ApiUsers(vertx, runtime).client("staff", org.twinlab.runtime.auth.Role.ADMIN);
  }

  private long encoderPosition() throws Exception {
    Long v = call("/api/v1/twins/conveyor-1/properties/belt.encoder_position").bodyAsJsonObject().getLong("value");
    return v == null ? 0 : v;
  }

  private void liveTwinsKeepMoving() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> encoderPosition() > 0);
    long first = encoderPosition();
    await().atMost(Duration.ofSeconds(60)).until(() -> encoderPosition() > first);
  }

  @Test
  void aHistoryStoreThatCannotBeOpenedIsReportedAndTwinsStayLive(Vertx vertx) throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    // a directory where the store's file should be: SQLite cannot open it
    Path notADatabase = Files.createDirectories(data.resolve(org.twinlab.runtime.history.SqliteHistoryStore.FILE_NAME));
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);

    start(vertx, lab.config());

    liveTwinsKeepMoving();
    HttpResponse<Buffer> health = call("/api/v1/health");
    assertThat(health.statusCode()).isEqualTo(503);
    JsonObject history = health.bodyAsJsonObject().getJsonObject("history");
    assertThat(history.getBoolean("healthy")).isFalse();
    assertThat(history.getString("error")).contains("cannot open the history store").contains(notADatabase.getFileName().toString());
    HttpResponse<Buffer> read = call("/api/v1/twins/conveyor-1/history");
    assertThat(read.statusCode()).isEqualTo(503);
    assertThat(read.bodyAsJsonObject().getString("error")).contains("history is not available");
  }

  @Test
  void aFullStoreIsReportedAndTwinsStayLive(Vertx vertx) throws Exception {
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, tmp.resolve("data"));
    LabConfig c = lab.config();
    HistoryConfig capped = new HistoryConfig(HistoryConfig.Store.EMBEDDED, Optional.empty(), 40 * 1024, Optional.empty());

    start(vertx, new LabConfig(c.bind(), c.port(), c.dataDir(), c.staleFactor(), c.connections(), c.twins(), capped));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject status = call("/api/v1/history/status").bodyAsJsonObject();
      assertThat(status.getString("error")).contains("is full");
      assertThat(status.getLong("queued")).isPositive();
    });
    liveTwinsKeepMoving();
    assertThat(call("/api/v1/health").statusCode()).isEqualTo(503);
    // what was stored before it filled up can still be read
    assertThat(call("/api/v1/twins/conveyor-1/history?from=-5m").statusCode()).isEqualTo(200);
  }
}
