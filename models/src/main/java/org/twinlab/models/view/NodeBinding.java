package org.twinlab.models.view;

/** Binds a named node of a glTF scene to a twin property, as CAD-based scene tools do. */
public record NodeBinding(String node, Animation animation) {}
