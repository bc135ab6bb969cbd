package org.twinlab.runtime.config;

import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.models.TwinModel;

/**
 * One twin the runtime runs: its model, its initial bindings and the lab station it stands on.
 *
 * @param station the station's name, or null when the twin is not part of a station
 */
public record TwinConfig(String id, TwinModel model, BindingSet bindings, String station) {

  public TwinConfig(String id, TwinModel model, BindingSet bindings) {
    this(id, model, bindings, null);
  }
}
