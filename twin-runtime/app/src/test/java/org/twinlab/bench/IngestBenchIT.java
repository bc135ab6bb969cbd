package org.twinlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.twinlab.cli.TwinlabCli;
import org.twinlab.testing.MosquittoProcess;

/**
 * {@code twinlab bench ingest} at a few signals for a few seconds: real rigs in their own process,
 * the bare connectors, then the runtime with its followers. No figure is judged here, only that a
 * run prints all of them and that a run which heard nothing says so and exits 1.
 */
class IngestBenchIT {

  private record Run(int code, String out, String err) {}

  private static Run bench(String... args) {
    List<String> all = new ArrayList<>(List.of("bench", "ingest", "--rigs", "2", "--signals", "5", "--hz", "5", "--seconds", "2",
        "--warmup", "1"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static void assertAllFigures(Run r) {
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("connectors alone", "us CPU per sample", "runtime CPU", "runtime's own CPU",
        "runtime-added latency", "source -> SSE", "history", "written", "(keeping up)", "heap", "max used");
    assertThat(r.out()).doesNotContain("NaN", "Infinity");
  }

  // the figures the docs quote come from one run over each protocol
  @Test
  @Timeout(240)
  void anOpcUaRunPrintsTheConnectorFloorTheRuntimesCostLatencyHistoryAndHeap() {
    assertAllFigures(bench("--protocol", "opcua"));
  }

  @Test
  @Timeout(240)
  void anMqttRunThroughMosquittoPrintsTheSameFigures() throws Exception {
    MosquittoProcess.requireInstalled();
    try (MosquittoProcess broker = MosquittoProcess.start()) {
      assertAllFigures(bench("--protocol", "mqtt", "--mqtt", broker.uri()));
    }
  }

  // a follower that hears nothing would otherwise leave the figures of the others looking sound
  @Test
  @Timeout(240)
  void aFollowerThatReceivesNothingFailsTheRunNamingItsTwin() {
    Run r = bench("--protocol", "opcua", "--quiet-rigs", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("1 of 2 live-feed followers received no property event", "rig-1");
    assertThat(r.out()).doesNotContain("runtime-added latency");
  }

  // with no events at all there is nothing to report: never a NaN or a zero dressed up as a figure
  @Test
  @Timeout(240)
  void aRunInWhichNothingArrivesFailsSayingNothingWasMeasured() {
    Run r = bench("--protocol", "opcua", "--quiet-rigs", "2");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("nothing was measured");
    assertThat(r.out()).doesNotContain("NaN").doesNotContain("runtime-added latency");
  }
}
