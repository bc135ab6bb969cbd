package org.twinlab.runtime.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.twinlab.runtime.api.RemoteFeeds;
import org.twinlab.runtime.api.RemoteTwins;
import org.twinlab.runtime.twin.TwinRequestException;

/** The asking side: this node's API reads a twin another node runs over the clustered event bus. */
final class RemoteReads implements RemoteTwins {
  /** An owner that does not answer within this is dead or dying: the caller hears so rather than waiting. */
  private static final long ASK_MS = 3_000;
  private final Vertx vertx;
  private final List<String> lab;
  private final Predicate<String> here;
  private final RemoteFeeds feeds;
  private final OwnerView owners;
  private final String node;
  /** A handed-on action waits as long as the API's own calls may take (a station's start sets its rig up); a read, less. */
  private static final long HAND_ON_MS = 120_000;
  private static final long HAND_ON_READ_MS = 10_000;
  private final MessageSigner signer;

  /**
   * @param lab the twins the cluster places
   * @param here whether a twin runs on this node now
   * @param feeds the live feed of the twins other nodes run
   * @param owners who runs which twin, as this node sees the cluster's map
   * @param node this node's name
   * @param signer signs each question and checks each answer
   */
  RemoteReads(Vertx vertx, List<String> lab, Predicate<String> here, RemoteFeeds feeds, OwnerView owners, String node, MessageSigner signer) {
    this.signer = signer;
    this.owners = owners;
    this.node = node;
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

  @Override
  public String node() {
    return node;
  }

  @Override
  public java.util.Optional<String> owner(String twin) {
    return here.test(twin) ? java.util.Optional.of(node) : owners.owner(twin);
  }

  @Override
  public Future<JsonObject> forward(String to, JsonObject call) {
    long within = "GET".equals(call.getString("method")) ? HAND_ON_READ_MS : HAND_ON_MS;
    return signer.request(vertx, CallAnswers.address(to), call, within);
  }

  private Future<JsonObject> ask(String id, String view) {
    return signer.<JsonObject>request(vertx, TwinAnswers.address(id), view, ASK_MS)
        .recover(e -> Future.failedFuture(TwinRequestException.unavailable("id",
            "twin '" + id + "' runs on another node, which does not answer now (" + e.getMessage() + "); another node takes it over")));
  }
}
