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
      Map.entry("artefact", List.of("kind", "title", "text", "sections", "figures")));

  /** What the platform records from the action's outcome. */
  private static final Map<String, List<String>> RESULTS = Map.of(
      "backup", List.of("file", "files", "bytes"),
      "artefact", List.of("words", "headings", "quoted"),
      "test_suite", Stream.concat(Stream.of("cases", "false_failures", "variants", "detected"),
          TEST_VARIANTS.stream().map(v -> "detects." + v)).toList(),
      "security_suite", Stream.concat(Stream.of("cases", "false_failures", "variants", "detected"),
          SECURITY_VARIANTS.stream().map(v -> "detects." + v)).toList());

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
   * Whether an action of this kind is recorded with the attribute: one of {@link #of}, or an
   * artefact's own section or figure ({@code sections.scope}, {@code figures.alarm_level}).
   */
  public static boolean has(String kind, String attribute) {
    return of(kind).contains(attribute) || kind.equals("artefact") && ARTEFACT_PART.matcher(attribute).matches();
  }

  /** The attributes of a fault's event: injected with its kind and target, cleared. */
  public static final List<String> FAULT = List.of("phase", "kind", "target");

  /** The phases of a fault's event. */
  public static final List<String> FAULT_PHASES = List.of("injected", "cleared");
}
