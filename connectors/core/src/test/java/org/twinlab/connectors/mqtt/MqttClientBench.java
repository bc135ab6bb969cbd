package org.twinlab.connectors.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.twinlab.testing.MosquittoProcess;

/**
 * Receive cost of the MQTT clients twinlab could use, in one run on one mosquitto: Paho v3, Paho v5,
 * and the HiveMQ client speaking 3.1.1 and 5. One Paho v3 publisher sends the same 44-byte JSON
 * payloads to each subscriber in turn; each subscriber runs in a fresh JVM of its own, so its
 * process CPU time is its whole cost (threads, GC, JIT). Two cases, both QoS 1 as the connector
 * subscribes by default:
 * <ul>
 *   <li>live: the publisher sends as fast as a 1000-message window allows while the subscriber is connected;
 *   <li>drain: the messages are queued for the subscriber's offline session, then it connects and drains
 *       them, so only the broker and the subscriber run and the rate is the subscriber's capacity.
 * </ul>
 * Run by hand (not a test), from the repository root:
 * <pre>
 * mvn -q -B -pl connectors/core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp "connectors/core/target/test-classes:connectors/core/target/classes:$(cat connectors/core/target/test-cp.txt)" \
 *     org.twinlab.connectors.mqtt.MqttClientBench n=200000 reps=3 clients=paho-v3,paho-v5,hivemq-3,hivemq-5
 * </pre>
 * It starts its own mosquitto on a free loopback port; every wait is bounded.
 */
public final class MqttClientBench {
  private static final String TOPIC = "bench/clients";
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("subscriber")) {
      Subscriber.run(args[1], args[2], args[3]);
      return;
    }
    int n = Integer.parseInt(arg(args, "n", "200000"));
    int reps = Integer.parseInt(arg(args, "reps", "3"));
    List<String> clients = List.of(arg(args, "clients", "paho-v3,paho-v5,hivemq-3,hivemq-5").split(","));
    MosquittoProcess.requireInstalled();
    try (MosquittoProcess broker = MosquittoProcess.start(); Publisher pub = new Publisher(broker.uri())) {
      System.out.printf("mosquitto %s, n=%d per case, %d reps, clients rotate in order%n", broker.uri(), n, reps);
      for (int rep = 1; rep <= reps; rep++) {
        for (String client : clients) measure(client, rep, n, broker.uri(), pub);
      }
    }
    System.exit(0); // Paho leaves non-daemon threads behind
  }

  private static void measure(String client, int rep, int n, String uri, Publisher pub) throws Exception {
    String id = client + "-" + rep + "-" + ProcessHandle.current().pid();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms256m", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        MqttClientBench.class.getName(), "subscriber", client, uri, id)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter cmd = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8)) {
      expect(in, "READY");
      // warm-up: the same live case, not reported
      cmd.println("expect warm " + n / 4);
      expect(in, "EXPECTING");
      pub.send(n / 4);
      expect(in, "RESULT");
      cmd.println("expect live " + n);
      expect(in, "EXPECTING");
      long t0 = System.nanoTime();
      pub.send(n);
      double pubRate = n / ((System.nanoTime() - t0) / 1e9);
      System.out.println(expect(in, "RESULT") + String.format(Locale.ROOT, " rep=%d pub_rate=%.0f", rep, pubRate));
      cmd.println("away");
      expect(in, "AWAY");
      pub.send(n);
      cmd.println("expect drain " + n);
      expect(in, "EXPECTING");
      System.out.println(expect(in, "RESULT") + " rep=" + rep);
      cmd.println("quit");
      if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
    } finally {
      p.destroyForcibly();
    }
  }

  private static String expect(BufferedReader in, String prefix) throws Exception {
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith(prefix)) return line;
    }
    throw new IllegalStateException("subscriber ended before " + prefix);
  }

  private static String arg(String[] args, String key, String def) {
    for (String a : args) if (a.startsWith(key + "=")) return a.substring(key.length() + 1);
    return def;
  }

  /** 40 to 46 bytes of JSON, a small sensor value: {"v":12.34,"ts":1732170000000,"seq":123456}. */
  static byte[] payload(long seq) {
    return String.format(Locale.ROOT, "{\"v\":%d.%02d,\"ts\":%d,\"seq\":%d}", seq % 100, seq % 97,
        System.currentTimeMillis(), seq).getBytes(StandardCharsets.US_ASCII);
  }

  /** The one publisher of every case: Paho v3, QoS 1, at most 1000 messages unacknowledged. */
  private static final class Publisher implements AutoCloseable {
    private final org.eclipse.paho.client.mqttv3.MqttAsyncClient client;
    private final Semaphore window = new Semaphore(1000);
    private long seq;

    Publisher(String uri) throws Exception {
      client = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(uri, "bench-pub-" + ProcessHandle.current().pid(),
          new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
      client.setCallback(new MqttCallback() {
        @Override
        public void connectionLost(Throwable cause) {
          System.err.println("publisher lost its connection: " + cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {}

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
          window.release();
        }
      });
      MqttConnectOptions o = new MqttConnectOptions();
      o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      o.setMaxInflight(1000);
      o.setSocketFactory(new NoDelaySocketFactory());
      client.connect(o).waitForCompletion(10_000);
    }

    void send(int count) throws Exception {
      for (int i = 0; i < count; i++) {
        if (!window.tryAcquire(30, TimeUnit.SECONDS)) throw new IllegalStateException("publisher stalled");
        client.publish(TOPIC, payload(seq++), 1, false);
      }
      if (!window.tryAcquire(1000, 30, TimeUnit.SECONDS)) throw new IllegalStateException("publishes not acknowledged");
      window.release(1000);
    }

    @Override
    public void close() throws Exception {
      client.disconnect().waitForCompletion(5000);
      client.close();
    }
  }

  /**
   * One subscriber JVM: connects with a session the broker keeps, then obeys its parent's lines
   * ({@code expect PHASE N}, {@code away}, {@code quit}) and prints one RESULT line a phase.
   */
  private static final class Subscriber {
    private final AtomicLong received = new AtomicLong();
    private volatile long firstNanos;
    private volatile long firstCpu;
    private volatile long lastNanos;
    private volatile long lastCpu;
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static void run(String client, String uri, String id) throws Exception {
      new Subscriber().loop(client, URI.create(uri), id);
      System.exit(0);
    }

    private void onMessage() {
      long c = received.incrementAndGet();
      if (c == 1) {
        firstNanos = System.nanoTime();
        firstCpu = os.getProcessCpuTime();
      }
      lastNanos = System.nanoTime();
      if ((c & 1023) == 0) lastCpu = os.getProcessCpuTime();
    }

    private void loop(String client, URI uri, String id) throws Exception {
      AutoCloseable link = open(client, uri, id, true);
      System.out.println("READY");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        String[] w = line.split(" ");
        switch (w[0]) {
          case "expect" -> {
            received.set(0);
            lastCpu = 0;
            System.out.println("EXPECTING");
            if (w[1].equals("drain")) link = open(client, uri, id, false);
            report(client, w[1], Long.parseLong(w[2]));
          }
          case "away" -> {
            link.close();
            System.out.println("AWAY");
          }
          case "quit" -> {
            link.close();
            return;
          }
          default -> throw new IllegalArgumentException("unknown command " + line);
        }
      }
    }

    /** Waits until all arrived (or none for 10 s), then prints the rate and CPU from first to last message. */
    private void report(String client, String phase, long expected) throws InterruptedException {
      long lastChange = System.nanoTime();
      long seen = -1;
      while (received.get() < expected && System.nanoTime() - lastChange < IDLE_NANOS) {
        long c = received.get();
        if (c != seen) {
          seen = c;
          lastChange = System.nanoTime();
        }
        Thread.sleep(5);
      }
      long cpuEnd = os.getProcessCpuTime();
      long r = received.get();
      double secs = Math.max(1e-9, (lastNanos - firstNanos) / 1e9);
      long cpu = (r >= expected ? cpuEnd : Math.max(lastCpu, firstCpu)) - firstCpu;
      System.out.printf(Locale.ROOT, "RESULT client=%s case=%s expected=%d received=%d msg_per_s=%.0f cpu_us_per_msg=%.2f cpu_pct=%.0f%n",
          client, phase, expected, r, r / secs, cpu / 1e3 / Math.max(1, r), 100.0 * cpu / 1e9 / secs);
    }

    /** Connects (the first time subscribing) with a session that outlives a disconnect. */
    private AutoCloseable open(String client, URI uri, String id, boolean subscribe) throws Exception {
      return switch (client) {
        case "paho-v3" -> pahoV3(uri, id, subscribe);
        case "paho-v5" -> pahoV5(uri, id, subscribe);
        case "hivemq-3" -> hiveMq3(uri, id, subscribe);
        case "hivemq-5" -> hiveMq5(uri, id, subscribe);
        default -> throw new IllegalArgumentException("unknown client " + client);
      };
    }

    private AutoCloseable pahoV3(URI uri, String id, boolean subscribe) throws Exception {
      var c = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(uri.toString(), id,
          new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
      c.setCallback(new MqttCallback() {
        @Override
        public void connectionLost(Throwable cause) {}

        @Override
        public void messageArrived(String topic, MqttMessage message) {
          onMessage();
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
      });
      MqttConnectOptions o = new MqttConnectOptions();
      o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      o.setCleanSession(false);
      o.setMaxInflight(1000);
      o.setSocketFactory(new NoDelaySocketFactory());
      c.connect(o).waitForCompletion(10_000);
      if (subscribe) c.subscribe(TOPIC, 1).waitForCompletion(10_000);
      return () -> {
        c.disconnect().waitForCompletion(5000);
        c.close();
      };
    }

    private AutoCloseable pahoV5(URI uri, String id, boolean subscribe) throws Exception {
      var c = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(uri.toString(), id,
          new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
      c.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

        @Override
        public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {}

        @Override
        public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage m) {
          onMessage();
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
      });
      var o = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
      o.setCleanStart(false);
      o.setSessionExpiryInterval(600L);
      o.setSocketFactory(new NoDelaySocketFactory());
      c.connect(o).waitForCompletion(10_000);
      if (subscribe) c.subscribe(TOPIC, 1).waitForCompletion(10_000);
      return () -> {
        c.disconnect().waitForCompletion(5000);
        c.close();
      };
    }

    private AutoCloseable hiveMq3(URI uri, String id, boolean subscribe) {
      Mqtt3AsyncClient c = Mqtt3Client.builder().identifier(id).serverHost(uri.getHost()).serverPort(uri.getPort()).buildAsync();
      c.publishes(MqttGlobalPublishFilter.ALL, m -> onMessage());
      c.connectWith().cleanSession(false).send().orTimeout(10, TimeUnit.SECONDS).join();
      if (subscribe) c.subscribeWith().topicFilter(TOPIC).qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(10, TimeUnit.SECONDS).join();
      return () -> c.disconnect().orTimeout(5, TimeUnit.SECONDS).join();
    }

    private AutoCloseable hiveMq5(URI uri, String id, boolean subscribe) {
      Mqtt5AsyncClient c = Mqtt5Client.builder().identifier(id).serverHost(uri.getHost()).serverPort(uri.getPort()).buildAsync();
      c.publishes(MqttGlobalPublishFilter.ALL, m -> onMessage());
      c.connectWith().cleanStart(false).sessionExpiryInterval(600).send().orTimeout(10, TimeUnit.SECONDS).join();
      if (subscribe) c.subscribeWith().topicFilter(TOPIC).qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(10, TimeUnit.SECONDS).join();
      return () -> c.disconnect().orTimeout(5, TimeUnit.SECONDS).join();
    }
  }
}
