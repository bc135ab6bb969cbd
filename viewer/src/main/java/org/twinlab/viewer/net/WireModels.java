package org.twinlab.viewer.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.twinlab.models.AlarmCondition;
import org.twinlab.models.AlarmDef;
import org.twinlab.models.CommandDef;
import org.twinlab.models.ComponentDef;
import org.twinlab.models.Localized;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.PropertyType;
import org.twinlab.models.RigKind;
import org.twinlab.models.Severity;
import org.twinlab.models.TwinModel;
import org.twinlab.models.ValueRange;
import org.twinlab.models.expr.ExprSyntaxException;
import org.twinlab.models.view.Animation;
import org.twinlab.models.view.Effect;
import org.twinlab.models.view.GltfScene;
import org.twinlab.models.view.NodeBinding;
import org.twinlab.models.view.ShapeHint;
import org.twinlab.models.view.ShapeKind;
import org.twinlab.models.view.Vec3;
import org.twinlab.models.view.ViewHints;
import org.twinlab.wire.AnimationView;
import org.twinlab.wire.GltfView;
import org.twinlab.wire.LocalizedView;
import org.twinlab.wire.ModelAlarmView;
import org.twinlab.wire.ModelComponentView;
import org.twinlab.wire.ModelPropertyView;
import org.twinlab.wire.ModelView;
import org.twinlab.wire.ShapeView;
import org.twinlab.wire.WireFormatException;

/**
 * A model as the runtime serves it ({@link ModelView}) turned into the {@link TwinModel} the scene
 * is built from: what a model uploaded to the runtime needs to be drawn, its glTF scene included.
 * What does not make a model (an unknown type or effect, a condition that does not parse) is a
 * {@link WireFormatException} naming the field.
 */
public final class WireModels {
  private WireModels() {}

  public static TwinModel toModel(ModelView v) {
    List<ComponentDef> components = each(v.components(), "components", WireModels::component);
    List<AlarmDef> alarms = each(v.alarms(), "alarms", WireModels::alarm);
    List<ShapeHint> shapes = each(v.shapes(), "view.shapes", WireModels::shape);
    Optional<GltfScene> gltf = v.gltf().map(g -> within("view.gltf", () -> gltf(g)));
    RigKind kind = RigKind.parse(String.valueOf(v.summary().kind()))
        .orElseThrow(() -> new WireFormatException("kind", "plc-station or sensor-node, not " + v.summary().kind()));
    return new TwinModel(v.id(), v.summary().version(), text(v.summary().name()), kind, components, alarms, new ViewHints(shapes, gltf));
  }

  private static ComponentDef component(ModelComponentView c) {
    return new ComponentDef(c.id(), text(c.name()), each(c.properties(), "properties", WireModels::property),
        each(c.commands(), "commands", cmd -> new CommandDef(cmd.command(), each(cmd.params(), "params", WireModels::property),
            text(cmd.description()))));
  }

  private static PropertyDef property(ModelPropertyView p) {
    PropertyType type = PropertyType.parse(String.valueOf(p.type()))
        .orElseThrow(() -> new WireFormatException("type", "bool, int, double, string or enum, not " + p.type()));
    Optional<ValueRange> range = p.range().isEmpty() ? Optional.empty() : Optional.of(within("range", () -> new ValueRange(p.range().get(0),
        p.range().get(1))));
    long period = p.eventDriven() ? PropertyDef.EVENT_DRIVEN : p.periodMs() == null ? 1000 : p.periodMs();
    return new PropertyDef(p.property(), type, p.unit(), range, p.values(), p.writable(), period, text(p.description()));
  }

  private static AlarmDef alarm(ModelAlarmView a) {
    AlarmCondition condition;
    try {
      condition = AlarmCondition.parse(String.valueOf(a.condition()));
    } catch (ExprSyntaxException e) {
      throw new WireFormatException("condition", "not a condition: " + e.getMessage());
    }
    Severity severity = Severity.parse(String.valueOf(a.severity()))
        .orElseThrow(() -> new WireFormatException("severity", "info, warning, major or critical, not " + a.severity()));
    return new AlarmDef(a.alarm(), condition, a.condition(), severity, text(a.message()));
  }

  private static ShapeHint shape(ShapeView s) {
    ShapeKind kind = within("shape", () -> ShapeKind.valueOf(String.valueOf(s.shape()).toUpperCase(Locale.ROOT)));
    return new ShapeHint(s.id(), kind, vec(s.size(), "size"), vec(s.position(), "position"), s.color(),
        each(s.animate(), "animate", WireModels::animation));
  }

  private static Animation animation(AnimationView a) {
    Effect effect = within("effect", () -> Effect.valueOf(String.valueOf(a.effect()).toUpperCase(Locale.ROOT)));
    return new Animation(a.property(), effect, vec(a.axis(), "axis"), a.scale(), a.colors(), a.wrap(), a.offset());
  }

  private static GltfScene gltf(GltfView g) {
    List<NodeBinding> nodes = each(g.nodes(), "nodes", n -> new NodeBinding(n.node(), animation(n.animation())));
    if (g.scene() == null) return new GltfScene(g.file(), nodes);
    try {
      return new GltfScene(g.file(), nodes, Optional.of(Json.MAPPER.writeValueAsString(g.scene())));
    } catch (JsonProcessingException e) {
      throw new WireFormatException("scene", "not a glTF document: " + e.getMessage());
    }
  }

  private static Vec3 vec(List<Double> xyz, String field) {
    if (xyz.isEmpty()) return Vec3.ZERO;
    if (xyz.size() != 3) throw new WireFormatException(field, "[x, y, z], not " + xyz.size() + " numbers");
    return new Vec3(xyz.get(0), xyz.get(1), xyz.get(2));
  }

  private static Localized text(LocalizedView v) {
    return v == null ? Localized.of("") : new Localized(v.en(), v.zh() == null ? v.en() : v.zh());
  }

  private static <A, B> List<B> each(List<A> items, String field, Function<A, B> convert) {
    List<B> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      A item = items.get(i);
      out.add(within(field + "[" + i + "]", () -> convert.apply(item)));
    }
    return out;
  }

  /** A problem inside a nested value, named by its path from here. */
  private static <T> T within(String field, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (WireFormatException e) {
      throw new WireFormatException(field + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(field, e.getMessage());
    }
  }
}
