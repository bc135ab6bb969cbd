package org.twinlab.runtime.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.twinlab.runtime.api.ApiServer;

/**
 * The answering side of API calls other nodes hand on: one consumer per node, on the clustered
 * event bus, which answers each call through this node's own API (its rules and gate decide it);
 * a call not signed with the lab secret is refused before the API is asked, so no token is issued for it.
 */
final class CallAnswers {
  private final MessageConsumer<JsonObject> consumer;

  /** @param signer refuses a call not signed with the lab secret before the API (and its tokens) sees it */
  CallAnswers(Vertx vertx, String node, ApiServer api, MessageSigner signer) {
    consumer = vertx.eventBus().<JsonObject>consumer(address(node), m -> {
      if (!signer.admit(m)) return;
      api.answerForwarded(m.body()).onSuccess(a -> signer.answer(m, a)).onFailure(e -> m.fail(500, String.valueOf(e.getMessage())));
    });
  }

  /** Where a node takes the calls handed to it. */
  static String address(String node) {
    return "twinlab.cluster.node." + node + ".call";
  }

  void stop() {
    consumer.unregister();
  }
}
