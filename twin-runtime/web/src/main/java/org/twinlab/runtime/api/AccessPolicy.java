package org.twinlab.runtime.api;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.twinlab.runtime.auth.Role;

/**
 * Who may call each API operation, read from the OpenAPI document itself: every operation says its
 * roles ({@code x-roles}, or "public") and what the caller must reach ({@code x-reach}: the twin,
 * session or station in its path). One source, so the document and the guard cannot disagree.
 * Rules are looked up by the route they belong to, never by a request's path.
 */
final class AccessPolicy {
  /** What a request must reach besides having the role. */
  enum ReachKind { NONE, TWIN, SESSION, STATION }

  /** One operation's rule: "GET /api/v1/twins/{id}" with its roles and reach. */
  record Rule(String method, String template, boolean open, Set<Role> roles, ReachKind reach) {
    String operation() {
      return method + " " + template;
    }
  }

  private final List<Rule> rules;

  private AccessPolicy(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static AccessPolicy of(String openApi) {
    JsonObject paths = new JsonObject(openApi).getJsonObject("paths");
    List<Rule> rules = new ArrayList<>();
    for (String template : paths.fieldNames()) {
      JsonObject ops = paths.getJsonObject(template);
      for (String method : ops.fieldNames()) {
        JsonObject op = ops.getJsonObject(method);
        String name = method.toUpperCase(Locale.ROOT) + " " + template;
        var roles = op.getJsonArray("x-roles");
        if (roles == null) throw new IllegalStateException(name + " says no x-roles");
        boolean open = roles.contains("public");
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(r -> {
          if (!"public".equals(r)) set.add(Role.of((String) r));
        });
        if (!open && set.isEmpty()) throw new IllegalStateException(name + " names no role in x-roles");
        ReachKind reach = ReachKind.valueOf(op.getString("x-reach", "none").toUpperCase(Locale.ROOT));
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), template, open, set, reach));
      }
    }
    return new AccessPolicy(rules);
  }

  /** The rule of one operation, by its method and path template as the document writes it. */
  Optional<Rule> rule(String method, String template) {
    return rules.stream().filter(r -> r.method().equals(method) && r.template().equals(template)).findFirst();
  }

  List<Rule> rules() {
    return rules;
  }
}
