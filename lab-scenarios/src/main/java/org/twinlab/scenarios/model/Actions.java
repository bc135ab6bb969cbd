package org.twinlab.scenarios.model;

import java.util.List;

/**
 * The candidate actions the platform records, each as an {@code action.<kind>} event with who and
 * when: how install, operate, debug and the rest are observed.
 */
public final class Actions {
  public static final List<String> KINDS = List.of(
      "deploy", "remove", "start", "pause", "stop",
      "binding_create", "binding_edit", "binding_delete",
      "write", "command", "emergency_stop", "alarm_ack",
      "report", "export", "backup", "test_suite", "security_suite",
      "artefact");

  private Actions() {}
}
