package org.twinlab.scenarios.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.twinlab.models.AlarmDef;
import org.twinlab.models.CommandDef;
import org.twinlab.models.ComponentDef;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;

/**
 * The rig models of one station: usually one, several for joint work across rigs. Checks, faults
 * and actions name a component, property or alarm without saying which rig it is on, so those
 * names must not clash between the rigs; {@link #clash} says where they do.
 */
public record StationRigs(List<TwinModel> models) {

  public StationRigs {
    models = List.copyOf(models);
    if (models.isEmpty()) throw new IllegalArgumentException("a station has at least one rig");
  }

  public static StationRigs of(TwinModel... models) {
    return new StationRigs(List.of(models));
  }

  public TwinModel primary() {
    return models.get(0);
  }

  /** "the tank-process model has no property 'x'", or "the tank-process and motor-vibration models have …", for messages. */
  public String lacks(String what) {
    if (models.size() == 1) return "the " + primary().id() + " model has no " + what;
    List<String> ids = models.stream().map(TwinModel::id).toList();
    return "the " + String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1) + " models have no " + what;
  }

  /** "… has no property 'pid.setpiont' (did you mean 'pid.setpoint'?)". */
  public String lacksProperty(String path) {
    return lacks("property '" + path + "'") + NearName.hint(path, propertyNames());
  }

  public String lacksCommand(String path) {
    return lacks("command '" + path + "'") + NearName.hint(path, commandNames());
  }

  public String lacksAlarm(String alarm) {
    return lacks("alarm '" + alarm + "'") + NearName.hint(alarm, alarmNames());
  }

  public String lacksComponent(String component) {
    return lacks("component '" + component + "'") + NearName.hint(component, componentNames());
  }

  public List<String> propertyNames() {
    return models.stream().flatMap(m -> m.properties().keySet().stream()).toList();
  }

  public List<String> commandNames() {
    return models.stream().flatMap(m -> m.components().stream()).flatMap(c -> c.commands().stream()).map(CommandDef::path).toList();
  }

  public List<String> alarmNames() {
    return models.stream().flatMap(m -> m.alarms().stream()).map(AlarmDef::id).toList();
  }

  public List<String> componentNames() {
    return models.stream().flatMap(m -> m.components().stream()).map(ComponentDef::id).toList();
  }

  /** The model ids of the station's rigs, the first one first. */
  public List<String> ids() {
    return models.stream().map(TwinModel::id).toList();
  }

  /** The first component or alarm name two of the rigs share, if any. */
  public Optional<String> clash() {
    Optional<String> component = firstShared(m -> m.components().stream().map(ComponentDef::id).toList());
    if (component.isPresent()) return Optional.of("component '" + component.get() + "'");
    return firstShared(m -> m.alarms().stream().map(AlarmDef::id).toList()).map(a -> "alarm '" + a + "'");
  }

  private Optional<String> firstShared(Function<TwinModel, List<String>> names) {
    Set<String> seen = new HashSet<>();
    for (TwinModel m : models) {
      for (String n : names.apply(m)) if (!seen.add(n)) return Optional.of(n);
    }
    return Optional.empty();
  }

  /** The rig whose model has this component, given as a component id or a "component.name" path. */
  public Optional<TwinModel> ownerOf(String componentOrPath) {
    String component = componentOrPath.contains(".") ? componentOrPath.substring(0, componentOrPath.indexOf('.')) : componentOrPath;
    return models.stream().filter(m -> m.components().stream().anyMatch(c -> c.id().equals(component))).findFirst();
  }

  public Optional<TwinModel> ownerOfAlarm(String alarm) {
    return models.stream().filter(m -> m.alarms().stream().anyMatch(a -> a.id().equals(alarm))).findFirst();
  }

  public boolean hasProperty(String path) {
    return models.stream().anyMatch(m -> m.property(path).isPresent());
  }

  public boolean hasCommand(String path) {
    return models.stream().anyMatch(m -> m.command(path).isPresent());
  }

  public Optional<PropertyDef> property(String path) {
    return models.stream().flatMap(m -> m.property(path).stream()).findFirst();
  }

  public boolean hasComponent(String component) {
    return models.stream().anyMatch(m -> m.components().stream().anyMatch(c -> c.id().equals(component)));
  }

  public boolean hasAlarm(String alarm) {
    return ownerOfAlarm(alarm).isPresent();
  }
}
