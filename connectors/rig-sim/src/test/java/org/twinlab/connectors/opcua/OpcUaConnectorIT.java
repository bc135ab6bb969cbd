package org.twinlab.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.twinlab.connectors.Backoff;
import org.twinlab.connectors.ConnectionState;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.connectors.WriteResult;
import org.twinlab.sim.ConveyorSortingSim;
import org.twinlab.sim.SimSignal;
import org.twinlab.sim.opcua.RigOpcUaServer;
import org.twinlab.testing.Ports;
import org.twinlab.testing.RecordingListener;
import org.twinlab.testing.SimulatedPlc;

/** Our OPC UA client against a simulated sorting station's Milo server, over loopback TCP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpcUaConnectorIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private SimulatedPlc plc;
  private OpcUaConnector connector;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void start() throws Exception {
    plc = new SimulatedPlc(new ConveyorSortingSim(11, true), RigOpcUaServer.Options.loopback(Ports.free()).withMaxNodesPerRead(4));
    connector = new OpcUaConnector(OpcUaConnectorConfig.of("station-1", plc.server.endpointUrl())
        .withBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1))), listener, java.time.Clock.systemUTC());
    connector.start();
    List<SignalRequest> all = plc.sim.signals().stream()
        .map(s -> new SignalRequest(s.path(), plc.address(s.path()), 50, 0)).toList();
    connector.subscribe(all).get(20, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> connector.state() == ConnectionState.CONNECTED);
  }

  @AfterEach
  void stop() throws Exception {
    connector.close();
    plc.close();
  }

  @Test
  void samplesArriveGoodAndTheBeltMoves() {
    await().atMost(WAIT).until(() -> listener.latest("belt.encoder_position") != null);
    long first = (Long) listener.latest("belt.encoder_position").value();
    await().atMost(WAIT).until(() -> (Long) listener.latest("belt.encoder_position").value() > first + 100);
    Sample speed = listener.latest("belt.speed");
    assertThat(speed.quality()).isEqualTo(Quality.GOOD);
    assertThat(speed.value()).isInstanceOf(Double.class);
    assertThat(listener.latest("panel.state").value()).isEqualTo("running");
  }

  @Test
  void aWriteReachesThePlcAndChangesThePhysics() throws Exception {
    WriteResult r = connector.write(plc.address("belt.frequency_setpoint"), 20).get(10, TimeUnit.SECONDS);
    assertThat(r).isEqualTo(WriteResult.OK);
    assertThat(plc.sim.groundTruth().get("belt.frequency_setpoint")).isEqualTo(20.0);
    await().atMost(WAIT).untilAsserted(() ->
        assertThat((Double) listener.latest("belt.speed").value()).isCloseTo(0.24, org.assertj.core.data.Offset.offset(0.001)));
  }

  @Test
  void theRigsRefusalComesBackAsTheWriteResult() throws Exception {
    WriteResult outOfRange = connector.write(plc.address("belt.frequency_setpoint"), 80).get(10, TimeUnit.SECONDS);
    assertThat(outOfRange.ok()).isFalse();
    assertThat(outOfRange.detail()).isEqualTo("Bad_OutOfRange");
    WriteResult readOnly = connector.write(plc.address("belt.speed"), 0.1).get(10, TimeUnit.SECONDS);
    assertThat(readOnly.ok()).isFalse();
    assertThat(readOnly.detail()).startsWith("Bad_");
    WriteResult notANumber = connector.write(plc.address("belt.frequency_setpoint"), "fast").get(10, TimeUnit.SECONDS);
    assertThat(notANumber.refusal()).isEqualTo(WriteResult.Refusal.TYPE_MISMATCH);
    assertThat(notANumber.detail()).startsWith("a String (fast) cannot be written to a Float node");
    WriteResult aBool = connector.write(plc.address("belt.frequency_setpoint"), false).get(10, TimeUnit.SECONDS);
    assertThat(aBool.refusal()).as("a bool is not quietly made 0.0").isEqualTo(WriteResult.Refusal.TYPE_MISMATCH);
    assertThat(plc.sim.groundTruth().get("belt.frequency_setpoint")).isNotEqualTo(0.0);
  }

  @Test
  void readsAreSplitToTheServersMaxNodesPerRead() throws Exception {
    List<String> addresses = plc.sim.signals().stream().map(SimSignal::path).map(plc::address).toList();
    assertThat(addresses.size()).isGreaterThan(4 * 5);
    List<Sample> values = connector.read(addresses).get(20, TimeUnit.SECONDS);
    assertThat(values).hasSize(addresses.size()).allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD));
  }

  @Test
  void browsingShowsThePlcLikeAddressSpace() throws Exception {
    List<DiscoveredSignal> top = connector.discover("").get(10, TimeUnit.SECONDS);
    DiscoveredSignal blocks = top.stream().filter(d -> d.name().equals("DataBlocksGlobal")).findFirst().orElseThrow();
    DiscoveredSignal db = connector.discover(blocks.address()).get(10, TimeUnit.SECONDS).get(0);
    assertThat(db.name()).isEqualTo("DB_Sorting");
    DiscoveredSignal belt = connector.discover(db.address()).get(10, TimeUnit.SECONDS).stream()
        .filter(d -> d.name().equals("Belt")).findFirst().orElseThrow();
    List<DiscoveredSignal> vars = connector.discover(belt.address()).get(10, TimeUnit.SECONDS);
    assertThat(vars).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("FrequencySetpoint");
      assertThat(v.dataType()).isEqualTo("Float");
      assertThat(v.writable()).isTrue();
      assertThat(v.readable()).isTrue();
      assertThat(v.value()).as("the current value, to bind by what it shows").isInstanceOf(Double.class);
      assertThat(v.address()).as("by namespace URI, which survives renumbering")
          .isEqualTo("nsu=" + RigOpcUaServer.namespaceUri() + ";s=\"DB_Sorting\".\"Belt\".\"FrequencySetpoint\"");
    });
    assertThat(vars).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("EncoderPosition");
      assertThat(v.dataType()).isEqualTo("Int32");
      assertThat(v.writable()).isFalse();
      assertThat(v.access()).isEqualTo("read");
      assertThat(v.value()).isInstanceOf(Long.class);
      assertThat(v.status()).isEqualTo("Good");
    });
    assertThat(vars).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("FrequencySetpoint");
      assertThat(v.access()).isEqualTo("read-write");
      assertThat(v.value()).as("the setpoint the simulator holds").isEqualTo(((Number) plc.sim.groundTruth().get("belt.frequency_setpoint")).doubleValue());
      assertThat(v.status()).isEqualTo("Good");
    });
    assertThat(blocks.access()).as("a folder is no value").isNull();
    assertThat(blocks.address()).as("not a namespace index").doesNotStartWith("ns=");
  }

  // a technician binds by what discovery shows: every variable of a page with its type, access and value
  @Test
  void browsingAPageGivesEveryVariablesTypeAccessAndValue() throws Exception {
    String db = "nsu=" + RigOpcUaServer.namespaceUri() + ";s=\"DB_Sorting\"";
    List<DiscoveredSignal> panel = connector.discover(db + ".\"Panel\"").get(10, TimeUnit.SECONDS);
    // the server here allows 4 nodes per read: the page's facts span several reads, in order
    assertThat(panel).extracting(DiscoveredSignal::name).containsExactlyInAnyOrder("Start", "Stop", "Reset", "EStop", "State");
    assertThat(panel).allSatisfy(v -> {
      assertThat(v.address()).startsWith("nsu=" + RigOpcUaServer.namespaceUri() + ";s=\"DB_Sorting\".\"Panel\".");
      assertThat(v.status()).isEqualTo("Good");
      assertThat(v.hasChildren()).isFalse();
    });
    assertThat(panel).filteredOn(v -> !v.name().equals("State")).allSatisfy(v -> {
      assertThat(v.dataType()).isEqualTo("Boolean");
      assertThat(v.access()).isEqualTo("read-write");
      assertThat(v.value()).isInstanceOf(Boolean.class);
    });
    DiscoveredSignal state = panel.stream().filter(v -> v.name().equals("State")).findFirst().orElseThrow();
    assertThat(state.dataType()).isEqualTo("String");
    assertThat(state.access()).isEqualTo("read");
    assertThat(state.value()).isEqualTo(plc.sim.groundTruth().get("panel.state"));
    List<DiscoveredSignal> pusher = connector.discover(db + ".\"Pusher1\"").get(10, TimeUnit.SECONDS);
    assertThat(pusher).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("Count");
      assertThat(v.dataType()).isEqualTo("Int32");
      assertThat(v.access()).isEqualTo("read");
    });
  }

  @Test
  void anAbsoluteDeadbandHoldsBackSmallChanges() throws Exception {
    String encoder = plc.address("belt.encoder_position");
    connector.subscribe(List.of(new SignalRequest("coarse", encoder, 50, 5_000))).get(10, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> listener.latest("coarse") != null);
    long from = ((Number) listener.latest("coarse").value()).longValue();
    long fine = listener.count("belt.encoder_position");
    long coarse = listener.count("coarse");
    // every publish of the fine item carries a change; however fast the belt moved meanwhile, the
    // coarse item reports once per 5,000 pulses at most (one more for a publish in between the reads)
    await().atMost(WAIT).until(() -> listener.count("belt.encoder_position") - fine >= 15);
    long moved = ((Number) listener.latest("belt.encoder_position").value()).longValue() - from;
    assertThat(listener.count("coarse") - coarse).isLessThanOrEqualTo(moved / 5_000 + 1);
  }

  @Test
  void oneUnknownNodeIsBadWhileTheOthersKeepFlowing() throws Exception {
    connector.subscribe(List.of(SignalRequest.of("ghost", "nsu=" + RigOpcUaServer.namespaceUri() + ";s=\"DB_Sorting\".\"Nope\""))).get(10, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> listener.latest("ghost") != null);
    assertThat(listener.latest("ghost").quality().reason()).isEqualTo("Bad_NodeIdUnknown");
    long before = listener.count("belt.encoder_position");
    await().atMost(WAIT).until(() -> listener.count("belt.encoder_position") > before + 10);
  }

  @Test
  void afterTheServerRestartsAndForgetsEverythingSamplesResume() throws Exception {
    await().atMost(WAIT).until(() -> listener.latest("belt.encoder_position") != null
        && listener.latest("belt.encoder_position").quality().isGood());
    plc.server.stop();
    await().atMost(WAIT).until(() -> connector.state() == ConnectionState.RECONNECTING);
    await().atMost(WAIT).until(() -> listener.latest("belt.encoder_position").quality().isBad());
    plc.server.start(); // at once, or by the simulator's next step: a quick restart
    await().atMost(Duration.ofSeconds(40)).until(() -> connector.state() == ConnectionState.CONNECTED
        && listener.latest("belt.encoder_position").quality().isGood());
    long after = (Long) listener.latest("belt.encoder_position").value();
    await().atMost(WAIT).until(() -> (Long) listener.latest("belt.encoder_position").value() > after + 100);
    assertThat(listener.states()).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
  }

  @Test
  void aCommunicationLossFaultDropsTheLinkUntilClearedAndValuesAreGoodSoonAfter() throws Exception {
    await().atMost(WAIT).until(() -> listener.latest("belt.speed") != null);
    long fault = plc.sim.inject(new org.twinlab.sim.Fault.CommunicationLoss());
    await().atMost(WAIT).until(() -> listener.latest("belt.speed").quality().isBad());
    WriteResult whileDown = connector.write(plc.address("belt.frequency_setpoint"), 20).get(10, TimeUnit.SECONDS);
    assertThat(whileDown.refusal()).isEqualTo(WriteResult.Refusal.UNAVAILABLE);
    assertThat(whileDown.detail()).contains("not connected");
    Thread.sleep(3_000); // down long enough for a doubling backoff to have grown past what a lab can wait
    plc.sim.clearFault(fault);
    await().atMost(WAIT).until(plc.server::isRunning); // the simulator's next step serves again
    long listening = System.nanoTime();
    long before = listener.count("belt.speed");
    await().atMost(Duration.ofSeconds(40)).until(() -> listener.count("belt.speed") > before
        && listener.latest("belt.speed").quality().isGood());
    double recovered = (System.nanoTime() - listening) / 1e9;
    System.out.printf("OPC UA values Good again %.2f s after the server listened%n", recovered);
    // the aim is 2 s (retries at most 1 s apart, then a session and a subscription); the bound leaves
    // room for a loaded machine and still fails on the old 16 s waits
    assertThat(recovered).isLessThan(12.0);
  }
}
