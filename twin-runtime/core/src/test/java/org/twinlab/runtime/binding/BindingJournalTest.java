package org.twinlab.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;

/** What the journal keeps reads back as the same bindings, and a crash mid-write loses nothing confirmed. */
class BindingJournalTest {
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  private static final Map<String, String> CONNECTIONS = Map.of("plc-1", "opcua", "broker", "mqtt");
  private static final String SET = """
      twin: tank-1
      model: tank-process
      bindings:
        - property: tank.level
          connection: plc-1
          address: 'nsu=urn:twinlab:plc;s="DB_Process"."Tank"."LevelRaw"'
          sampling_ms: 200
          transform: {range: {raw: [0, 27648], value: [0, 500]}, unit: {from: mm, to: m}, clamp: [0, 0.5], deadband: 0.001}
        - {property: panel.estop, connection: plc-1, address: 'ns=3;i=1001', transform: {bit: 3, invert: true}}
        - {property: pid.setpoint, connection: plc-1, address: 'ns=3;i=1002', transform: {scale: 2, offset: -1}, write: true}
        - {property: outlet_valve.opening, connection: plc-1, address: 'ns=3;i=1003',
           write: {connection: broker, address: 'lab/tank/valve#/opening'}}
      """;

  @Test
  void writtenBindingsReadBackTheSame() throws Exception {
    BindingSet original = BindingLoader.load("tank-1.yaml", SET, TANK, CONNECTIONS);
    JsonObject doc = new JsonObject().put("twin", "tank-1").put("model", "tank-process")
        .put("bindings", new JsonArray(BindingWriter.toMaps(original.bindings()).stream().map(m -> (Object) new JsonObject(m)).toList()));
    BindingSet again = BindingLoader.load("written", doc.encode(), TANK, CONNECTIONS);
    assertThat(BindingWriter.toMaps(again.bindings())).isEqualTo(BindingWriter.toMaps(original.bindings()));
    assertThat(again.forProperty("tank.level").orElseThrow().transform().apply(27648).value()).isEqualTo(0.5);
  }

  @Test
  void versionsSurviveARestartAndATornLastLineIsSkipped(@TempDir Path dir) throws Exception {
    BindingJournal journal = new BindingJournal(dir, "tank-1");
    BindingSet set = BindingLoader.load("tank-1.yaml", SET, TANK, CONNECTIONS);
    List<Map<String, Object>> maps = BindingWriter.toMaps(set.bindings());
    journal.append(new BindingVersion(1, Instant.parse("2026-11-21T08:00:00Z"), "config", BindingVersion.Action.LOADED,
        Optional.empty(), Optional.empty(), Optional.empty(), maps));
    journal.append(new BindingVersion(2, Instant.parse("2026-11-21T08:05:00Z"), "candidate-07", BindingVersion.Action.DELETED,
        Optional.of("pid.setpoint"), Optional.of(maps.get(2)), Optional.empty(), List.of(maps.get(0), maps.get(1), maps.get(3))));
    Files.writeString(journal.file(), "{\"version\":3,\"at\":\"2026-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    List<BindingVersion> read = new BindingJournal(dir, "tank-1").read();
    assertThat(read).extracting(BindingVersion::version).containsExactly(1, 2);
    BindingVersion deleted = read.get(1);
    assertThat(deleted.by()).isEqualTo("candidate-07");
    assertThat(deleted.property()).contains("pid.setpoint");
    assertThat(deleted.before().orElseThrow().get("property")).isEqualTo("pid.setpoint");
    assertThat(deleted.bindings()).hasSize(3);
  }

  @Test
  void aDamagedLineInTheMiddleIsReportedNotSkipped(@TempDir Path dir) throws IOException {
    BindingJournal journal = new BindingJournal(dir, "tank-1");
    journal.append(new BindingVersion(1, Instant.now(), "config", BindingVersion.Action.LOADED, Optional.empty(), Optional.empty(),
        Optional.empty(), List.of()));
    Files.writeString(journal.file(), "garbage\n", StandardOpenOption.APPEND);
    journal.append(new BindingVersion(2, Instant.now(), "config", BindingVersion.Action.LOADED, Optional.empty(), Optional.empty(),
        Optional.empty(), List.of()));
    assertThatThrownBy(journal::read).isInstanceOf(IOException.class).hasMessageContaining("unreadable version line");
  }
}
