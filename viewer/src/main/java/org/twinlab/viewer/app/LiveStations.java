package org.twinlab.viewer.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.twinlab.models.AlarmDef;
import org.twinlab.viewer.net.Change;
import org.twinlab.viewer.net.TwinState;
import org.twinlab.viewer.scene.RigScene;
import org.twinlab.viewer.scene.StationGrid;

/**
 * The twins' state as the viewer knows it, and the scenes it drives. Changes arrive on the
 * network's thread and wait in a queue; the render thread applies them once per frame, so the
 * scene graph is touched by one thread only and a burst of changes costs the network nothing.
 */
final class LiveStations {
  private final StationGrid grid;
  private final Map<String, Map<String, TwinState.Value>> values = new HashMap<>();
  private final Map<String, Map<String, TwinState.Alarm>> alarms = new HashMap<>();
  private final Queue<Change> pending = new ConcurrentLinkedQueue<>();

  LiveStations(StationGrid grid) {
    this.grid = grid;
  }

  /** Takes a twin's whole state (render thread). */
  void load(TwinState state) {
    grid.scene(state.id()).ifPresent(scene -> {
      state.values().forEach((p, v) -> {
        values.computeIfAbsent(state.id(), k -> new HashMap<>()).put(p, v);
        scene.apply(p, v.value());
      });
      state.alarms().forEach(a -> alarms.computeIfAbsent(state.id(), k -> new HashMap<>()).put(a.id(), a));
      highlight(state.id(), scene);
    });
  }

  /** Any thread: a change to apply at the next frame. */
  void offer(Change c) {
    pending.add(c);
  }

  /** Render thread: applies what has arrived. */
  void drain() {
    Set<String> alarmed = new HashSet<>();
    for (Change c; (c = pending.poll()) != null; ) {
      RigScene scene = grid.scene(c.twin()).orElse(null);
      if (scene == null) continue;
      if (c instanceof Change.Property p) {
        values.computeIfAbsent(p.twin(), k -> new HashMap<>()).put(p.property(), p.value());
        scene.apply(p.property(), p.value().value());
      } else if (c instanceof Change.AlarmChanged a) {
        alarms.computeIfAbsent(a.twin(), k -> new HashMap<>()).put(a.alarm().id(), a.alarm());
        alarmed.add(a.twin());
      }
    }
    alarmed.forEach(t -> highlight(t, grid.scene(t).orElseThrow()));
  }

  TwinState.Value value(String twin, String property) {
    return values.getOrDefault(twin, Map.of()).get(property);
  }

  /** The messages of a twin's active alarms. */
  java.util.List<String> activeAlarms(String twin) {
    return alarms.getOrDefault(twin, Map.of()).values().stream().filter(TwinState.Alarm::active).map(TwinState.Alarm::message).toList();
  }

  private void highlight(String twin, RigScene scene) {
    Set<String> properties = new HashSet<>();
    for (TwinState.Alarm a : alarms.getOrDefault(twin, Map.of()).values()) {
      if (!a.active()) continue;
      scene.model().alarms().stream().filter(d -> d.id().equals(a.id())).map(AlarmDef::condition)
          .forEach(cond -> properties.addAll(cond.properties()));
    }
    scene.highlight(properties);
  }
}
