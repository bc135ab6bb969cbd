package org.twinlab.runtime.scenario;

/**
 * One case of a security test script: a write the twin must refuse (or, to show the script does not
 * simply expect refusal of everything, one it must accept).
 *
 * @param property the property written
 * @param value the value written
 * @param expectRefused whether the twin must refuse it
 */
public record SecurityCase(String name, String property, Object value, boolean expectRefused) {}
