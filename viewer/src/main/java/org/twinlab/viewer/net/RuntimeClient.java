package org.twinlab.viewer.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.twinlab.models.TwinModel;
import org.twinlab.wire.ChangeView;
import org.twinlab.wire.ModelView;
import org.twinlab.wire.TwinSummaryView;
import org.twinlab.wire.TwinView;
import org.twinlab.wire.WireFormatException;

/**
 * The runtime as the viewer uses it: only its public HTTP API (log in, list twins, read one and its model) and
 * its WebSocket live feed. The viewer is an ordinary client; it adds no load the web pages do not.
 */
public final class RuntimeClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  private RuntimeClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** Logs in with a user name and password. */
  public static RuntimeClient login(URI base, String user, String password) throws IOException, InterruptedException {
    ObjectNode body = Json.MAPPER.createObjectNode().put("user", user).put("password", password);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/login"))
        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IOException(base + ": login as " + user + " answered " + r.statusCode() + ": " + r.body());
    return new RuntimeClient(base, Json.parse(r.body()).path("token").asText());
  }

  /** Uses a token the runtime gave at login. */
  public static RuntimeClient withToken(URI base, String token) {
    return new RuntimeClient(base, token);
  }

  /** The ids of the twins the user may see. */
  public List<String> twins() throws IOException, InterruptedException {
    String body = get("/api/v1/twins");
    return read("/api/v1/twins", () -> Json.objects(body).stream().map(t -> TwinSummaryView.fromMap(t).id()).toList());
  }

  public TwinView twin(String id) throws IOException, InterruptedException {
    String path = "/api/v1/twins/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    String body = get(path);
    return read(path, () -> TwinView.fromMap(Json.object(body)));
  }

  /** The model a twin runs ({@code GET /api/v1/twins/{id}/model}), its glTF scene included, ready to draw. */
  public TwinModel model(String twin) throws IOException, InterruptedException {
    String path = "/api/v1/twins/" + URLEncoder.encode(twin, StandardCharsets.UTF_8) + "/model";
    String body = get(path);
    return read(path, () -> WireModels.toModel(ModelView.fromMap(Json.object(body))));
  }

  /**
   * Follows twins live: every change goes to {@code changes} on the WebSocket's thread. The future
   * completes once the subscription is sent.
   */
  public CompletionStage<WebSocket> follow(List<String> twins, Consumer<ChangeView> changes, Consumer<String> problems) {
    URI ws = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("/api/v1/ws");
    return http.newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(5))
        .buildAsync(ws, new Listener(changes, problems))
        .thenCompose(socket -> {
          ObjectNode msg = Json.MAPPER.createObjectNode();
          twins.forEach(msg.putArray("subscribe")::add);
          return socket.sendText(msg.toString(), true);
        });
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 403 || r.statusCode() == 404) throw new NotShown(path, r.statusCode(), r.body());
    if (r.statusCode() != 200) throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    return r.body();
  }

  /** The runtime would not show this to the user (403) or has no such thing (404): skipped, not fatal. */
  public static final class NotShown extends IOException {
    private final int status;

    NotShown(String path, int status, String body) {
      super("GET " + path + " answered " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** An answer read as the view it should be, or an error naming the request and the field. */
  private static <T> T read(String path, Supplier<T> view) throws IOException {
    try {
      return view.get();
    } catch (UncheckedIOException | WireFormatException e) {
      throw new IOException("GET " + path + " answered what the viewer cannot read: " + e.getMessage(), e);
    }
  }

  /** Gathers a message's fragments and hands its changes on. */
  private static final class Listener implements WebSocket.Listener {
    private final Consumer<ChangeView> changes;
    private final Consumer<String> problems;
    private final StringBuilder text = new StringBuilder();

    Listener(Consumer<ChangeView> changes, Consumer<String> problems) {
      this.changes = changes;
      this.problems = problems;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        try {
          Map<String, Object> msg = Json.object(message);
          ChangeView.fromMessage(msg).forEach(changes);
          if (msg.get("error") != null) problems.accept(String.valueOf(msg.get("error")));
        } catch (UncheckedIOException | WireFormatException e) {
          // one message the viewer cannot read is reported; the feed goes on
          problems.accept("the live feed sent what the viewer cannot read: " + e.getMessage());
        }
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      problems.accept("the live feed closed: " + status + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      problems.accept("the live feed failed: " + error);
    }
  }
}
