package org.twinlab.scenarios.model;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each kind of candidate action is recorded with, so that a filter can only test an attribute
 * the action has and a reference step can only give fields the action takes: its fields (nested
 * ones by dotted name), what the platform adds from its outcome, and on every action {@code who}
 * and, on a joint station, {@code rig}.
 */
public final class ActionAttributes {
  /** On every action. */
  public static final List<String> COMMON = List.of("who", "rig");

  /** The faulty variants a test suite is graded against, as {@code detects.<variant>} reports them. */
  public static final List<String> TEST_VARIANTS = List.of("wrong_scale", "swapped_signals", "inverted_bit", "stuck_sensor",
      "wrong_alarm_threshold", "slow_update");

  /** The insecure variants a security test script is graded against, as {@code detects.<variant>} reports them. */
  public static final List<String> SECURITY_VARIANTS = List.of("range_unchecked", "range_widened", "read_only_writable");

  /** The wrong virtual-real mappings a mapping test is graded against, as {@code detects.<variant>} reports them. */
  public static final List<String> MAPPING_VARIANTS = List.of("wrong_scale", "swapped_signals", "inverted_bit", "stuck_sensor",
      "slow_update");

  /**
   * What a report may give as its cause's category, so a check can test the diagnosis itself rather
   * than words in free text: a sensor reading wrong, an actuator not doing as told, the link to the
   * rig, a binding of the twin, a setting (a threshold, a setpoint), the process itself, an operator's action.
   */
  public static final List<String> CAUSE_CATEGORIES = List.of("sensor", "actuator", "communication", "binding", "configuration",
      "process", "operation", "other");

  /**
   * What a submitted artefact is, for the review panel (levels 2 and 1): a plan, an operating
   * procedure, training material, a technical report, a design.
   */
  public static final List<String> ARTEFACT_KINDS = List.of("plan", "procedure", "training", "report", "design");

  /** An artefact's section or figure, named by the candidate: what follows {@code sections.} or {@code figures.}. */
  public static final String ARTEFACT_NAME = "[a-z][a-z0-9_]{0,39}";

  private static final Pattern ARTEFACT_PART = Pattern.compile("(sections|figures)\\." + ARTEFACT_NAME);

  private static final List<String> BINDING = List.of("property", "connection", "address", "sampling_ms", "transform", "write");
  private static final List<String> TRANSFORM = List.of("bit", "invert", "range.raw", "range.value", "scale", "offset",
      "unit.from", "unit.to", "clamp", "deadband");

  /** The fields a candidate gives, at the top level. */
  private static final Map<String, List<String>> FIELDS = Map.ofEntries(
      Map.entry("deploy", List.of("model", "bindings")),
      Map.entry("remove", List.of("model")),
      Map.entry("upgrade", List.of("version", "bindings")),
      Map.entry("rollback", List.of()),
      Map.entry("start", List.of()),
      Map.entry("pause", List.of()),
      Map.entry("stop", List.of()),
      Map.entry("binding_create", BINDING),
      Map.entry("binding_edit", BINDING),
      Map.entry("binding_delete", BINDING),
      Map.entry("write", List.of("property", "value")),
      Map.entry("command", List.of("command")),
      Map.entry("emergency_stop", List.of("command")),
      Map.entry("alarm_ack", List.of("alarm")),
      Map.entry("report", List.of("alarm_code", "cause_category", "property", "value", "symptom", "cause", "action", "text")),
      Map.entry("export", List.of("from", "to", "format", "properties")),
      Map.entry("backup", List.of()),
      Map.entry("test_suite", List.of("cases")),
      Map.entry("security_suite", List.of("cases")),
      Map.entry("test_data", List.of("property", "from", "to", "source", "samples", "unknown", "out_of_range", "min", "max", "mean",
          "bounds", "counts")),
      Map.entry("model_import", List.of("file", "text")),
      Map.entry("mapping_test", List.of("cases")),
      Map.entry("parameter_reading", List.of("readings")),
      Map.entry("storage_strategy", List.of("properties", "retention", "downsample", "aggregate", "store")),
      Map.entry("chart", List.of("name", "properties", "from", "to")),
      Map.entry("watch", List.of("name", "condition", "delay")),
      Map.entry("joint_program", List.of("rigs", "steps")),
      Map.entry("test_setup", List.of("probes")),
      Map.entry("perf_script", List.of("property", "values", "rate", "seconds", "metric", "threshold_ms")),
      Map.entry("artefact", List.of("kind", "title", "text", "sections", "figures")));

  /** The slow variants a performance test script is graded against, as {@code detects.<variant>} reports them. */
  public static final List<String> SLOW_VARIANTS = List.of("added_latency", "throttled_sampling");

  /** The figures of submitted test data that the platform judges against the twin's history, as {@code matches.<figure>} reports them. */
  public static final List<String> TEST_DATA_FIGURES = List.of("samples", "unknown", "out_of_range", "min", "max", "mean", "counts");

  /** What the platform records from the action's outcome. */
  private static final Map<String, List<String>> RESULTS = Map.ofEntries(
      Map.entry("backup", List.of("file", "files", "bytes", "upgrade_log", "upgrade_log_entries")),
      Map.entry("artefact", List.of("words", "headings", "quoted")),
      Map.entry("upgrade", List.of("from", "to")),
      Map.entry("rollback", List.of("from", "to")),
      Map.entry("storage_strategy", List.of("kept", "interval_s", "retention_h")),
      Map.entry("chart", List.of("series", "samples", "spacing_s", "stored", "alarms", "window_s")),
      Map.entry("test_suite", Stream.concat(Stream.of("cases", "false_failures", "variants", "detected"),
          TEST_VARIANTS.stream().map(v -> "detects." + v)).toList()),
      Map.entry("security_suite", Stream.concat(Stream.of("cases", "false_failures", "variants", "detected"),
          SECURITY_VARIANTS.stream().map(v -> "detects." + v)).toList()),
      Map.entry("test_data", Stream.concat(Stream.of("figures", "matched", "window_s", "dirty"),
          TEST_DATA_FIGURES.stream().map(f -> "matches." + f)).toList()),
      Map.entry("model_import", List.of("loaded", "problems", "model", "kind", "kind_matches", "signals", "bound", "integrates",
          "parameters", "parameters_matched", "parameters_right", "parameters_wrong")),
      Map.entry("mapping_test", Stream.concat(Stream.of("cases", "false_failures", "variants", "detected", "driven_cases"),
          MAPPING_VARIANTS.stream().map(v -> "detects." + v)).toList()),
      Map.entry("parameter_reading", List.of("readings", "matched", "matched_properties", "unmatched")),
      Map.entry("joint_program", Stream.concat(Stream.of("cases", "false_failures", "variants", "detected"),
          JointVariants.ALL.stream().map(v -> "detects." + v)).toList()),
      Map.entry("test_setup", List.of("probes", "connects", "mirrored", "missed", "mirrors")),
      Map.entry("perf_script", Stream.of(Stream.of("writes", "measured_ms", "unseen", "false_failures", "variants", "detected"),
          SLOW_VARIANTS.stream().flatMap(v -> Stream.of("detects." + v, "measured_ms." + v, "unseen." + v))).flatMap(s -> s).toList()));

  private ActionAttributes() {}

  /** The fields a reference step of this kind may give, {@code rig} included. */
  public static List<String> fields(String kind) {
    return Stream.concat(FIELDS.getOrDefault(kind, List.of()).stream(), Stream.of("rig")).toList();
  }

  /** Every attribute an action of this kind is recorded with, as filters name them. */
  public static List<String> of(String kind) {
    Stream<String> fields = FIELDS.getOrDefault(kind, List.of()).stream().flatMap(f -> switch (f) {
      case "transform" -> TRANSFORM.stream().map(t -> "transform." + t);
      case "write" -> Stream.of("write", "write.connection", "write.address");
      case "sections", "figures" -> Stream.empty(); // named by the candidate: see has()
      default -> Stream.of(f);
    });
    return Stream.of(fields, RESULTS.getOrDefault(kind, List.of()).stream(), COMMON.stream()).flatMap(s -> s).distinct().toList();
  }

  /**
   * The property an attribute recorded per property names ({@code mirrors.tank.level} of a test
   * set-up: whether its probe of tank.level mirrors the rig), if the attribute is one.
   */
  public static java.util.Optional<String> perProperty(String kind, String attribute) {
    String prefix = "mirrors.";
    return kind.equals("test_setup") && attribute.startsWith(prefix) && attribute.length() > prefix.length()
        ? java.util.Optional.of(attribute.substring(prefix.length())) : java.util.Optional.empty();
  }

  /**
   * Whether an action of this kind is recorded with the attribute: one of {@link #of}, or an
   * artefact's own section or figure ({@code sections.scope}, {@code figures.alarm_level}).
   */
  public static boolean has(String kind, String attribute) {
    return of(kind).contains(attribute) || kind.equals("artefact") && ARTEFACT_PART.matcher(attribute).matches();
  }

  /** The attributes of a fault's event: injected with its kind and target, cleared. */
  public static final List<String> FAULT = List.of("phase", "kind", "target");

  /** The attributes of a watch's event, {@code watch.fired}: the watch's name and who set it. */
  public static final List<String> WATCH = List.of("name", "who");

  /** The phases of a fault's event. */
  public static final List<String> FAULT_PHASES = List.of("injected", "cleared");
}
