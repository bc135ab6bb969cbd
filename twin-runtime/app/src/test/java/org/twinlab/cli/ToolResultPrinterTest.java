package org.twinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ToolResultPrinterTest {

  @Test
  void theDryRunOfATestToolScenarioPrintsTheProbesAndTheScriptAgainstEachSlowVariant() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("scenario", "dry-run", "l3-test-environment-performance-script-tank", "--random", "1");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("-- test set-up at 3:00: 4 of 4 probes mirror the rig")
        .containsPattern("(?m)^    tank.level +mirrors$")
        .contains("-- performance script at 18:00: p95 of the write-to-twin latency 200 ms on the sound twin (requirement 1000 ms): met")
        .containsPattern("(?m)^    added_latency +1700 ms  caught  \\(every sample reaches the twin 1500 ms late\\)$")
        .containsPattern("(?m)^    throttled_sampling +never \\(\\d+ writes never shown\\)  caught  \\(every signal sampled every 2000 ms\\)$")
        .doesNotContain("DOES NOT MIRROR");
  }
}
