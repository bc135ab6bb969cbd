package org.twinlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.twinlab.cli.TwinlabCli;

/**
 * {@code twinlab bench cluster} at a few signals for a few seconds: two node JVMs, rigs in their
 * own process, followers on both nodes, reads on both. No figure is judged here, only that a run
 * prints all of them, and that a run in which a follower heard nothing says so and exits 1.
 */
class ClusterBenchIT {

  private record Run(int code, String out, String err) {}

  private static Run bench(String... args) {
    List<String> all = new ArrayList<>(List.of("bench", "cluster", "--rigs", "2", "--signals", "5", "--hz", "5", "--seconds", "2",
        "--warmup", "1", "--call-seconds", "1", "--clients", "2"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  // the figures docs/scaling.md quotes come from one such run
  @Test
  @Timeout(300)
  void aRunPrintsEachNodesCostTheHopsLatencyAndTheReadsOnBothNodes() {
    Run r = bench();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("followers on n1 only", "followers on n1 and n2", "what the hop costs", "source -> SSE on n2",
        "added by the hop", "feed text per sample", "GET /twins/{id} on n1", "GET /twins/{id} on n2");
    assertThat(r.out()).doesNotContain("NaN", "Infinity");
  }

  // a follower that hears nothing would otherwise leave the other figures looking sound
  @Test
  @Timeout(300)
  void aFollowerThatReceivesNothingFailsTheRunNamingItsTwin() {
    Run r = bench("--quiet-rigs", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("received no property event", "rig-1");
    assertThat(r.out()).doesNotContain("what the hop costs");
  }
}
