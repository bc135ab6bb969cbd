package org.twinlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinlab.runtime.history.HistoryException;
import org.twinlab.runtime.history.HistoryExport;
import org.twinlab.runtime.history.HistoryQuery;
import org.twinlab.runtime.history.Series;
import org.twinlab.runtime.history.SqliteHistoryStore;
import org.twinlab.runtime.history.TimeWindow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A twin's or a lab session's history for a time window, as CSV or JSON. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export a twin's or a lab session's history for a time window as CSV or JSON.",
        "Reads the embedded store in a data directory (also while a runtime writes it), or asks a running runtime with --url."})
final class ExportCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--twin", required = true, description = "the twin to export") String twin;
    @Option(names = "--session", required = true, description = "the lab session to export (every twin in it)") String session;
  }

  @Option(names = "--property", description = "only these properties (repeat, or separate with commas)", split = ",")
  List<String> properties = new ArrayList<>();

  @Option(names = "--from", defaultValue = "-1h", description = "window start: ISO-8601 time, now, or e.g. -15m (default: ${DEFAULT-VALUE})")
  String from;

  @Option(names = "--to", defaultValue = "now", description = "window end (default: ${DEFAULT-VALUE})")
  String to;

  @Option(names = "--format", description = "csv or json (default: from the --out extension, else csv)")
  String format;

  @Option(names = {"-o", "--out"}, description = "file to write (default: standard output)")
  Path out;

  @Mixin
  DataDirOption data;

  @Option(names = "--url", description = "ask a running runtime instead, e.g. http://127.0.0.1:8080 (works with any store)")
  URI url;

  @Option(names = "--token", defaultValue = "${env:TWINLAB_TOKEN}",
      description = "a login token for --url (POST /api/v1/login answers one); default: the TWINLAB_TOKEN environment variable")
  String token;

  @Override
  public Integer call() throws Exception {
    String fmt = format != null ? format : out != null && out.toString().endsWith(".json") ? "json" : "csv";
    if (!fmt.equals("csv") && !fmt.equals("json")) return fail("--format is csv or json, not " + fmt);
    TimeWindow window;
    try {
      window = TimeWindow.parse(from, to, Instant.now());
    } catch (TimeWindow.BadTime e) {
      return fail("--" + e.field() + ": " + e.getMessage());
    }
    try {
      if (out == null) {
        write(window, fmt, System.out); // standard output stays open
      } else {
        try (OutputStream sink = Files.newOutputStream(out)) {
          long rows = write(window, fmt, sink);
          spec.commandLine().getErr().printf("wrote %s (%s, %s points, %s .. %s)%n", out, fmt, rows < 0 ? "all" : rows,
              window.from(), window.to());
          spec.commandLine().getErr().flush();
        }
      }
      return 0;
    } catch (HistoryException e) {
      return fail(e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      return fail("cannot write " + e.getFile() + ": no such directory");
    } catch (java.nio.file.AccessDeniedException e) {
      return fail("cannot write " + e.getFile() + ": permission denied");
    } catch (IOException e) {
      return fail(e.toString());
    }
  }

  private long write(TimeWindow window, String fmt, OutputStream sink) throws HistoryException, IOException {
    return url != null ? fromRuntime(window, fmt, sink) : fromDataDirectory(window, fmt, sink);
  }

  private long fromDataDirectory(TimeWindow window, String fmt, OutputStream sink) throws HistoryException, IOException {
    try (SqliteHistoryStore store = SqliteHistoryStore.openReadOnly(data.dir)) {
      HistoryQuery q = new HistoryQuery(what.twin, new LinkedHashSet<>(properties), what.session, window.from(), window.to());
      List<Series> series = store.raw(q);
      Writer w = new OutputStreamWriter(sink, StandardCharsets.UTF_8);
      if (fmt.equals("csv")) HistoryExport.csv(series, w);
      else w.write(HistoryExport.json(window, series).encode());
      w.flush();
      return series.stream().mapToLong(s -> s.points().size()).sum();
    }
  }

  private long fromRuntime(TimeWindow window, String fmt, OutputStream sink) throws IOException {
    StringBuilder query = new StringBuilder("format=" + fmt + "&from=" + enc(window.from().toString()) + "&to=" + enc(window.to().toString()));
    properties.forEach(p -> query.append("&property=").append(enc(p)));
    String path = what.twin != null ? "/api/v1/twins/" + enc(what.twin) + "/export?" : "/api/v1/history/export?session=" + enc(what.session) + "&";
    HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path + query)).timeout(Duration.ofMinutes(5)).GET();
    if (token != null && !token.isBlank()) b.header("Authorization", "Bearer " + token);
    HttpRequest req = b.build();
    try {
      HttpResponse<byte[]> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (res.statusCode() != 200) {
        throw new IOException(url + " answered " + res.statusCode() + ": " + new String(res.body(), StandardCharsets.UTF_8));
      }
      sink.write(res.body());
      sink.flush();
      return fmt.equals("csv") ? Math.max(0, new String(res.body(), StandardCharsets.UTF_8).lines().count() - 1) : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("twinlab export: " + message);
    spec.commandLine().getErr().flush();
    return 1;
  }
}
