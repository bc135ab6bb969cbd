package org.twinlab.runtime.api;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.twinlab.scenarios.model.Scenario;

/**
 * Dry-run answers, each worked out once per scenario version: a dry run plays some forty candidates
 * and is the same every time, so asking again (another trainer, the page in another language) is
 * answered from the first. Requests for one scenario while it is being worked out wait for that
 * work rather than repeat it. Only the most recently asked are kept.
 */
final class DryRunAnswers {
  private final Map<Scenario, CompletableFuture<JsonObject>> kept;

  DryRunAnswers() {
    this(32);
  }

  DryRunAnswers(int keep) {
    this.kept = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Scenario, CompletableFuture<JsonObject>> eldest) {
        return size() > keep;
      }
    };
  }

  /** The answer for {@code scenario}: the kept one, or {@code work}'s (on this thread, which blocks). */
  JsonObject answer(Scenario scenario, Callable<JsonObject> work) throws Exception {
    CompletableFuture<JsonObject> mine = new CompletableFuture<>();
    CompletableFuture<JsonObject> known;
    synchronized (kept) {
      known = kept.putIfAbsent(scenario, mine);
    }
    if (known != null) return waitFor(known).copy();
    try {
      JsonObject answer = work.call();
      mine.complete(answer);
      return answer.copy();
    } catch (Exception | Error e) {
      synchronized (kept) {
        kept.remove(scenario, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static JsonObject waitFor(CompletableFuture<JsonObject> known) throws Exception {
    try {
      return known.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception cause) throw cause;
      throw e;
    }
  }
}
