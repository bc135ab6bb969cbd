package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;
import org.twinlab.models.AlarmDef;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.AlarmState;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.wire.AlarmView;
import org.twinlab.wire.ChangeView;
import org.twinlab.wire.PropertyView;
import org.twinlab.wire.TwinSummaryView;
import org.twinlab.wire.TwinView;

/**
 * The API's twin JSON is the twin-wire records' map, and it is what it has always been: the same
 * fields in the same order and formats, which the web pages and the viewer read.
 */
class ViewsTest {
  static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  static final Instant MEASURED = Instant.parse("2026-03-02T09:15:30.250Z");
  static final Instant RECEIVED = Instant.parse("2026-03-02T09:15:30.262Z");

  static TwinSnapshot snapshot() {
    PropertyState level = new PropertyState("tank.level", 231.5, "mm", Quality.GOOD, MEASURED, RECEIVED);
    PropertyState running = new PropertyState("pump.running", true, null, Quality.uncertain("STALE: no sample for 600 ms"), MEASURED, RECEIVED);
    PropertyState raw = new PropertyState("tank.level_raw", 12664L, null, Quality.bad("connection lost"), MEASURED, RECEIVED);
    PropertyState speed = new PropertyState("pump.speed", null, "%", Quality.uncertain("no sample yet"), null, null);
    AlarmState high = new AlarmState(alarm("level_high"), true, MEASURED, Optional.empty(), Optional.empty());
    AlarmState estop = new AlarmState(alarm("estop"), false, MEASURED, Optional.of(RECEIVED),
        Optional.of(new AlarmState.Acknowledgement("exam1", RECEIVED.plusSeconds(4))));
    return new TwinSnapshot("tank-1", "tank-process", Lifecycle.RUNNING, List.of(level, running, raw, speed), List.of(high, estop), 3);
  }

  static AlarmDef alarm(String id) {
    return TANK.alarms().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  /** GET /api/v1/twins/tank-1 for that snapshot, as the runtime has always written it. */
  static final String TWIN_JSON = """
      {"id":"tank-1","model":"tank-process","name":"Tank level and temperature process","kind":"plc-station","lifecycle":"RUNNING",\
      "properties":4,"properties_not_good":2,"active_alarms":1,"bindings_version":3,"values":{\
      "tank.level":{"property":"tank.level","value":231.5,"unit":"mm","quality":"GOOD",\
      "source_time":"2026-03-02T09:15:30.250Z","received_time":"2026-03-02T09:15:30.262Z"},\
      "pump.running":{"property":"pump.running","value":true,"unit":null,"quality":"UNCERTAIN","reason":"STALE: no sample for 600 ms",\
      "source_time":"2026-03-02T09:15:30.250Z","received_time":"2026-03-02T09:15:30.262Z"},\
      "tank.level_raw":{"property":"tank.level_raw","value":12664,"unit":null,"quality":"BAD","reason":"connection lost",\
      "source_time":"2026-03-02T09:15:30.250Z","received_time":"2026-03-02T09:15:30.262Z"},\
      "pump.speed":{"property":"pump.speed","value":null,"unit":"%","quality":"UNCERTAIN","reason":"no sample yet",\
      "source_time":null,"received_time":null}},\
      "alarms":[{"alarm":"level_high","severity":"major","active":true,"message":"Tank level above 450 mm","condition":"tank.level > 450",\
      "raised_at":"2026-03-02T09:15:30.250Z"},\
      {"alarm":"estop","severity":"critical","active":false,"message":"Emergency stop is pressed","condition":"panel.estop",\
      "raised_at":"2026-03-02T09:15:30.250Z","cleared_at":"2026-03-02T09:15:30.262Z","acknowledged_by":"exam1",\
      "acknowledged_at":"2026-03-02T09:15:34.262Z"}],\
      "commands":[{"command":"panel.emergency_stop","description":"Emergency stop","descriptionZh":"急停"},\
      {"command":"panel.reset","description":"Release the emergency stop","descriptionZh":"解除急停"}],\
      "writable":[{"property":"inlet_valve.open","type":"bool","unit":""},{"property":"outlet_valve.opening","type":"double","unit":"%","range":[0.0,100.0]},\
      {"property":"heater.on","type":"bool","unit":""},{"property":"pid.setpoint","type":"double","unit":"mm","range":[0.0,500.0]},\
      {"property":"pid.mode","type":"enum","unit":"","values":["auto","manual"]},{"property":"pid.manual_output","type":"double","unit":"%","range":[0.0,100.0]},\
      {"property":"pid.kp","type":"double","unit":"","range":[0.0,100.0]},{"property":"pid.ti","type":"double","unit":"s","range":[0.0,1000.0]},\
      {"property":"pid.td","type":"double","unit":"s","range":[0.0,100.0]},{"property":"panel.estop","type":"bool","unit":""}]}""";

  @Test
  void aTwinIsTheWireRecordsMap() {
    TwinView wire = TwinView.fromMap(new JsonObject(TWIN_JSON).getMap());
    assertThat(wire.values().get("pump.running"))
        .isEqualTo(new PropertyView("pump.running", true, null, "UNCERTAIN", "STALE: no sample for 600 ms", MEASURED, RECEIVED));
    assertThat(wire.alarms().get(1)).isEqualTo(new AlarmView("estop", "critical", false, "Emergency stop is pressed", "panel.estop",
        MEASURED, Optional.of(RECEIVED), Optional.of(new AlarmView.Acknowledgement("exam1", RECEIVED.plusSeconds(4)))));
    assertThat(wire.summary()).isEqualTo(new TwinSummaryView("tank-1", "tank-process", "Tank level and temperature process",
        "plc-station", "RUNNING", 4, 2, 1, 3));

    JsonObject twin = Views.twin(snapshot(), TANK);
    assertThat(twin).isEqualTo(new JsonObject(wire.toMap()));
    assertThat(twin.encode()).as("the same fields, in the same order, in the same formats").isEqualTo(TWIN_JSON);
    assertThat(Views.twinView(snapshot(), TANK)).isEqualTo(wire);
  }

  // what a technician copies into a binding, pinned: the web pages and scripts read these fields
  @Test
  void aDiscoveredSignalIsItsAddressTypeAccessValueAndEachJsonFieldWithTheAddressToBind() {
    var variable = new org.twinlab.connectors.DiscoveredSignal("nsu=urn:twinlab:plc;s=\"DB\".\"Speed\"", "Speed", "Float", false, false,
        true, 0.36, "Good", List.of());
    assertThat(Views.discovered(variable).encode()).isEqualTo("{\"address\":\"nsu=urn:twinlab:plc;s=\\\"DB\\\".\\\"Speed\\\"\",\"name\":\"Speed\","
        + "\"data_type\":\"Float\",\"readable\":true,\"writable\":false,\"has_children\":false,\"access\":\"read\",\"value\":0.36,"
        + "\"status\":\"Good\"}");
    var folder = new org.twinlab.connectors.DiscoveredSignal("nsu=urn:twinlab:plc;s=\"DB\"", "DB", "Object", false, true, false, null, null,
        List.of());
    assertThat(Views.discovered(folder).containsKey("access")).as("a folder is no value").isFalse();
    var topic = new org.twinlab.connectors.DiscoveredSignal("lab/m1", "lab/m1", "json", false, false, true, "{\"v\":{\"x\":0.12}}", null,
        List.of(new org.twinlab.connectors.DiscoveredSignal.Field("/v/x", 0.12)));
    assertThat(Views.discovered(topic).getJsonArray("fields").encode())
        .isEqualTo("[{\"pointer\":\"/v/x\",\"address\":\"lab/m1#/v/x\",\"value\":0.12}]");
  }

  @Test
  void aSummaryIsTheTwinsLeadingFields() {
    assertThat(Views.twinSummary(snapshot(), TANK).encode()).isEqualTo(TWIN_JSON.substring(0, TWIN_JSON.indexOf(",\"values\"")) + "}");
  }

  @Test
  void aChangeIsItsViewWithTheTwinAndOnTheWebSocketItsEventLast() {
    TwinSnapshot s = snapshot();
    PropertyState level = s.properties().iterator().next();
    Change property = new Change.PropertyChanged("tank-1", level);
    assertThat(Views.eventName(property)).isEqualTo("property");
    assertThat(Views.change(property).encode()).isEqualTo("""
        {"property":"tank.level","value":231.5,"unit":"mm","quality":"GOOD","source_time":"2026-03-02T09:15:30.250Z",\
        "received_time":"2026-03-02T09:15:30.262Z","twin":"tank-1"}""");

    Change alarm = new Change.AlarmChanged("tank-1", s.alarms().iterator().next());
    assertThat(Views.eventName(alarm)).isEqualTo("alarm");
    assertThat(Views.change(alarm).encode()).isEqualTo("""
        {"alarm":"level_high","severity":"major","active":true,"message":"Tank level above 450 mm","condition":"tank.level > 450",\
        "raised_at":"2026-03-02T09:15:30.250Z","twin":"tank-1"}""");

    Change lifecycle = new Change.LifecycleChanged("tank-1", Lifecycle.PAUSED);
    assertThat(Views.eventName(lifecycle)).isEqualTo("lifecycle");
    assertThat(Views.change(lifecycle).encode()).isEqualTo("{\"twin\":\"tank-1\",\"lifecycle\":\"PAUSED\"}");

    for (Change c : List.of(property, alarm, lifecycle)) {
      // what a WebSocket client reads back is the change the runtime sent
      JsonObject element = Views.change(c).put("event", Views.eventName(c));
      assertThat(ChangeView.fromMap(new JsonObject(element.encode()).getMap())).contains(Views.changeView(c));
    }
  }
}
