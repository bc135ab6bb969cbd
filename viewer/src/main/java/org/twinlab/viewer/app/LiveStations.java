package org.twinlab.viewer.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.twinlab.models.AlarmDef;
import org.twinlab.viewer.scene.RigScene;
import org.twinlab.viewer.scene.StationGrid;
import org.twinlab.wire.AlarmView;
import org.twinlab.wire.ChangeView;
import org.twinlab.wire.PropertyView;
import org.twinlab.wire.TwinView;

/**
 * The twins' state as the viewer knows it, and the scenes it drives. Changes arrive on the
 * network's thread and wait in a queue; the render thread applies them once per frame, so the
 * scene graph is touched by one thread only and a burst of changes costs the network nothing.
 */
final class LiveStations {
  private final StationGrid grid;
  private final Map<String, Map<String, PropertyView>> values = new HashMap<>();
  private final Map<String, Map<String, AlarmView>> alarms = new HashMap<>();
  private final Queue<ChangeView> pending = new ConcurrentLinkedQueue<>();

  LiveStations(StationGrid grid) {
    this.grid = grid;
  }

  /** Takes a twin's whole state (render thread). */
  void load(TwinView state) {
    load(state.id(), state);
  }

  /** Takes a twin's whole state for the station of that name (render thread). */
  void load(String station, TwinView state) {
    grid.scene(station).ifPresent(scene -> {
      state.values().forEach((p, v) -> {
        values.computeIfAbsent(station, k -> new HashMap<>()).put(p, v);
        scene.apply(p, v.value());
      });
      state.alarms().forEach(a -> alarms.computeIfAbsent(station, k -> new HashMap<>()).put(a.alarm(), a));
      highlight(station, scene);
    });
  }

  /** Any thread: a change to apply at the next frame. */
  void offer(ChangeView c) {
    pending.add(c);
  }

  /** Render thread: applies what has arrived. */
  void drain() {
    Set<String> alarmed = new HashSet<>();
    for (ChangeView c; (c = pending.poll()) != null; ) {
      RigScene scene = grid.scene(c.twin()).orElse(null);
      if (scene == null) continue;
      if (c instanceof ChangeView.PropertyChange p) {
        values.computeIfAbsent(p.twin(), k -> new HashMap<>()).put(p.state().property(), p.state());
        scene.apply(p.state().property(), p.state().value());
      } else if (c instanceof ChangeView.AlarmChange a) {
        alarms.computeIfAbsent(a.twin(), k -> new HashMap<>()).put(a.state().alarm(), a.state());
        alarmed.add(a.twin());
      }
    }
    alarmed.forEach(t -> highlight(t, grid.scene(t).orElseThrow()));
  }

  PropertyView value(String twin, String property) {
    return values.getOrDefault(twin, Map.of()).get(property);
  }

  /** The messages of a twin's active alarms. */
  java.util.List<String> activeAlarms(String twin) {
    return alarms.getOrDefault(twin, Map.of()).values().stream().filter(AlarmView::active).map(AlarmView::message).toList();
  }

  private void highlight(String twin, RigScene scene) {
    Set<String> properties = new HashSet<>();
    for (AlarmView a : alarms.getOrDefault(twin, Map.of()).values()) {
      if (!a.active()) continue;
      scene.model().alarms().stream().filter(d -> d.id().equals(a.alarm())).map(AlarmDef::condition)
          .forEach(cond -> properties.addAll(cond.properties()));
    }
    scene.highlight(properties);
  }
}
