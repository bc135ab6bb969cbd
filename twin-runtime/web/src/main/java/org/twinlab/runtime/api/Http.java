package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.runtime.twin.TwinRequestException;

/** Request and response helpers shared by the API's routes: bodies, callers, errors. */
final class Http {
  private static final Logger LOG = LoggerFactory.getLogger(Http.class);

  private Http() {}

  /** Who makes the request, as recorded in actions: the logged-in user. */
  static String caller(RoutingContext ctx) {
    return Guard.caller(ctx).name();
  }

  /** A string field the body must have. */
  static String requiredString(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) throw TwinRequestException.invalid(field, "a non-empty string is required");
    return s;
  }

  /** A step of a request that may refuse a body read with line and column. */
  interface Step<T> {
    T run() throws InvalidInputException;
  }

  /**
   * Runs a step that refuses bad input with the JDK's exceptions and answers for the field: an
   * illegal argument is invalid, an illegal state a conflict, a missing element not found; input
   * refused with its problems answers with each of them.
   */
  static <T> T parse(String field, Step<T> step) {
    try {
      return step.run();
    } catch (InvalidInputException e) {
      throw new InvalidBody(e);
    } catch (java.util.NoSuchElementException e) {
      throw TwinRequestException.notFound(field, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw TwinRequestException.invalid(field, e.getMessage());
    } catch (IllegalStateException e) {
      throw TwinRequestException.conflict(field, e.getMessage());
    }
  }

  /** How deep a request body may nest objects and arrays: far more than any operation takes. */
  static final int MAX_BODY_DEPTH = 32;

  /** The nesting depth of a JSON value, counted without recursion (a hostile body may be deep). */
  static int depth(Object root) {
    java.util.ArrayDeque<Map.Entry<Object, Integer>> todo = new java.util.ArrayDeque<>();
    todo.push(Map.entry(root, 1));
    int max = 0;
    while (!todo.isEmpty()) {
      var e = todo.pop();
      Object v = e.getKey();
      int d = e.getValue();
      if (v instanceof JsonObject o) {
        max = Math.max(max, d);
        o.forEach(f -> { if (f.getValue() != null) todo.push(Map.entry(f.getValue(), d + 1)); });
      } else if (v instanceof JsonArray a) {
        max = Math.max(max, d);
        a.forEach(x -> { if (x != null) todo.push(Map.entry(x, d + 1)); });
      }
    }
    return max;
  }

  /** The request body as a JSON object, or a 400 saying why not. */
  static JsonObject jsonBody(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) throw TwinRequestException.invalid("body", "a JSON object is required");
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(text);
      if (parsed instanceof JsonObject o) {
        // what a body carries ends up in evidence, which is hashed, verified and replayed by recursion
        if (depth(o) > MAX_BODY_DEPTH) throw TwinRequestException.invalid("body", "nested deeper than " + MAX_BODY_DEPTH + " levels");
        return o;
      }
    } catch (DecodeException e) {
      throw TwinRequestException.invalid("body", "not JSON: " + e.getMessage());
    }
    throw TwinRequestException.invalid("body", "a JSON object is required");
  }

  static <T> void respond(RoutingContext ctx, Future<T> result, int status, Function<T, Object> view) {
    result.onSuccess(v -> {
      // a view that refuses (no such property in the snapshot) must answer, not vanish in a callback
      Object body;
      try {
        body = view.apply(v);
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      send(ctx, status, body);
    }).onFailure(ctx::fail);
  }

  static void send(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
    if (body == null) {
      ctx.response().end();
    } else {
      ctx.response().end(body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode() : body.toString());
    }
  }

  /** The file a problem is in, by its name alone: never a path of the server's own disk. */
  static String fileName(String source) {
    String s = source == null ? "" : source;
    return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
  }

  /** A body that does not read as what the route takes; carries the problems with line and column. */
  static final class InvalidBody extends RuntimeException {
    InvalidBody(InvalidInputException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /** Turns a failed request into its status and a body naming the fields at fault. */
  static void failure(RoutingContext ctx) {
    Throwable e = ctx.failure() instanceof InvalidBody ib ? ib.getCause() : ctx.failure();
    if (e instanceof TwinRequestException t) {
      int status = switch (t.kind()) {
        case NOT_FOUND -> 404;
        case INVALID -> 400;
        case CONFLICT -> 409;
        case UNREACHABLE -> 502;
        case UNAVAILABLE -> 503;
      };
      send(ctx, status, error(t.getMessage(), List.of(new JsonObject().put("field", t.field()).put("message", t.getMessage()))));
    } else if (e instanceof SecurityException refused) {
      // decided past the guard, where reach depends on more than the path (a session's stations)
      send(ctx, 403, error(refused.getMessage(), List.of()));
    } else if (e instanceof org.twinlab.runtime.evidence.EvidenceUnavailableException ev) {
      // nothing was recorded, so nothing was done: try again once health says the evidence can be written
      send(ctx, 503, error(ev.getMessage(), List.of(new JsonObject().put("field", "evidence").put("message", ev.getMessage()))));
    } else if (e instanceof InvalidInputException bad) {
      JsonArray problems = new JsonArray();
      for (Problem p : bad.problems()) {
        problems.add(new JsonObject().put("field", p.field()).put("message", p.message())
            .put("file", fileName(p.location().source())).put("line", p.location().line()).put("column", p.location().column()));
      }
      send(ctx, 400, new JsonObject().put("error", "invalid " + bad.problems().size() + " field(s)").put("problems", problems));
    } else if (e == null) {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      send(ctx, status, error(status == 404 ? "no such resource: " + ctx.request().path() : "request failed", List.of()));
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), e);
      send(ctx, 500, error("internal error: " + e, List.of()));
    }
  }

  static JsonObject error(String message, List<JsonObject> problems) {
    return new JsonObject().put("error", message).put("problems", new JsonArray(problems));
  }
}
