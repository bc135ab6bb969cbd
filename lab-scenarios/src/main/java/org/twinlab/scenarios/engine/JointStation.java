package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.Setup;
import org.twinlab.scenarios.model.StationRigs;

/**
 * A station with several rigs, each with its own twin, for joint work across rigs. Every name a
 * scenario uses belongs to exactly one rig ({@link StationRigs#clash} keeps it so), which is how a
 * setup change, a fault or a candidate action finds its rig; an action may also name its rig by
 * model with a {@code rig} field, as start, stop, deploy and remove must for any rig but the first.
 * {@code twin.lifecycle} is the first rig's twin.
 */
public final class JointStation implements VirtualStation {
  /** One rig of the station and the station that runs it alone. */
  public record Part(TwinModel model, Station station) {}

  private static final String LIFECYCLE = "twin.lifecycle";
  private final List<Part> parts;
  private final StationRigs rigs;

  public JointStation(List<Part> parts) {
    this.parts = List.copyOf(parts);
    this.rigs = new StationRigs(parts.stream().map(Part::model).toList());
    rigs.clash().ifPresent(c -> {
      throw new IllegalArgumentException("the rigs of a joint station share a " + c);
    });
  }

  @Override
  public void prepare(Setup setup) throws StationException {
    for (Part p : parts) {
      Map<String, Object> writes = new LinkedHashMap<>();
      setup.rigWrites().forEach((path, v) -> {
        if (owns(p, path)) writes.put(path, v);
      });
      List<Map<String, Object>> bindings = setup.bindings().stream().filter(b -> owns(p, String.valueOf(b.get("property")))).toList();
      p.station().prepare(new Setup(writes, setup.rigIdle(), setup.seed(), setup.twin(), bindings));
    }
  }

  @Override
  public void advance(Duration dt) {
    for (Part p : parts) if (p.station() instanceof VirtualStation v) v.advance(dt);
  }

  /** Each rig reports its own twin's signals; {@code twin.lifecycle} is the first rig's alone. */
  @Override
  public void follow(SignalFeed feed) throws StationException {
    for (int i = 0; i < parts.size(); i++) {
      boolean first = i == 0;
      parts.get(i).station().follow((signal, at, value) -> {
        if (first || !signal.equals(LIFECYCLE)) feed.changed(signal, at, value);
      });
    }
  }

  @Override
  public Map<String, Observed> observe() {
    Map<String, Observed> out = new LinkedHashMap<>();
    for (Part p : parts) out.putAll(p.station().observe());
    return out;
  }

  @Override
  public String inject(FaultDef fault) throws StationException {
    int i = fault.kind().equals("communication_loss") ? byModel(fault.target()).orElse(0) : owner(fault.target());
    return i + ":" + parts.get(i).station().inject(fault);
  }

  @Override
  public void clear(String handle) {
    int colon = handle.indexOf(':');
    parts.get(Integer.parseInt(handle.substring(0, colon))).station().clear(handle.substring(colon + 1));
  }

  @Override
  public ActionOutcome perform(String who, String kind, Map<String, Object> fields) {
    Optional<Integer> part = route(kind, fields);
    if (part.isEmpty()) return ActionOutcome.refused("rig: this station has no " + fields.get("rig") + " rig");
    Map<String, Object> own = new LinkedHashMap<>(fields);
    own.remove("rig");
    return parts.get(part.get()).station().perform(who, kind, own);
  }

  /** Which rig an action is for: the one it names, or the one that owns what it touches; the first otherwise. */
  private Optional<Integer> route(String kind, Map<String, Object> fields) {
    if (fields.get("rig") != null) return byModel(String.valueOf(fields.get("rig")));
    for (String field : List.of("property", "command")) {
      if (fields.get(field) != null) return Optional.of(owner(String.valueOf(fields.get(field))));
    }
    for (String field : List.of("alarm", "alarm_code")) {
      if (fields.get(field) != null) {
        return Optional.of(rigs.ownerOfAlarm(String.valueOf(fields.get(field))).flatMap(m -> byModel(m.id())).orElse(0));
      }
    }
    if (kind.equals("emergency_stop")) return Optional.of(owner("panel"));
    return Optional.of(0);
  }

  private boolean owns(Part p, String path) {
    return rigs.ownerOf(path).map(m -> m == p.model()).orElse(p == parts.get(0));
  }

  private int owner(String path) {
    for (int i = 0; i < parts.size(); i++) if (owns(parts.get(i), path)) return i;
    return 0;
  }

  private Optional<Integer> byModel(String model) {
    for (int i = 0; i < parts.size(); i++) if (parts.get(i).model().id().equals(model)) return Optional.of(i);
    return Optional.empty();
  }
}
