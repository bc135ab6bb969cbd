package org.twinlab.runtime.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.Set;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.TwinConfig;

/**
 * One node of a clustered lab: a clustered Vert.x on Hazelcast, the runtime with none of the lab's
 * twins at first, and the ownership that gives it its share of them and takes over a dead node's.
 */
public final class ClusteredLab {
  private final Vertx vertx;
  private final TwinRuntime runtime;
  private final Ownership ownership;
  private CallAnswers calls;

  private ClusteredLab(Vertx vertx, TwinRuntime runtime, Ownership ownership) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.ownership = ownership;
  }

  /** Joins the cluster and starts this node's runtime; fails (and leaves) when either cannot. */
  public static Future<ClusteredLab> start(LabConfig lab, ClusterConfig cluster) {
    HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSetup.config(cluster));
    EventBusOptions bus = new EventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host());
    cluster.tls().ifPresent(tls -> bus.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.cert().toString()).setKeyPath(tls.key().toString()))
        // only the lab's CA: a machine without a certificate it signed cannot connect, in either direction
        .setTrustOptions(new PemTrustOptions().addCertPath(tls.ca().toString()))
        .setClientAuth(ClientAuth.REQUIRED));
    VertxOptions options = new VertxOptions().setEventBusOptions(bus);
    List<String> placed = lab.twins().stream().map(TwinConfig::id).toList();
    Set<String> clustered = Set.copyOf(placed);
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered().compose(vertx -> {
      HazelcastInstance hz = manager.getHazelcastInstance();
      OwnerView view = new OwnerView();
      // every message to and from other nodes is signed with the lab secret; alone, a key of its own trusts nobody
      MessageSigner signer = new MessageSigner(cluster.secret().orElseGet(LabSecret::ownOnly), cluster.node(), java.time.Clock.systemUTC());
      Future<TwinRuntime> started = startRuntime(vertx, lab, cluster, clustered, placed, view, signer);
      return started.map(rt -> {
        TwinAnswers answers = new TwinAnswers(vertx, rt.twins(), new FeedRelay(vertx, rt.api().feedExport(), signer), signer);
        Ownership ownership = new Ownership(vertx, hz, cluster, rt, answers, placed, view);
        ownership.start();
        ClusteredLab node = new ClusteredLab(vertx, rt, ownership);
        node.calls = new CallAnswers(vertx, cluster.node(), rt.api(), signer);
        return node;
      }).recover(e -> vertx.close().transform(x -> Future.failedFuture(e)));
    });
  }

  private static Future<TwinRuntime> startRuntime(Vertx vertx, LabConfig lab, ClusterConfig cluster, Set<String> clustered, List<String> placed,
      OwnerView view, MessageSigner signer) {
    // the lab's twins run where the cluster places them; a twin package installed on this node runs here
    java.util.concurrent.atomic.AtomicReference<TwinRuntime> self = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.function.Predicate<String> here = id -> self.get() != null && self.get().twins().has(id);
    // the feed turns to this node's own channel once the twin is served here, not while it is still being deployed
    java.util.function.Predicate<String> served = id -> self.get() != null && self.get().twins().find(id).isPresent();
    RemoteReads remote = new RemoteReads(vertx, placed, here, new FeedLinks(vertx, cluster.node(), served, signer), view, cluster.node(), signer);
    // putting the runtime together reads files (the scenario library, accounts): on a worker, as serve does on its main thread
    return vertx.executeBlocking(() -> TwinRuntime.start(vertx, lab, id -> !clustered.contains(id), remote), false)
        .compose(started -> started).onSuccess(self::set);
  }

  public TwinRuntime runtime() {
    return runtime;
  }

  /** Who owns which twin now, as this node sees the cluster's map. */
  public java.util.Map<String, String> owners() {
    return ownership.owners();
  }

  /** Stops placing, stops the runtime, then leaves the cluster (the twins it ran move to the others). */
  public Future<Void> stop() {
    ownership.stop();
    if (calls != null) calls.stop();
    return runtime.stop().eventually(vertx::close);
  }
}
