package org.twinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.runtime.scenario.SuiteResult;
import picocli.CommandLine;

class SuiteMatrixPrinterTest {

  @Test
  void theDryRunOfASuiteScenarioPrintsEachCaseAgainstEachVariant() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("scenario", "dry-run", "l3-test-mutation-suite-tank");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("-- test suite at 15:00: 6 of 6 faulty variants detected, 0 false failures in 5 cases")
        .contains("     #  correct        A B C D E F  case")
        .contains("     1  pass           x")
        .contains("    A wrong_scale (tank.level scaled by 0.1): caught by 1")
        .contains("    F slow_update (tank.level sampled every 5000 ms): caught by ")
        .doesNotContain("NOT CAUGHT").doesNotContain("FALSE FAILURE");
  }

  @Test
  void theDryRunOfASecurityScenarioPrintsEachCaseAgainstEachInsecureVariant() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("scenario", "dry-run", "l3-test-security-suite-tank", "--random", "1");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("-- security script at 12:00: 3 of 3 insecure variants detected, 0 false failures in 7 cases")
        .contains("     #  correct        A B C  case")
        .contains("     1  pass           x . .  a setpoint above the tank is refused")
        .contains("     4  pass           . . x  the pump speed takes no write")
        .contains("    A range_unchecked (pid.setpoint takes writes outside its range): caught by 1, 2")
        .contains("    B range_widened (pid.manual_output takes writes up to 20 % beyond its range): caught by 3")
        .contains("    C read_only_writable (pump.speed takes writes though it is read-only): caught by 4")
        .doesNotContain("-- test suite").doesNotContain("NOT CAUGHT").doesNotContain("FALSE FAILURE");
  }

  @Test
  void aFalseFailureShowsWhyAndAVariantNoCaseCaughtIsSaid() {
    SuiteResult r = new SuiteResult(List.of(
        new SuiteResult.CaseResult(1, "level in range", true, "held after 0.1 s", List.of("wrong_scale")),
        new SuiteResult.CaseResult(2, "wrong expectation", false, "did not hold within 2.0 s; the twin showed twin.tank.level = 20.0", List.of())),
        List.of("wrong_scale", "inverted_bit"));
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      SuiteMatrixPrinter.print(r, SuiteMatrixPrinter.faulty("tank-process"), w);
    }
    assertThat(out.toString().lines()).containsExactly(
        "     #  correct        A B  case",
        "     1  pass           x .  level in range",
        "     2  FALSE FAILURE  . .  wrong expectation",
        "        why: did not hold within 2.0 s; the twin showed twin.tank.level = 20.0",
        "    A wrong_scale (tank.level scaled by 0.1): caught by 1",
        "    B inverted_bit (inlet_valve.open inverted): NOT CAUGHT");
  }
}
