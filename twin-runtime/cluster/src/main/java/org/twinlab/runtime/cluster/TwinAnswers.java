package org.twinlab.runtime.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.twinlab.runtime.api.Views;
import org.twinlab.runtime.twin.Twins;

/**
 * The owner's side of reading a twin from another node: for each twin this node runs, a consumer on
 * the clustered event bus answers with the twin's JSON as this node's API would write it. The
 * question is the view's name as a string and the answer a JSON object: both cross nodes with
 * Vert.x's own wire codecs, never the runtime's local codec, which passes objects by reference.
 * Questions and answers are signed with the lab secret ({@link MessageSigner}); an unsigned question gets nothing.
 */
final class TwinAnswers {
  static final String TWIN = "twin";
  static final String SUMMARY = "summary";
  private final Vertx vertx;
  private final Twins twins;
  private final FeedRelay feeds;
  private final MessageSigner signer;
  private final Map<String, MessageConsumer<String>> consumers = new ConcurrentHashMap<>();

  /** @param feeds the twins' live feed for other nodes, served while this node answers for them */
  TwinAnswers(Vertx vertx, Twins twins, FeedRelay feeds, MessageSigner signer) {
    this.vertx = vertx;
    this.signer = signer;
    this.twins = twins;
    this.feeds = feeds;
  }

  /** Where the node running a twin answers for it. */
  static String address(String twin) {
    return "twinlab.cluster.twin." + twin + ".read";
  }

  void answer(String twin) {
    consumers.computeIfAbsent(twin, t -> {
      feeds.serve(t);
      return vertx.eventBus().<String>consumer(address(t), this::read);
    });
  }

  void stop(String twin) {
    MessageConsumer<String> c = consumers.remove(twin);
    if (c != null) c.unregister();
    feeds.stop(twin);
  }

  private void read(Message<String> m) {
    if (!signer.admit(m)) return;
    String twin = m.address().substring("twinlab.cluster.twin.".length(), m.address().length() - ".read".length());
    var t = twins.find(twin).orElse(null);
    if (t == null) {
      m.fail(404, "twin " + twin + " does not run here");
      return;
    }
    t.snapshot().onSuccess(s -> signer.answer(m, SUMMARY.equals(m.body()) ? Views.twinSummary(s, t.twinConfig().model()) : Views.twin(s, t.twinConfig().model())))
        .onFailure(e -> m.fail(500, String.valueOf(e.getMessage())));
  }
}
