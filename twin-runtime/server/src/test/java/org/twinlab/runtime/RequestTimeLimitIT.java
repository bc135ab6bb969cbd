package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.LabConfigLoader;

/**
 * The request time limit from the configuration, on a real operation that would otherwise wait
 * long: browsing an OPC UA endpoint that accepts connections and never says a word.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RequestTimeLimitIT {
  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aRequestNotAnsweredWithinTheConfiguredLimitGetsA503SayingSo(Vertx vertx, @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("twinlab.yaml"), "http: {bind: 127.0.0.1, port: 0, request_time_limit: 1s}\ndata: data\n");
    LabConfig lab = LabConfigLoader.load(dir.resolve("twinlab.yaml"));
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      TwinRuntime runtime = get(TwinRuntime.start(vertx, lab));
      try {
        ApiUsers users = new ApiUsers(vertx, runtime);
        HttpResponse<Buffer> res = get(users.client("boss", Role.ADMIN).get("/api/v1/discovery/opcua")
            .addQueryParam("endpoint", "opc.tcp://127.0.0.1:" + silent.getLocalPort()).send());
        assertThat(res.statusCode()).isEqualTo(503);
        assertThat(res.bodyAsJsonObject().getString("error")).contains("request time limit of 1 s");
        // the runtime goes on answering
        assertThat(get(users.anonymous().get("/api/v1/health").send()).statusCode()).isEqualTo(200);
      } finally {
        get(runtime.stop());
      }
    }
  }
}
