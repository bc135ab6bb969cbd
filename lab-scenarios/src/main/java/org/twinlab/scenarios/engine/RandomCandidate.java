package org.twinlab.scenarios.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinlab.models.AlarmDef;
import org.twinlab.models.CommandDef;
import org.twinlab.models.PropertyDef;
import org.twinlab.models.TwinModel;
import org.twinlab.scenarios.model.ActionAttributes;
import org.twinlab.scenarios.model.Scenario;

/**
 * A candidate pressing buttons at random: at random times it writes a writable property (a value
 * within its range), gives one of the model's commands, acknowledges one of its alarms, files a
 * report with a random alarm code, cause category, property, value and words, starts, pauses or
 * stops the twin, exports a window, or re-saves one of the setup's bindings with random fields.
 * The same seed plays the same run.
 */
public final class RandomCandidate implements Candidate {
  public static final String WHO = "random";
  /** Fewest and most actions a random candidate takes in a run. */
  static final int MIN_ACTIONS = 15;
  static final int MAX_ACTIONS = 40;
  private static final List<String> WORDS = List.of("level", "alarm", "binding", "pump", "sensor", "checked", "fault", "restart",
      "normal", "high", "value", "changed");
  private static final List<String> REPORT_FIELDS = List.of("symptom", "cause", "action", "text");
  private static final List<Long> SAMPLING_MS = List.of(100L, 200L, 500L, 1000L, 2000L);

  private final long seed;
  private final SplittableRandom random;
  private final List<Duration> times = new ArrayList<>();
  private final List<PropertyDef> properties;
  private final List<PropertyDef> writable;
  private final List<CommandDef> commands;
  private final List<AlarmDef> alarms;
  private final List<Map<String, Object>> bindings;
  private final List<String> kinds = new ArrayList<>();
  private int next;

  public RandomCandidate(Scenario scenario, TwinModel model, long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.properties = List.copyOf(model.properties().values());
    this.writable = model.properties().values().stream().filter(PropertyDef::writable).toList();
    this.commands = model.components().stream().flatMap(c -> c.commands().stream()).toList();
    this.alarms = model.alarms();
    this.bindings = scenario.setup().bindings().stream().filter(b -> !Boolean.TRUE.equals(b.get("remove"))).toList();
    if (!writable.isEmpty()) kinds.add("write");
    if (!commands.isEmpty()) kinds.add("command");
    if (!alarms.isEmpty()) kinds.add("alarm_ack");
    kinds.addAll(List.of("report", "start", "pause", "stop", "export"));
    if (!bindings.isEmpty()) kinds.add("binding_edit");
    long limitMs = scenario.timeLimit().toMillis();
    int count = MIN_ACTIONS + random.nextInt(MAX_ACTIONS - MIN_ACTIONS + 1);
    for (int i = 0; i < count; i++) times.add(Duration.ofMillis(random.nextLong(limitMs)));
    times.sort(null);
  }

  public String who() {
    return WHO + "-" + seed;
  }

  /** When it will act, exam time, in order. */
  public List<Duration> times() {
    return List.copyOf(times);
  }

  @Override
  public void act(ScenarioRun run) {
    while (next < times.size() && !run.ended() && run.elapsed().compareTo(times.get(next)) >= 0) {
      next++;
      String kind = kinds.get(random.nextInt(kinds.size()));
      run.act(who(), kind, fields(kind));
    }
  }

  private Map<String, Object> fields(String kind) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (kind) {
      case "write" -> {
        PropertyDef p = pick(writable);
        out.put("property", p.path());
        out.put("value", value(p));
      }
      case "command" -> out.put("command", pick(commands).path());
      case "alarm_ack" -> out.put("alarm", pick(alarms).id());
      case "report" -> {
        if (!alarms.isEmpty() && random.nextBoolean()) out.put("alarm_code", pick(alarms).id());
        if (random.nextBoolean()) out.put("cause_category", pick(ActionAttributes.CAUSE_CATEGORIES));
        if (random.nextBoolean()) {
          PropertyDef p = pick(properties);
          out.put("property", p.path());
          if (p.type().isNumeric()) out.put("value", value(p));
        }
        int n = 1 + random.nextInt(REPORT_FIELDS.size());
        for (int i = 0; i < n; i++) out.put(pick(REPORT_FIELDS), pick(WORDS) + " " + pick(WORDS));
      }
      case "export" -> {
        out.put("from", "-" + (1 + random.nextInt(10)) + "m");
        out.put("to", "now");
        out.put("format", random.nextBoolean() ? "csv" : "json");
      }
      case "binding_edit" -> {
        out.putAll(pick(bindings));
        out.put("sampling_ms", pick(SAMPLING_MS));
        if (random.nextInt(3) == 0) out.remove("transform");
      }
      default -> { } // start, pause, stop
    }
    return out;
  }

  private Object value(PropertyDef p) {
    return switch (p.type()) {
      case BOOL -> random.nextBoolean();
      case ENUM -> p.enumValues().isEmpty() ? "" : pick(p.enumValues());
      case INT -> p.range().map(r -> (Object) (long) Math.round(r.min() + random.nextDouble() * r.span())).orElse((long) random.nextInt(100));
      case DOUBLE -> Math.round(100 * p.range().map(r -> r.min() + random.nextDouble() * r.span()).orElse(random.nextDouble() * 100)) / 100.0;
      case STRING -> pick(WORDS);
    };
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
