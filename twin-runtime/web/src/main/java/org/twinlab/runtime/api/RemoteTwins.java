package org.twinlab.runtime.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The twins of a clustered lab that another node runs just now. This node answers the API for
 * them by asking that node; who may see what is still decided here, by the node that answers.
 */
public interface RemoteTwins {
  /** A lab of one node: every twin runs here. */
  RemoteTwins NONE = new RemoteTwins() {
    @Override
    public List<String> ids() {
      return List.of();
    }

    @Override
    public Future<JsonObject> twin(String id) {
      return Future.failedFuture(new IllegalStateException("no other nodes"));
    }

    @Override
    public Future<JsonObject> summary(String id) {
      return Future.failedFuture(new IllegalStateException("no other nodes"));
    }
  };

  /** The lab's twins that run on other nodes now. */
  List<String> ids();

  /** The twin as {@code GET /api/v1/twins/{id}} shows it, from the node that runs it. */
  Future<JsonObject> twin(String id);

  /** The twin's summary as {@code GET /api/v1/twins} lists it, from the node that runs it. */
  Future<JsonObject> summary(String id);

  /** The live feed of those twins; none in a lab of one node. */
  default RemoteFeeds feeds() {
    return RemoteFeeds.NONE;
  }

  /** This node's name in a clustered lab; empty for a lab of one node. */
  default String node() {
    return "";
  }

  /** The node that runs a twin now, this one included; empty in a lab of one node, or while no node runs it. */
  default java.util.Optional<String> owner(String twin) {
    return java.util.Optional.empty();
  }

  /**
   * Hands an API call to the node that runs its twins, which answers it through its own API (its
   * access rules and the action gate there); the answer is that node's, as {@link ForwardedCall} writes it.
   */
  default Future<JsonObject> forward(String node, JsonObject call) {
    return Future.failedFuture(new IllegalStateException("no other nodes"));
  }
}
