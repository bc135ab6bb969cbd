package org.twinlab.runtime.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.DiscoveredSignal;
import org.twinlab.connectors.WriteResult;
import java.util.Optional;
import org.twinlab.models.Localized;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.models.view.Animation;
import org.twinlab.models.view.Vec3;
import org.twinlab.runtime.binding.BindingJournal;
import org.twinlab.runtime.binding.BindingVersion;
import org.twinlab.runtime.twin.AlarmState;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.PropertyState;
import org.twinlab.runtime.twin.TwinSnapshot;
import org.twinlab.wire.AlarmView;
import org.twinlab.wire.ChangeView;
import org.twinlab.wire.AnimationView;
import org.twinlab.wire.CommandView;
import org.twinlab.wire.GltfView;
import org.twinlab.wire.LocalizedView;
import org.twinlab.wire.ModelAlarmView;
import org.twinlab.wire.ModelCommandView;
import org.twinlab.wire.ModelComponentView;
import org.twinlab.wire.ModelPropertyView;
import org.twinlab.wire.ModelSummaryView;
import org.twinlab.wire.ModelView;
import org.twinlab.wire.ShapeView;
import org.twinlab.wire.PropertyView;
import org.twinlab.wire.TwinSummaryView;
import org.twinlab.wire.TwinView;
import org.twinlab.wire.WritableView;

/**
 * The JSON shapes of the API and the live feed, in one place so they stay the same everywhere. A
 * twin, its values, alarms and changes go through the records of twin-wire, which its clients read.
 */
public final class Views {
  private Views() {}

  public static PropertyView propertyView(PropertyState p) {
    return new PropertyView(p.property(), p.value(), p.unit(), p.quality().level().name(), p.quality().reason(), p.sourceTime(),
        p.receivedTime());
  }

  public static AlarmView alarmView(AlarmState a) {
    return new AlarmView(a.alarm().id(), a.alarm().severity().name().toLowerCase(Locale.ROOT), a.active(), a.alarm().message().en(),
        a.alarm().conditionText(), a.raisedAt(), a.clearedAt(), a.acknowledged().map(ack -> new AlarmView.Acknowledgement(ack.by(), ack.at())));
  }

  public static TwinSummaryView twinSummaryView(TwinSnapshot s, TwinModel model) {
    long bad = s.properties().stream().filter(p -> p.quality().isBad() || p.isStale()).count();
    long activeAlarms = s.alarms().stream().filter(AlarmState::active).count();
    return new TwinSummaryView(s.id(), s.model(), model.name().en(), model.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        s.lifecycle().name(), s.properties().size(), bad, activeAlarms, s.bindingsVersion());
  }

  public static TwinView twinView(TwinSnapshot s, TwinModel model) {
    Map<String, PropertyView> values = new LinkedHashMap<>();
    s.properties().forEach(p -> values.put(p.property(), propertyView(p)));
    // what a control panel offers: the model's commands and its writable properties
    List<CommandView> commands = new ArrayList<>();
    model.components().forEach(c -> c.commands().forEach(cmd -> commands.add(new CommandView(cmd.path(), cmd.description().en(),
        cmd.description().zh()))));
    List<WritableView> writable = model.properties().values().stream().filter(p -> p.writable())
        .map(p -> new WritableView(p.path(), p.type().name().toLowerCase(Locale.ROOT), p.unit(),
            p.range().map(r -> List.of(r.min(), r.max())).orElse(List.of()), p.enumValues())).toList();
    return new TwinView(twinSummaryView(s, model), values, s.alarms().stream().map(Views::alarmView).toList(), commands, writable);
  }

  public static ModelSummaryView modelSummaryView(TwinModel m) {
    int commands = m.components().stream().mapToInt(c -> c.commands().size()).sum();
    return new ModelSummaryView(m.id(), m.version(), localized(m.name()), kind(m), m.components().size(), m.properties().size(),
        m.alarms().size(), commands);
  }

  /** A whole model: components, properties, commands, alarms, and what the viewer draws it from (its glTF scene inline). */
  public static ModelView modelView(TwinModel m) {
    List<ModelComponentView> components = m.components().stream().map(c -> new ModelComponentView(c.id(), localized(c.name()),
        c.properties().stream().map(Views::modelProperty).toList(),
        c.commands().stream().map(cmd -> new ModelCommandView(cmd.path(), localized(cmd.description()),
            cmd.params().stream().map(Views::modelProperty).toList())).toList())).toList();
    List<ModelAlarmView> alarms = m.alarms().stream().map(a -> new ModelAlarmView(a.id(), a.conditionText(),
        a.severity().name().toLowerCase(Locale.ROOT), localized(a.message()))).toList();
    List<ShapeView> shapes = m.view().shapes().stream().map(h -> new ShapeView(h.id(), h.shape().name().toLowerCase(Locale.ROOT),
        vec(h.size()), vec(h.position()), h.color(), h.animations().stream().map(Views::animation).toList())).toList();
    Optional<GltfView> gltf = m.view().gltf().map(g -> new GltfView(g.file(),
        g.nodes().stream().map(n -> new GltfView.Node(n.node(), animation(n.animation()))).toList(), g.content().map(Views::scene).orElse(null)));
    return new ModelView(modelSummaryView(m), components, alarms, shapes, gltf);
  }

  public static JsonObject modelSummary(TwinModel m) {
    return new JsonObject(modelSummaryView(m).toMap());
  }

  public static JsonObject model(TwinModel m) {
    return new JsonObject(modelView(m).toMap());
  }

  private static ModelPropertyView modelProperty(PropertyDef p) {
    List<Double> range = p.range().map(r -> List.of(r.min(), r.max())).orElse(List.of());
    return new ModelPropertyView(p.path(), p.type().label(), p.unit(), range, p.enumValues(), p.writable(),
        p.eventDriven() ? null : p.expectedPeriodMs(), p.eventDriven(), localized(p.description()));
  }

  private static AnimationView animation(Animation a) {
    return new AnimationView(a.property(), a.effect().name().toLowerCase(Locale.ROOT), vec(a.axis()), a.scale(), a.colors(), a.wrap(),
        a.offset());
  }

  private static List<Double> vec(Vec3 v) {
    return v == null ? List.of() : List.of(v.x(), v.y(), v.z());
  }

  private static LocalizedView localized(Localized text) {
    return text == null ? new LocalizedView(null, null) : new LocalizedView(text.en(), text.zh());
  }

  private static String kind(TwinModel m) {
    return m.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A glTF document as a JSON tree; one that is no JSON object is left out (null) rather than served broken. */
  private static Map<String, Object> scene(String text) {
    try {
      return new JsonObject(text).getMap();
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      return null;
    }
  }

  public static ChangeView changeView(Change c) {
    if (c instanceof Change.PropertyChanged p) return new ChangeView.PropertyChange(p.twin(), propertyView(p.state()));
    if (c instanceof Change.AlarmChanged a) return new ChangeView.AlarmChange(a.twin(), alarmView(a.state()));
    Change.LifecycleChanged l = (Change.LifecycleChanged) c;
    return new ChangeView.LifecycleChange(l.twin(), l.lifecycle().name());
  }

  public static JsonObject property(PropertyState p) {
    return new JsonObject(propertyView(p).toMap());
  }

  public static JsonObject alarm(AlarmState a) {
    return new JsonObject(alarmView(a).toMap());
  }

  public static JsonObject twinSummary(TwinSnapshot s, TwinModel model) {
    return new JsonObject(twinSummaryView(s, model).toMap());
  }

  public static JsonObject twin(TwinSnapshot s, TwinModel model) {
    return new JsonObject(twinView(s, model).toMap());
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
    if (d.access() != null) j.put("access", d.access());
    if (d.value() != null) j.put("value", d.value());
    if (d.status() != null) j.put("status", d.status());
    if (!d.fields().isEmpty()) {
      // each with the address a binding writes, so a technician copies it as it stands
      io.vertx.core.json.JsonArray fields = new io.vertx.core.json.JsonArray();
      d.fields().forEach(f -> fields.add(new JsonObject().put("pointer", f.pointer()).put("address", d.address() + "#" + f.pointer())
          .put("value", f.value())));
      j.put("fields", fields);
    }
    return j;
  }

  /** One change's data as the live feed sends it; its event name is {@link #eventName}. */
  public static JsonObject change(Change c) {
    return new JsonObject(changeView(c).toDataMap());
  }

  public static String eventName(Change c) {
    if (c instanceof Change.PropertyChanged) return ChangeView.PROPERTY_EVENT;
    if (c instanceof Change.AlarmChanged) return ChangeView.ALARM_EVENT;
    return ChangeView.LIFECYCLE_EVENT;
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
