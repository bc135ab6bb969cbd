package org.twinlab.wire;

import static org.twinlab.wire.Fields.CHANGES;
import static org.twinlab.wire.Fields.EVENT;
import static org.twinlab.wire.Fields.LIFECYCLE;
import static org.twinlab.wire.Fields.TWIN;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One change of a twin on the live feed: a property's new value, an alarm's new state, or the
 * twin's new lifecycle. Server-Sent Events carry the event's name on its own line and {@link
 * #toDataMap()} as data; the WebSocket sends {@link #toMap()}, the data with the event's name last.
 */
public sealed interface ChangeView {
  String PROPERTY_EVENT = "property";
  String ALARM_EVENT = "alarm";
  String LIFECYCLE_EVENT = "lifecycle";

  String twin();

  /** The event's name: {@code property}, {@code alarm} or {@code lifecycle}. */
  String event();

  /** The change's data, as a Server-Sent Event carries it. */
  Map<String, Object> toDataMap();

  /** The data with its event's name, as one element of a WebSocket message's {@code changes}. */
  default Map<String, Object> toMap() {
    Map<String, Object> m = toDataMap();
    m.put(EVENT, event());
    return m;
  }

  /**
   * The change as JSON text: {@link #toDataMap()}, or with {@code withEvent} {@link #toMap()}, each
   * character as the runtime's JSON library writes that tree.
   */
  default void writeJson(StringBuilder out, boolean withEvent) {
    JsonText.tree(out, withEvent ? toMap() : toDataMap());
  }

  record PropertyChange(String twin, PropertyView state) implements ChangeView {
    @Override
    public String event() {
      return PROPERTY_EVENT;
    }

    private static final String TWIN_FIELD = JsonText.field(TWIN, false);
    private static final String PROPERTY_EVENT_FIELD = JsonText.field(EVENT, false) + '"' + PROPERTY_EVENT + '"';

    /** Written field by field, without a tree: the live feed's most frequent change. */
    @Override
    public void writeJson(StringBuilder out, boolean withEvent) {
      state.writeJsonFields(out.append('{'));
      JsonText.string(out.append(TWIN_FIELD), twin);
      if (withEvent) out.append(PROPERTY_EVENT_FIELD);
      out.append('}');
    }

    @Override
    public Map<String, Object> toDataMap() {
      Map<String, Object> m = state.toMap();
      m.put(TWIN, twin);
      return m;
    }
  }

  record AlarmChange(String twin, AlarmView state) implements ChangeView {
    @Override
    public String event() {
      return ALARM_EVENT;
    }

    @Override
    public Map<String, Object> toDataMap() {
      Map<String, Object> m = state.toMap();
      m.put(TWIN, twin);
      return m;
    }
  }

  /** @param lifecycle LOADED, RUNNING, PAUSED or STOPPED */
  record LifecycleChange(String twin, String lifecycle) implements ChangeView {
    @Override
    public String event() {
      return LIFECYCLE_EVENT;
    }

    @Override
    public Map<String, Object> toDataMap() {
      Map<String, Object> m = Tree.object();
      m.put(TWIN, twin);
      m.put(LIFECYCLE, lifecycle);
      return m;
    }
  }

  /** The changes of a WebSocket message ({@code {"changes": [...]}}), in order, those of unknown events left out. */
  static List<ChangeView> fromMessage(Map<String, ?> message) {
    return Tree.list(message, CHANGES, ChangeView::fromMap).stream().flatMap(Optional::stream).toList();
  }

  /** A change as the WebSocket sends it; empty for an event this reader does not know (a newer runtime's). */
  static Optional<ChangeView> fromMap(Map<String, ?> m) {
    return fromMap(Tree.string(m, EVENT), m);
  }

  /** A Server-Sent Event's data, with the event's name from its own line. */
  static Optional<ChangeView> fromMap(String event, Map<String, ?> data) {
    String twin = Tree.string(data, TWIN);
    if (event == null) throw new WireFormatException(EVENT, "missing: which kind of change this is");
    return switch (event) {
      case PROPERTY_EVENT -> Optional.of(new PropertyChange(twin, PropertyView.fromMap(data)));
      case ALARM_EVENT -> Optional.of(new AlarmChange(twin, AlarmView.fromMap(data)));
      case LIFECYCLE_EVENT -> Optional.of(new LifecycleChange(twin, Tree.string(data, LIFECYCLE)));
      default -> Optional.empty();
    };
  }
}
