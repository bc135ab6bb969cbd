package org.twinlab.runtime.binding;

import java.util.Optional;

/**
 * One virtual-real mapping: which signal drives which property, how its value is transformed, and
 * where writes of the property go back to (if anywhere).
 */
public record Binding(String property, SignalRef source, Transform transform, Optional<SignalRef> writeTo) {}
