package org.twinlab.runtime.api;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twinlab.runtime.auth.Role;

/**
 * Who may call each API operation, read from the OpenAPI document itself: every operation says its
 * roles ({@code x-roles}, or "public") and what the caller must reach ({@code x-reach}: the twin,
 * session or station in its path). One source, so the document and the guard cannot disagree.
 */
final class AccessPolicy {
  /** What a request must reach besides having the role. */
  enum ReachKind { NONE, TWIN, SESSION, STATION }

  /** One operation's rule. */
  record Rule(String method, String template, boolean open, Set<Role> roles, ReachKind reach, Pattern path, List<String> params) {
    Optional<Map<String, String>> match(String method, String path) {
      if (!this.method.equals(method)) return Optional.empty();
      Matcher m = this.path.matcher(path);
      if (!m.matches()) return Optional.empty();
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < params.size(); i++) values.put(params.get(i), m.group(i + 1));
      return Optional.of(values);
    }
  }

  private final List<Rule> rules;

  private AccessPolicy(List<Rule> rules) {
    // literal segments before parameters: /twins/{id}/bindings/history before /twins/{id}/bindings/{property}
    this.rules = rules.stream().sorted(Comparator.comparingInt(r -> r.params().size())).toList();
  }

  static AccessPolicy of(String openApi) {
    JsonObject paths = new JsonObject(openApi).getJsonObject("paths");
    List<Rule> rules = new ArrayList<>();
    for (String template : paths.fieldNames()) {
      JsonObject ops = paths.getJsonObject(template);
      for (String method : ops.fieldNames()) {
        JsonObject op = ops.getJsonObject(method);
        var roles = op.getJsonArray("x-roles");
        if (roles == null) throw new IllegalStateException(method.toUpperCase(Locale.ROOT) + " " + template + " says no x-roles");
        boolean open = roles.contains("public");
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(r -> {
          if (!"public".equals(r)) set.add(Role.of((String) r));
        });
        ReachKind reach = ReachKind.valueOf(op.getString("x-reach", "none").toUpperCase(Locale.ROOT));
        List<String> params = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
          regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
          params.add(m.group(1));
          last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), template, open, set, reach, Pattern.compile(regex.toString()), params));
      }
    }
    return new AccessPolicy(rules);
  }

  /** The rule of the operation a request is for, with its path parameters. */
  Optional<Map.Entry<Rule, Map<String, String>>> find(String method, String path) {
    for (Rule r : rules) {
      var params = r.match(method, path);
      if (params.isPresent()) return Optional.of(Map.entry(r, params.get()));
    }
    return Optional.empty();
  }
}
