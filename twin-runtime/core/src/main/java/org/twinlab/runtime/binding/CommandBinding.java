package org.twinlab.runtime.binding;

/**
 * Where a model command goes on the rig: the value written to a signal when someone issues it,
 * e.g. {@code panel.start} writes true to the PLC's start button bit.
 */
public record CommandBinding(String command, SignalRef target, Object value) {}
