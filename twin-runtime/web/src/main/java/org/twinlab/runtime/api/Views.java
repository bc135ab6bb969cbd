package org.twinlab.runtime.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collection;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.WriteResult;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.binding.BindingJournal;
import org.twinlab.runtime.binding.BindingVersion;
import org.twinlab.runtime.twin.AlarmState;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinSnapshot;

/** The JSON shapes of the API and the live feed, in one place so they stay the same everywhere. */
public final class Views {
  private Views() {}

  public static JsonObject property(PropertyState p) {
    JsonObject j = new JsonObject()
        .put("property", p.property())
        .put("value", p.value())
        .put("unit", p.unit())
        .put("quality", p.quality().level().name());
    if (!p.quality().reason().isEmpty()) j.put("reason", p.quality().reason());
    return j.put("source_time", time(p.sourceTime())).put("received_time", time(p.receivedTime()));
  }

  public static JsonObject alarm(AlarmState a) {
    JsonObject j = new JsonObject()
        .put("alarm", a.alarm().id())
        .put("severity", a.alarm().severity().name().toLowerCase())
        .put("active", a.active())
        .put("message", a.alarm().message().en())
        .put("condition", a.alarm().conditionText())
        .put("raised_at", time(a.raisedAt()));
    a.clearedAt().ifPresent(t -> j.put("cleared_at", time(t)));
    a.acknowledged().ifPresent(ack -> j.put("acknowledged_by", ack.by()).put("acknowledged_at", time(ack.at())));
    return j;
  }

  public static JsonObject twinSummary(TwinSnapshot s, TwinModel model) {
    long bad = s.properties().stream().filter(p -> p.quality().isBad() || p.isStale()).count();
    long activeAlarms = s.alarms().stream().filter(AlarmState::active).count();
    return new JsonObject()
        .put("id", s.id())
        .put("model", s.model())
        .put("name", model.name().en())
        .put("kind", model.kind().name().toLowerCase().replace('_', '-'))
        .put("lifecycle", s.lifecycle().name())
        .put("properties", s.properties().size())
        .put("properties_not_good", bad)
        .put("active_alarms", activeAlarms)
        .put("bindings_version", s.bindingsVersion());
  }

  public static JsonObject twin(TwinSnapshot s, TwinModel model) {
    JsonObject props = new JsonObject();
    s.properties().forEach(p -> props.put(p.property(), property(p)));
    // what a control panel offers: the model's commands and its writable properties
    JsonArray commands = new JsonArray();
    JsonArray writable = new JsonArray();
    model.components().forEach(c -> c.commands().forEach(cmd -> commands.add(new JsonObject().put("command", cmd.path())
        .put("description", cmd.description().en()).put("descriptionZh", cmd.description().zh()))));
    model.properties().values().stream().filter(p -> p.writable()).forEach(p -> writable.add(new JsonObject().put("property", p.path())
        .put("type", p.type().name().toLowerCase()).put("unit", p.unit())));
    return twinSummary(s, model).put("values", props).put("alarms", alarms(s.alarms())).put("commands", commands)
        .put("writable", writable);
  }

  public static JsonArray alarms(Collection<AlarmState> alarms) {
    JsonArray a = new JsonArray();
    alarms.forEach(x -> a.add(alarm(x)));
    return a;
  }

  public static JsonObject connection(ConnectionEvent e, String protocol) {
    JsonObject j = new JsonObject().put("id", e.connector()).put("protocol", protocol).put("state", e.state().name())
        .put("since", time(e.at()));
    e.lastError().ifPresent(err -> j.put("last_error", err));
    return j;
  }

  /** A version of a twin's bindings; the full set only when asked, history lists stay short. */
  public static JsonObject version(BindingVersion v, boolean withBindings) {
    JsonObject j = BindingJournal.toJson(v);
    if (!withBindings) j.remove("bindings");
    return j;
  }

  public static JsonObject writeResult(WriteResult r) {
    JsonObject j = new JsonObject().put("ok", r.ok());
    if (!r.detail().isEmpty()) j.put(r.ok() ? "detail" : "error", r.detail());
    if (!r.ok()) j.put("refusal", r.refusal().name().toLowerCase(java.util.Locale.ROOT));
    if (r.refusal() == WriteResult.Refusal.TYPE_MISMATCH) j.put("problems", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("field", "value").put("message", r.detail())));
    return j;
  }

  public static JsonObject discovered(DiscoveredSignal d) {
    JsonObject j = new JsonObject().put("address", d.address()).put("name", d.name()).put("data_type", d.dataType())
        .put("readable", d.readable()).put("writable", d.writable()).put("has_children", d.hasChildren());
    if (d.value() != null) j.put("value", d.value());
    if (!d.pointers().isEmpty()) j.put("pointers", new io.vertx.core.json.JsonArray(d.pointers()));
    return j;
  }

  /** One change as the live feed sends it: the event name and its data. */
  public static JsonObject change(Change c) {
    if (c instanceof Change.PropertyChanged p) return property(p.state()).put("twin", p.twin());
    if (c instanceof Change.AlarmChanged a) return alarm(a.state()).put("twin", a.twin());
    Change.LifecycleChanged l = (Change.LifecycleChanged) c;
    return new JsonObject().put("twin", l.twin()).put("lifecycle", l.lifecycle().name());
  }

  public static String eventName(Change c) {
    if (c instanceof Change.PropertyChanged) return "property";
    if (c instanceof Change.AlarmChanged) return "alarm";
    return "lifecycle";
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
