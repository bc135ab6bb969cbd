package org.twinlab.models;

import java.util.List;

/** A command a twin accepts (start, stop, reset, ...), with its typed parameters. */
public record CommandDef(String path, List<PropertyDef> params, Localized description) {
  public CommandDef {
    params = List.copyOf(params);
  }
}
