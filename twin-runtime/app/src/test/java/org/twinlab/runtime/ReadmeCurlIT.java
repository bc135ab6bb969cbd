package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.demo.DemoAccounts;
import org.twinlab.demo.DemoLab;
import org.twinlab.sim.Fault;
import org.twinlab.testing.Peers;

/**
 * Every {@code curl} example of the READMEs, run as written with the real curl (through bash)
 * against the demo lab, started here as {@code twinlab demo} starts it, on free ports of
 * 127.0.0.1. Only the demo's default addresses are put right ({@code localhost:8080}, the PLCs'
 * {@code opc.tcp://127.0.0.1:4841..}); each README logs in with its own login block, or the root
 * README's one, before its other examples. Every request must answer 2xx.
 *
 * <p>The same demo, its log captured from its start, then loses a PLC (its OPC UA server stops and
 * a new one starts, as a PLC restarts), refuses a write meanwhile, and recovers: all of that is
 * normal running, and its log must hold no stack trace.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReadmeCurlIT {
  private static final Pattern CURL = Pattern.compile("(^|[\\s;|&(])curl\\s");
  private static final Pattern DEMO_PLC = Pattern.compile("opc\\.tcp://(?:127\\.0\\.0\\.1|localhost):(484\\d)");
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
  @TempDir
  static Path work;
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(.*\\)$");
  static DemoLab lab;
  static TwinRuntime runtime;
  static Vertx vertx;
  static PrintStream stderr;
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

  @BeforeAll
  static void startTheDemo(Vertx v) throws Exception {
    Peers.require(onPath("curl") && onPath("bash"), "curl and bash", "apt-get install curl");
    vertx = v;
    // slf4j-simple writes to whatever System.err is at the time of each line
    stderr = System.err;
    System.setErr(new PrintStream(new Tee(stderr, LOG), true, StandardCharsets.UTF_8));
    Path data = work.resolve("twinlab-data"); // the demo's default data directory, as the READMEs name it
    lab = DemoLab.start(0, 0, "127.0.0.1", 0, data);
    runtime = TwinRuntime.start(vertx, lab.config(), lab::simulator).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    DemoAccounts.ensure(runtime.accounts(), lab.config().dataDir());
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
        + "/api/v1/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  @AfterAll
  static void stopTheDemo() throws Exception {
    if (stderr != null) System.setErr(stderr);
    if (runtime != null) runtime.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (lab != null) lab.close();
  }

  @Test
  @Order(1)
  void everyCurlExampleOfTheReadmesAnswers2xxAfterItsLogin() throws Exception {
    List<Path> readmes = readmes();
    Examples root = Examples.of(ROOT.resolve("README.md"));
    assertThat(root.login()).as("the root README shows how to log in").isNotEmpty();
    int checked = 0;
    for (Path readme : readmes) {
      Examples ex = Examples.of(readme);
      if (ex.blocks().isEmpty()) continue;
      List<Block> script = new ArrayList<>(ex.login().isEmpty() ? root.login() : ex.login());
      script.addAll(ex.others());
      Run run = run(script);
      String where = ROOT.relativize(readme).toString();
      assertThat(run.calls()).as(where + ": every curl of its examples ran\n" + run.log()).hasSize(count(script));
      run.calls().forEach((n, c) -> {
        assertThat(c.status()).as(where + ": " + c.command() + "\n" + run.log()).startsWith("2");
        // a stream is cut by the time limit once it has answered; anything else must end by itself
        assertThat(c.exit() == 0 || c.exit() == 28 && c.command().contains(" -N ")).as(where + ": curl exit " + c.exit() + ": " + c.command())
            .isTrue();
      });
      assertThat(run.auth()).as(where + ": the login leaves a bearer header").matches("Authorization: Bearer \\S{16,}");
      Call login = run.calls().values().stream().filter(c -> c.command().contains("/api/v1/login")).findFirst().orElseThrow();
      assertThat(login.status()).isEqualTo("200");
      assertThat(run.calls().values().stream().filter(c -> c.command().contains("Authorization")))
          .as(where + ": the examples after the login send its token").isNotEmpty()
          .allSatisfy(c -> assertThat(c.command()).contains(run.auth()));
      checked += run.calls().size();
    }
    assertThat(checked).as("curl examples found in " + readmes.size() + " READMEs").isGreaterThan(10);
  }

  // the check above means something only if a broken example fails it
  @Test
  @Order(2)
  void aBrokenExampleIsCaught() throws Exception {
    List<Block> script = new ArrayList<>(Examples.of(ROOT.resolve("README.md")).login());
    script.add(new Block("broken", 1, List.of("curl -H \"$AUTH\" localhost:8080/api/v1/twins/no-such-twin",
        "curl localhost:8080/api/v1/twins/conveyor-1")));
    Run run = run(script);
    List<String> statuses = run.calls().values().stream().map(Call::status).toList();
    assertThat(statuses.subList(statuses.size() - 2, statuses.size())).as("an unknown twin, then no login").containsExactly("404", "401");
    assertThat(statuses.subList(0, statuses.size() - 2)).as("the login block itself").allMatch(c -> c.startsWith("2"));
  }

  // a lab runs for hours through PLC restarts: a trace per restart would bury what matters
  @Test
  @Order(3)
  void aPlcRestartAndAWriteWhileItIsDownLogNoStackTrace() throws Exception {
    var admin = new ApiUsers(vertx, runtime).client("quiet", org.twinlab.runtime.auth.Role.ADMIN);
    var sim = lab.rig("conveyor-1").sim();
    long fault = sim.inject(new Fault.CommunicationLoss());
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> status(admin.get("/api/v1/health")) == 503);
      int write = status(admin.put("/api/v1/twins/conveyor-1/properties/belt.frequency_setpoint").sendJsonObject(
          new io.vertx.core.json.JsonObject().put("value", 35)));
      assertThat(write).as("a write to a PLC that is down").isEqualTo(503);
    } finally {
      sim.clearFault(fault);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> status(admin.get("/api/v1/health")) == 200);
    int write = status(admin.put("/api/v1/twins/conveyor-1/properties/belt.frequency_setpoint").sendJsonObject(
        new io.vertx.core.json.JsonObject().put("value", 35)));
    assertThat(write).as("a write once it is back").isEqualTo(200);
    String log;
    synchronized (LOG) {
      log = LOG.toString(StandardCharsets.UTF_8);
    }
    assertThat(log).as("the demo logged something").isNotBlank();
    Matcher frame = STACK_FRAME.matcher(log);
    if (frame.find()) {
      int from = Math.max(0, frame.start() - 600);
      throw new AssertionError("a stack trace in the log of a normal run:\n" + log.substring(from, Math.min(log.length(), frame.end() + 600)));
    }
  }

  private static int status(io.vertx.ext.web.client.HttpRequest<io.vertx.core.buffer.Buffer> r) {
    return status(r.send());
  }

  private static int status(io.vertx.core.Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>> f) {
    return f.toCompletionStage().toCompletableFuture().join().statusCode();
  }

  /** Writes to the console and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream console;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream console, ByteArrayOutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      console.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      console.write(b, off, len);
      synchronized (copy) {
        copy.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      console.flush();
    }
  }

  /** What the wrapped curl reported, by the order of its calls. */
  record Call(String command, String status, int exit) {}

  record Run(Map<Integer, Call> calls, String auth, String log) {}

  /** A fenced block of a README, from its file and line. */
  record Block(String file, int line, List<String> lines) {
    boolean logsIn() {
      return lines.stream().anyMatch(l -> l.contains("/api/v1/login"));
    }
  }

  /** The curl examples of one README: its login block(s) and the rest, in the order written. */
  record Examples(List<Block> blocks) {
    static Examples of(Path readme) throws IOException {
      List<Block> out = new ArrayList<>();
      List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
      List<String> current = null;
      int start = 0;
      boolean shell = false;
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.trim().startsWith("```")) {
          if (current == null) {
            String lang = l.trim().substring(3).trim();
            shell = lang.isEmpty() || lang.equals("sh") || lang.equals("bash") || lang.equals("shell");
            current = new ArrayList<>();
            start = i + 2;
          } else {
            if (shell && current.stream().anyMatch(x -> CURL.matcher(x).find() && !x.trim().startsWith("#"))) {
              out.add(new Block(readme.toString(), start, current));
            }
            current = null;
          }
        } else if (current != null) {
          current.add(l);
        }
      }
      return new Examples(out);
    }

    List<Block> login() {
      return blocks.stream().filter(Block::logsIn).toList();
    }

    List<Block> others() {
      return blocks.stream().filter(b -> !b.logsIn()).toList();
    }
  }

  private static int count(List<Block> blocks) {
    int n = 0;
    for (Block b : blocks) {
      for (String l : b.lines()) {
        String code = l.trim().startsWith("#") ? "" : l;
        Matcher m = CURL.matcher(code);
        while (m.find()) n++;
      }
    }
    return n;
  }

  /** Runs the blocks in one bash, with curl wrapped to report each call's command, HTTP status and exit. */
  private static Run run(List<Block> blocks) throws Exception {
    Path log = Files.createTempFile(work, "curl", ".log");
    Path counter = Files.createTempFile(work, "curl", ".n");
    Files.writeString(counter, "0");
    StringBuilder sh = new StringBuilder()
        .append("exec 3>>'").append(log).append("'\n")
        .append("curl() {\n")
        .append("  local n=$(( $(cat '").append(counter).append("') + 1 )); echo $n > '").append(counter).append("'\n")
        .append("  local limit=30; case \" $* \" in *\" -N \"*) limit=3;; esac\n")
        .append("  printf '@@cmd %s %s\\n' \"$n\" \" $* \" >&3\n")
        .append("  command curl --max-time $limit -w \"%{stderr}@@status $n %{http_code}\\n\" \"$@\" 2>&3\n")
        .append("  local rc=$?; printf '@@exit %s %s\\n' \"$n\" \"$rc\" >&3; return $rc\n")
        .append("}\n");
    for (Block b : blocks) sh.append("# ").append(b.file()).append(':').append(b.line()).append('\n').append(demoAddresses(String.join("\n", b.lines()))).append('\n');
    sh.append("printf '@@auth %s\\n' \"${AUTH:-}\" >&3\n");
    Process p = new ProcessBuilder("bash", "-c", sh.toString()).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("curl-output.txt").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the examples did not end within 120 s:\n" + Files.readString(log));
    }
    Map<Integer, String> commands = new TreeMap<>();
    Map<Integer, String> statuses = new TreeMap<>();
    Map<Integer, Integer> exits = new TreeMap<>();
    String auth = "";
    String text = Files.readString(log);
    for (String l : text.split("\n")) {
      String[] f = l.split(" ", 3);
      if (l.startsWith("@@auth ")) auth = l.substring(7).trim();
      else if (f.length < 2) continue;
      else if (f[0].equals("@@cmd")) commands.put(Integer.parseInt(f[1]), f.length > 2 ? f[2] : "");
      else if (f[0].equals("@@status")) statuses.put(Integer.parseInt(f[1]), f.length > 2 ? f[2].trim() : "");
      else if (f[0].equals("@@exit")) exits.put(Integer.parseInt(f[1]), Integer.parseInt(f[2].trim()));
    }
    Map<Integer, Call> calls = new TreeMap<>();
    commands.forEach((n, c) -> calls.put(n, new Call(c, statuses.getOrDefault(n, "none"), exits.getOrDefault(n, -1))));
    return new Run(calls, auth, text);
  }

  /** The demo's default addresses as this test's demo serves them. */
  private static String demoAddresses(String script) {
    String out = script.replace("localhost:8080", "127.0.0.1:" + runtime.port()).replace("127.0.0.1:8080", "127.0.0.1:" + runtime.port());
    List<String> plcs = lab.rigs().stream().map(DemoLab.Rig::endpoint).filter(e -> e.startsWith("opc.tcp://")).toList();
    Matcher m = DEMO_PLC.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String plc = plcs.get(Integer.parseInt(m.group(1)) - 4841);
      m.appendReplacement(sb, Matcher.quoteReplacement(plc.substring(0, plc.indexOf('/', "opc.tcp://".length()))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static List<Path> readmes() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(f -> f.getFileName().toString().equals("README.md"))
          .filter(f -> Stream.of(ROOT.relativize(f).toString().split("/")).noneMatch(s -> s.equals("target") || s.equals("node_modules") || s.startsWith(".")))
          .sorted().toList();
    }
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }
}
