package org.twinlab.runtime.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only way an API route is mounted: each route comes with the guard of its own operation's
 * rule already on it, so whatever path the router dispatches (after its own normalisation of
 * slashes, dot segments and escapes), the rule applied is that route's. A route the OpenAPI
 * document has no rule for cannot be mounted, and the server does not start.
 */
final class GuardedRouter {
  private static final Pattern PARAM = Pattern.compile(":([A-Za-z]+)");
  private final Router router;
  private final AccessPolicy policy;
  private final Guard guard;
  private final RequestTimeLimit timeLimit;
  private final Forwarding forwarding;
  private final Set<String> mounted = new LinkedHashSet<>();

  /** A router that answers every call here (a lab of one node, a test of the guard alone). */
  GuardedRouter(Router router, AccessPolicy policy, Guard guard, RequestTimeLimit timeLimit) {
    this(router, policy, guard, timeLimit, null);
  }

  GuardedRouter(Router router, AccessPolicy policy, Guard guard, RequestTimeLimit timeLimit, Forwarding forwarding) {
    this.forwarding = forwarding;
    this.router = router;
    this.policy = policy;
    this.guard = guard;
    this.timeLimit = timeLimit;
  }

  Route get(String path) {
    return mount(HttpMethod.GET, path, true, true);
  }

  /**
   * A GET about a twin that answers for twins other nodes run by itself, asking their nodes within
   * its own short time ({@link RemoteTwins}): not handed on whole.
   */
  Route getAcrossNodes(String path) {
    return mount(HttpMethod.GET, path, true, false);
  }

    Route post(String path) {
    return mount(HttpMethod.POST, path, true, true);
  }

  Route put(String path) {
    return mount(HttpMethod.PUT, path, true, true);
  }

  Route delete(String path) {
    return mount(HttpMethod.DELETE, path, true, true);
  }

  /**
   * A recorded action that may take long (a test suite graded over minutes of virtual time, a backup,
   * a station's start): guarded, but under no time limit, so no one is told "given up" about an
   * action that is still being carried out and will be recorded as done.
   */
  Route longPost(String path) {
    return mount(HttpMethod.POST, path, false, true);
  }

  /**
   * A GET whose answer takes long to work out (the coverage report plays every scenario): guarded,
   * but under no time limit, so a busy machine answers late rather than not at all.
   */
  Route longGet(String path) {
    return mount(HttpMethod.GET, path, false, true);
  }

  /** A GET that stays open (an event stream, a WebSocket): guarded, but under no time limit, and answered here. */
  Route stream(String path) {
    return mount(HttpMethod.GET, path, false, false);
  }

  /**
   * Put before a session-wide call's handler: in a clustered lab the call is made on every other
   * node that runs some of the session's stations first ({@link Forwarding#everyNode}); here, nothing.
   */
  io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> everyNode() {
    return forwarding == null ? io.vertx.ext.web.RoutingContext::next : forwarding.everyNode();
  }

  /** The operations of the document no route was mounted for, as "METHOD /path/{param}". */
  List<String> unrouted() {
    List<String> out = new ArrayList<>();
    for (AccessPolicy.Rule r : policy.rules()) if (!mounted.contains(r.operation())) out.add(r.operation());
    return out;
  }

  /** Refuses a document that promises an operation no route serves. */
  void requireEveryRuleRouted() {
    List<String> missing = unrouted();
    if (!missing.isEmpty()) throw new IllegalStateException("the OpenAPI document names operations no route serves: " + missing);
  }

  /** @param forwarded whether a call about a twin or station another node runs is handed to that node */
  private Route mount(HttpMethod method, String path, boolean limited, boolean forwarded) {
    String template = template(path);
    String operation = method.name() + " " + template;
    AccessPolicy.Rule rule = policy.rule(method.name(), template)
        .orElseThrow(() -> new IllegalStateException(operation + " is mounted but the OpenAPI document has no rule for it"));
    List<String> params = params(path);
    String needed = switch (rule.reach()) {
      case NONE -> null;
      case TWIN -> params.contains("id") ? null : "id";
      case SESSION -> params.contains("session") ? null : "session";
      case STATION -> params.contains("session") && params.contains("station") ? null : "session and station";
    };
    if (needed != null) throw new IllegalStateException(operation + " says x-reach " + rule.reach() + " but has no " + needed + " in its path");
    if (!mounted.add(operation)) throw new IllegalStateException(operation + " is mounted twice");
    Route route = router.route(method, path);
    if (limited) route.handler(timeLimit);
    route.handler(guard.admit(rule));
    // let through here first, then answered by the node that runs what the call is about (which checks again)
    if (forwarded && forwarding != null && (rule.reach() == AccessPolicy.ReachKind.TWIN || rule.reach() == AccessPolicy.ReachKind.STATION)) {
      route.handler(forwarding.handler(rule.reach()));
    }
    return route;
  }

  /** "/api/v1/twins/:id" as the document writes it: "/api/v1/twins/{id}". */
  static String template(String path) {
    return PARAM.matcher(path).replaceAll("{$1}");
  }

  private static List<String> params(String path) {
    List<String> out = new ArrayList<>();
    Matcher m = PARAM.matcher(path);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
