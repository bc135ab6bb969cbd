package org.twinlab.cli;

import static org.twinlab.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --check} offline: every problem in file, line and column order, and bindings checked even when their model failed. */
class ServeCheckTest {
  @TempDir
  Path dir;

  @Test
  void problemsComeInFileLineAndColumnOrderWithTheModelsErrorBeforeItsBindings() throws Exception {
    Path config = Files.writeString(dir.resolve("twinlab.yaml"), String.join("\n",
        "connections:",
        "  - id: plc-1",
        "    opcua: opc.tcp://127.0.0.1:4840",
        "twins:",
        "  - id: tank-1",
        "    model_file: zz-broken-model.yaml",
        "    bindings: a-tank-1.yaml",
        "  - id: tank-2",
        "    model: tank-process",
        "    bindings: a-tank-2.yaml",
        "colour: blue",
        ""));
    Path model = Files.writeString(dir.resolve("zz-broken-model.yaml"), "id: broken\nversion: [\n");
    Path one = Files.writeString(dir.resolve("a-tank-1.yaml"), String.join("\n",
        "twin: tank-1",
        "model: broken",
        "bindings:",
        "  - {property: tank.level, connection: plc-9, address: 'ns=2;s=Level'}",
        "  - {property: tank.temperature, connection: plc-1, address: 'not a node id'}",
        ""));
    Path two = Files.writeString(dir.resolve("a-tank-2.yaml"), String.join("\n",
        "twin: tank-2",
        "model: tank-process",
        "bindings:",
        "  - {property: tank.levl, connection: plc-1, address: 'ns=2;s=Level'}",
        "  - {property: tank.level, connection: plc-1, address: 'ns=2;s=Level', sampling: 5}",
        ""));

    String[] r = run("serve", "--check", "--config", config.toString());

    assertThat(r[0]).isEqualTo("2");
    List<String> lines = r[2].lines().toList();
    assertThat(lines).as(r[2]).hasSize(7);
    assertThat(lines.get(0)).startsWith(at(config, "colour") + ": colour: unknown field");
    assertThat(lines.get(1)).startsWith(model + ":");
    assertThat(lines.get(2)).startsWith(at(one, "plc-9") + ": bindings[0].connection: no connection 'plc-9'");
    assertThat(lines.get(3)).startsWith(at(one, "'not a node id'") + ": bindings[1].address: 'not a node id' is not an OPC UA node id");
    assertThat(lines.get(4)).startsWith(at(two, "tank.levl") + ": bindings[0].property: the tank-process model has no property 'tank.levl'");
    assertThat(lines.get(5)).startsWith(at(two, "sampling") + ": bindings[1].sampling: unknown field");
    assertThat(lines.get(6)).isEqualTo(config + ": 6 problems");
  }

  @Test
  void onlineGoesWithCheck() {
    String[] r = run("serve", "--online", "--config", "whatever.yaml");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--online goes with --check");
  }

  /** file:line:column where the text first starts in the file. */
  private static String at(Path file, String text) throws Exception {
    String all = Files.readString(file);
    int i = all.indexOf(text);
    assertThat(i).as(text).isNotNegative();
    int line = (int) all.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
    return file + ":" + line + ":" + (i - all.lastIndexOf('\n', i - 1));
  }


  @Test
  void aClusterFileIsCheckedAgainstTheLabsTwinsAtItsLinesAndColumns() throws Exception {
    Path config = Files.writeString(dir.resolve("twinlab.yaml"), String.join("\n",
        "connections:",
        "  - id: plc-1",
        "    opcua: opc.tcp://127.0.0.1:4840",
        "twins:",
        "  - id: tank-1",
        "    model: tank-process",
        "    bindings: tank-1.yaml",
        ""));
    Files.writeString(dir.resolve("tank-1.yaml"), String.join("\n",
        "twin: tank-1",
        "model: tank-process",
        "bindings:",
        "  - {property: tank.level, connection: plc-1, address: 'ns=2;s=Level'}",
        ""));
    Path cluster = Files.writeString(dir.resolve("cluster.yaml"), String.join("\n",
        "node: hall-a",
        "members: [127.0.0.1:5701]",
        "placement:",
        "  hall-a: [tank-1, tank-2]",
        ""));

    String[] r = run("serve", "--check", "--config", config.toString(), "--cluster", cluster.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("2");
    assertThat(r[2].lines().toList()).containsExactly(
        cluster + ":4:20: placement.hall-a[1]: no twin 'tank-2' in the lab (its twins: tank-1)", cluster + ": 1 problem");
  }
}
