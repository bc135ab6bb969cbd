package org.twinlab.scenarios.load;

import java.util.List;
import org.twinlab.models.expr.Expr;
import org.twinlab.models.expr.Filter;
import org.twinlab.scenarios.model.ActionAttributes;
import org.twinlab.scenarios.model.Actions;
import org.twinlab.scenarios.model.FaultDef;
import org.twinlab.scenarios.model.NearName;
import org.twinlab.scenarios.model.StationRigs;

/**
 * Checks an event's filters before the scenario runs: each tests an attribute its event is
 * recorded with, and a value that names a property, command, alarm or rig names one the station
 * has. A misspelt filter would otherwise be silently never true.
 */
final class EventFilters {
  /** Where a problem goes: a column inside the check's text. */
  interface Report {
    void at(int column, String message);
  }

  private EventFilters() {}

  /** @param rigs the station's rigs, or null when they could not be read (names are then not checked) */
  static void check(Expr.EventMatch event, StationRigs rigs, Report report) {
    String ns = event.kind().substring(0, event.kind().indexOf('.'));
    String kind = event.kind().substring(ns.length() + 1);
    if (ns.equals("action") && !Actions.KINDS.contains(kind)) return; // said already: no such action
    List<String> attributes = ns.equals("action") ? ActionAttributes.of(kind) : ns.equals("watch") ? ActionAttributes.WATCH : ActionAttributes.FAULT;
    for (Filter f : event.filters()) {
      if (ns.equals("action") && ActionAttributes.perProperty(kind, f.key()).isPresent()) {
        String p = ActionAttributes.perProperty(kind, f.key()).get();
        if (rigs != null && !rigs.hasProperty(p)) report.at(f.column(), rigs.lacksProperty(p));
        if (f.op() == Filter.Op.EQ || f.op() == Filter.Op.NE) oneOf(f, List.of("true", "false"), "whether the probe mirrors the rig", report);
      } else if (ns.equals("action") ? !ActionAttributes.has(kind, f.key()) : !attributes.contains(f.key())) {
        String what = ns.equals("action") ? event.kind() : ns.equals("watch") ? "a watch's event" : "a fault's event";
        report.at(f.column(), what + " has no attribute '" + f.key() + "'" + NearName.hint(f.key(), attributes)
            + ": it has " + String.join(", ", attributes) + (kind.equals("artefact") ? ", sections.<name>, figures.<name>" : ""));
      } else if (f.op() == Filter.Op.EQ || f.op() == Filter.Op.NE || f.op() == Filter.Op.CONTAINS) {
        value(ns, f, rigs, report);
      }
    }
  }

  /** A value that names something must name something there is; contains names a whole item of a list only. */
  private static void value(String ns, Filter f, StationRigs rigs, Report report) {
    boolean whole = f.op() != Filter.Op.CONTAINS;
    if (ns.equals("watch")) return; // a watch is named by the candidate
    if (ns.equals("fault")) {
      if (whole && f.key().equals("phase")) oneOf(f, ActionAttributes.FAULT_PHASES, "a fault's phase", report);
      if (whole && f.key().equals("kind")) oneOf(f, FaultDef.KINDS, "a fault kind", report);
      return;
    }
    if (whole && f.key().equals("kind")) oneOf(f, ActionAttributes.ARTEFACT_KINDS, "an artefact's kind", report);
    if (whole && f.key().equals("cause_category")) oneOf(f, ActionAttributes.CAUSE_CATEGORIES, "a cause category", report);
    if (whole && f.key().startsWith("detects.")) oneOf(f, List.of("true", "false"), "whether the suite detects the variant", report);
    if (rigs == null) return;
    String v = f.value();
    switch (whole ? f.key() : f.key().equals("properties") ? "property" : "") {
      case "property" -> {
        if (!rigs.hasProperty(v)) report.at(f.valueColumn(), rigs.lacksProperty(v));
      }
      case "properties" -> {
        for (String p : v.split(",")) {
          if (!p.isBlank() && !rigs.hasProperty(p.trim())) report.at(f.valueColumn(), rigs.lacksProperty(p.trim()));
        }
      }
      case "command" -> {
        if (!rigs.hasCommand(v)) report.at(f.valueColumn(), rigs.lacksCommand(v));
      }
      case "alarm", "alarm_code" -> {
        if (!rigs.hasAlarm(v)) report.at(f.valueColumn(), rigs.lacksAlarm(v));
      }
      case "model", "rig" -> oneOf(f, rigs.ids(), "a rig of this station", report);
      default -> { }
    }
  }

  private static void oneOf(Filter f, List<String> allowed, String what, Report report) {
    if (!allowed.contains(f.value())) {
      report.at(f.valueColumn(), "'" + f.value() + "' is not " + what + NearName.hint(f.value(), allowed) + ": " + String.join(", ", allowed));
    }
  }
}
