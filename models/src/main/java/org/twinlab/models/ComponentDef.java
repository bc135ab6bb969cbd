package org.twinlab.models;

import java.util.List;

/** A physical part of a rig (belt, pusher, tank) and what it exposes. */
public record ComponentDef(String id, Localized name, List<PropertyDef> properties, List<CommandDef> commands) {
  public ComponentDef {
    properties = List.copyOf(properties);
    commands = List.copyOf(commands);
  }
}
