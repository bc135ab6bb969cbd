package org.twinlab.scenarios.model;

import java.util.List;

/**
 * The candidate actions the platform records, each as an {@code action.<kind>} event with who and
 * when: how install, operate, debug and the rest are observed.
 */
public final class Actions {
  public static final List<String> KINDS = List.of(
      "deploy", "remove", "upgrade", "rollback", "start", "pause", "stop",
      "binding_create", "binding_edit", "binding_delete",
      "write", "command", "emergency_stop", "alarm_ack",
      "report", "export", "backup", "test_suite", "security_suite", "test_data",
      "model_import", "mapping_test", "parameter_reading", "storage_strategy", "chart",
      "watch", "joint_program", "test_setup", "perf_script", "artefact");

  private Actions() {}
}
