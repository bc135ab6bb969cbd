package org.twinlab.runtime.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.twinlab.runtime.api.ApiServer;

/**
 * The answering side of API calls other nodes hand on: one consumer per node, on the clustered
 * event bus, which answers each call through this node's own API (its rules and gate decide it).
 */
final class CallAnswers {
  private final MessageConsumer<JsonObject> consumer;

  CallAnswers(Vertx vertx, String node, ApiServer api) {
    consumer = vertx.eventBus().<JsonObject>consumer(address(node), m -> api.answerForwarded(m.body())
        .onSuccess(m::reply).onFailure(e -> m.fail(500, String.valueOf(e.getMessage()))));
  }

  /** Where a node takes the calls handed to it. */
  static String address(String node) {
    return "twinlab.cluster.node." + node + ".call";
  }

  void stop() {
    consumer.unregister();
  }
}
