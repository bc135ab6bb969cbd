package org.twinlab.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The views read from the trees the runtime writes and write them back the same, field for field
 * and in the same order; what they cannot read is named by its path.
 */
class WireRoundTripTest {

  /** An object as a JSON parser gives it: keys in order, null allowed. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return m;
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  static final Map<String, Object> LEVEL = obj("property", "tank.level", "value", 231.5, "unit", "mm", "quality", "GOOD",
      "source_time", "2026-03-02T09:15:30.250Z", "received_time", "2026-03-02T09:15:30.262Z");
  static final Map<String, Object> RUNNING = obj("property", "pump.running", "value", true, "unit", null, "quality", "UNCERTAIN",
      "reason", "STALE: no sample for 600 ms", "source_time", "2026-03-02T09:15:30.250Z", "received_time", "2026-03-02T09:15:30.262Z");
  static final Map<String, Object> SPEED = obj("property", "pump.speed", "value", null, "unit", "%", "quality", "UNCERTAIN",
      "reason", "no sample yet", "source_time", null, "received_time", null);
  static final Map<String, Object> HIGH = obj("alarm", "level_high", "severity", "major", "active", true,
      "message", "Tank level above 450 mm", "condition", "tank.level > 450", "raised_at", "2026-03-02T09:15:30.250Z");
  static final Map<String, Object> ESTOP = obj("alarm", "estop", "severity", "critical", "active", false,
      "message", "Emergency stop is pressed", "condition", "panel.estop", "raised_at", "2026-03-02T09:15:30.250Z",
      "cleared_at", "2026-03-02T09:15:30.262Z", "acknowledged_by", "exam1", "acknowledged_at", "2026-03-02T09:15:34.262Z");

  static Map<String, Object> twin() {
    return obj("id", "tank-1", "model", "tank-process", "name", "Tank level and temperature process", "kind", "plc-station",
        "lifecycle", "RUNNING", "properties", 3, "properties_not_good", 1L, "active_alarms", 1L, "bindings_version", 3,
        "values", obj("tank.level", LEVEL, "pump.running", RUNNING, "pump.speed", SPEED),
        "alarms", list(HIGH, ESTOP),
        "commands", list(obj("command", "panel.emergency_stop", "description", "Emergency stop", "descriptionZh", "急停")),
        "writable", list(obj("property", "inlet_valve.open", "type", "bool", "unit", ""),
            obj("property", "pid.setpoint", "type", "double", "unit", "mm")));
  }

  @Test
  void aTwinReadAndWrittenBackIsTheSameTreeInTheSameOrder() {
    Map<String, Object> tree = twin();
    TwinView view = TwinView.fromMap(tree);
    Map<String, Object> back = view.toMap();
    assertThat(back).isEqualTo(tree);
    assertThat(back.keySet()).containsExactlyElementsOf(tree.keySet());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> values = (Map<String, Map<String, Object>>) back.get("values");
    assertThat(values.keySet()).as("properties in the twin's order").containsExactly("tank.level", "pump.running", "pump.speed");
    assertThat(values.get("pump.running").keySet()).containsExactlyElementsOf(RUNNING.keySet());
    assertThat(TwinView.fromMap(back)).isEqualTo(view);
  }

  @Test
  void theRecordsHoldTheValuesTyped() {
    TwinView view = TwinView.fromMap(twin());
    assertThat(view.id()).isEqualTo("tank-1");
    assertThat(view.summary().propertiesNotGood()).isEqualTo(1);
    assertThat(view.values().get("tank.level").value()).isEqualTo(231.5);
    assertThat(view.values().get("tank.level").sourceTime()).isEqualTo(Instant.parse("2026-03-02T09:15:30.250Z"));
    assertThat(view.values().get("tank.level").reason()).as("nothing to say").isEmpty();
    assertThat(view.values().get("pump.speed").sourceTime()).isNull();
    AlarmView estop = view.alarms().get(1);
    assertThat(estop.clearedAt()).contains(Instant.parse("2026-03-02T09:15:30.262Z"));
    assertThat(estop.acknowledged()).contains(new AlarmView.Acknowledgement("exam1", Instant.parse("2026-03-02T09:15:34.262Z")));
    assertThat(view.alarms().get(0).acknowledged()).isEmpty();
  }

  @Test
  void aWholeNumberIsTheSameValueWhicheverTypeItCameIn() {
    PropertyView small = PropertyView.fromMap(obj("property", "tank.level_raw", "value", 12664));
    assertThat(small.value()).isEqualTo(12664L);
    assertThat(small).isEqualTo(new PropertyView("tank.level_raw", 12664L, null, null, "", null, null));
  }

  @Test
  void aSummaryReadsTheCountsWhateverNumberTypeTheParserChose() {
    // Jackson gives Integer for small numbers, Vert.x keeps the Long it was given: both read the same
    Map<String, Object> summary = obj("id", "tank-1", "model", "tank-process", "name", "Tank", "kind", "plc-station",
        "lifecycle", "PAUSED", "properties", 12L, "properties_not_good", 0, "active_alarms", 2, "bindings_version", 7L);
    TwinSummaryView view = TwinSummaryView.fromMap(summary);
    assertThat(view).isEqualTo(new TwinSummaryView("tank-1", "tank-process", "Tank", "plc-station", "PAUSED", 12, 0, 2, 7));
    assertThat(view.toMap().keySet()).containsExactlyElementsOf(summary.keySet());
  }

  @Test
  void everyKindOfChangeReadsAndWritesBackWithItsEventLast() {
    Map<String, Object> property = new LinkedHashMap<>(RUNNING);
    property.put("twin", "tank-1");
    property.put("event", "property");
    Map<String, Object> alarm = new LinkedHashMap<>(ESTOP);
    alarm.put("twin", "tank-1");
    alarm.put("event", "alarm");
    Map<String, Object> lifecycle = obj("twin", "tank-1", "lifecycle", "PAUSED", "event", "lifecycle");
    for (Map<String, Object> tree : List.of(property, alarm, lifecycle)) {
      ChangeView change = ChangeView.fromMap(tree).orElseThrow();
      assertThat(change.toMap()).isEqualTo(tree);
      assertThat(change.toMap().keySet()).containsExactlyElementsOf(tree.keySet());
      assertThat(change.twin()).isEqualTo("tank-1");
      Map<String, Object> data = new LinkedHashMap<>(tree);
      data.remove("event");
      assertThat(change.toDataMap()).as("the data of a Server-Sent Event").isEqualTo(data);
      assertThat(ChangeView.fromMap(change.event(), data)).contains(change);
    }
    assertThat(ChangeView.fromMap(property).orElseThrow()).isInstanceOfSatisfying(ChangeView.PropertyChange.class,
        p -> assertThat(p.state().value()).isEqualTo(true));
  }

  @Test
  void aWebSocketMessageGivesItsChangesInOrderAndNamesTheOneAtFault() {
    Map<String, Object> lifecycle = obj("twin", "tank-1", "lifecycle", "PAUSED", "event", "lifecycle");
    Map<String, Object> unknown = obj("twin", "tank-1", "event", "maintenance");
    Map<String, Object> property = new LinkedHashMap<>(LEVEL);
    property.put("twin", "tank-1");
    property.put("event", "property");
    assertThat(ChangeView.fromMessage(obj("changes", list(lifecycle, unknown, property))))
        .containsExactly(new ChangeView.LifecycleChange("tank-1", "PAUSED"), ChangeView.fromMap(property).orElseThrow());
    assertThat(ChangeView.fromMessage(obj("error", "no such twin", "field", "subscribe"))).as("an error carries no changes").isEmpty();
    Map<String, Object> broken = new LinkedHashMap<>(property);
    broken.put("value", obj("nested", 1));
    assertThatThrownBy(() -> ChangeView.fromMessage(obj("changes", list(lifecycle, broken))))
        .hasMessage("changes[1].value: a string, number or boolean, not an object");
  }

  @Test
  void anEventOfANewerRuntimeIsPassedOverAndAChangeWithoutOneIsAnError() {
    assertThat(ChangeView.fromMap(obj("twin", "tank-1", "event", "maintenance"))).isEmpty();
    assertThatThrownBy(() -> ChangeView.fromMap(obj("twin", "tank-1"))).isInstanceOf(WireFormatException.class)
        .extracting(e -> ((WireFormatException) e).field()).isEqualTo("event");
  }

  @Test
  void absentFieldsReadAsNotSaid() {
    // a twin saved by hand: only what a picture of it needs
    TwinView view = TwinView.fromMap(obj("id", "tank-1", "model", "tank-process", "values",
        obj("tank.level", obj("property", "tank.level", "value", 30.0)), "alarms", list(obj("alarm", "level_low", "active", true))));
    assertThat(view.values().get("tank.level")).isEqualTo(new PropertyView("tank.level", 30.0, null, null, "", null, null));
    assertThat(view.alarms()).containsExactly(new AlarmView("level_low", null, true, null, null, null, Optional.empty(), Optional.empty()));
    assertThat(view.commands()).isEmpty();
    assertThat(view.summary().properties()).isZero();
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedByItsPath() {
    Map<String, Object> badQuality = twin();
    Map<String, Object> level = new LinkedHashMap<>(LEVEL);
    level.put("quality", 3);
    ((Map<String, Object>) badQuality.get("values")).put("tank.level", level);
    assertThatThrownBy(() -> TwinView.fromMap(badQuality)).isInstanceOf(WireFormatException.class)
        .hasMessage("values.tank.level.quality: a string, not integer 3");

    Map<String, Object> badTime = twin();
    Map<String, Object> estop = new LinkedHashMap<>(ESTOP);
    estop.put("cleared_at", "yesterday");
    badTime.put("alarms", list(HIGH, estop));
    assertThatThrownBy(() -> TwinView.fromMap(badTime)).hasMessageStartingWith("alarms[1].cleared_at: a UTC time")
        .extracting(e -> ((WireFormatException) e).field()).isEqualTo("alarms[1].cleared_at");

    Map<String, Object> badActive = twin();
    badActive.put("alarms", list(obj("alarm", "x", "active", "yes")));
    assertThatThrownBy(() -> TwinView.fromMap(badActive)).hasMessage("alarms[0].active: true or false, not the text \"yes\"");

    Map<String, Object> notAnObject = twin();
    notAnObject.put("values", obj("tank.level", 231.5));
    assertThatThrownBy(() -> TwinView.fromMap(notAnObject)).hasMessage("values.tank.level: an object, not double 231.5");

    Map<String, Object> fraction = twin();
    fraction.put("bindings_version", 2.5);
    assertThatThrownBy(() -> TwinView.fromMap(fraction)).hasMessage("bindings_version: a whole number, not double 2.5");

    assertThatThrownBy(() -> PropertyView.fromMap(obj("property", "p", "value", list(1, 2))))
        .hasMessage("value: a string, number or boolean, not a list");
  }
}
