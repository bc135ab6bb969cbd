package org.twinlab.runtime.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.twinlab.runtime.api.RemoteFeeds;
import org.twinlab.runtime.api.RemoteTwins;
import org.twinlab.runtime.twin.TwinRequestException;

/** The asking side: this node's API reads a twin another node runs over the clustered event bus. */
final class RemoteReads implements RemoteTwins {
  /** An owner that does not answer within this is dead or dying: the caller hears so rather than waiting. */
  private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(3_000);
  private final Vertx vertx;
  private final List<String> lab;
  private final Predicate<String> here;
  private final RemoteFeeds feeds;

  /**
   * @param lab the twins the cluster places
   * @param here whether a twin runs on this node now
   * @param feeds the live feed of the twins other nodes run
   */
  RemoteReads(Vertx vertx, List<String> lab, Predicate<String> here, RemoteFeeds feeds) {
    this.vertx = vertx;
    this.lab = lab;
    this.here = here;
    this.feeds = feeds;
  }

  @Override
  public RemoteFeeds feeds() {
    return feeds;
  }

  @Override
  public List<String> ids() {
    return lab.stream().filter(id -> !here.test(id)).toList();
  }

  @Override
  public Future<JsonObject> twin(String id) {
    return ask(id, TwinAnswers.TWIN);
  }

  @Override
  public Future<JsonObject> summary(String id) {
    return ask(id, TwinAnswers.SUMMARY);
  }

  private Future<JsonObject> ask(String id, String view) {
    return vertx.eventBus().<JsonObject>request(TwinAnswers.address(id), view, ASK).map(m -> m.body())
        .recover(e -> Future.failedFuture(TwinRequestException.unavailable("id",
            "twin '" + id + "' runs on another node, which does not answer now (" + e.getMessage() + "); another node takes it over")));
  }
}
