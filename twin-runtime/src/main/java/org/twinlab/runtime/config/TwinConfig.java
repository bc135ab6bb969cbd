package org.twinlab.runtime.config;

import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.models.TwinModel;

/** One twin the runtime runs: its model and its initial bindings. */
public record TwinConfig(String id, TwinModel model, BindingSet bindings) {}
