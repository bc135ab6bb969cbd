package org.twinlab.runtime.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.twinlab.runtime.TwinRuntime;

/**
 * Keeps each twin of the lab owned by exactly one living node. The owners are one cluster-wide map
 * (twin to node name); only the oldest member changes it, and only with a compare-and-set, so two
 * nodes that both think themselves oldest for a moment cannot give one twin two owners. Every node
 * runs what the map gives it and stops what it no longer gives it. It looks again on every change
 * of membership and once a second.
 */
final class Ownership {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Ownership.class);
  static final String OWNERS = "twinlab.owners";
  private static final long EVERY_MS = 1_000;
  private final Vertx vertx;
  private final HazelcastInstance hz;
  private final ClusterConfig config;
  private final TwinRuntime runtime;
  private final TwinAnswers answers;
  private final List<String> twins;
  private final OwnerView view;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final long startedNanos = System.nanoTime();
  /** When each twin was seen without a living owner here, to log how long taking it over took. */
  private final Map<String, Long> orphanedSince = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean stopped;
  private IMap<String, String> owners;
  private UUID listener;
  private long timer = -1;

  /** @param twins the twins the cluster places: those of the lab's configuration */
  Ownership(Vertx vertx, HazelcastInstance hz, ClusterConfig config, TwinRuntime runtime, TwinAnswers answers, List<String> twins,
      OwnerView view) {
    this.view = view;
    this.vertx = vertx;
    this.hz = hz;
    this.config = config;
    this.runtime = runtime;
    this.answers = answers;
    this.twins = List.copyOf(twins);
  }

  void start() {
    owners = hz.getMap(OWNERS);
    listener = hz.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {
        LOG.info("node {} joined the cluster", node(e.getMember()));
        look();
      }

      @Override
      public void memberRemoved(MembershipEvent e) {
        LOG.warn("node {} left the cluster: its twins move to the nodes that remain", node(e.getMember()));
        look();
      }
    });
    timer = vertx.setPeriodic(EVERY_MS, t -> look());
    look();
  }

  void stop() {
    stopped = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    try {
      if (listener != null) hz.getCluster().removeMembershipListener(listener);
    } catch (RuntimeException e) {
      // the member is shutting down already
    }
  }

  /** The owners now, twin to node (for the cluster's status). */
  Map<String, String> owners() {
    return owners == null ? Map.of() : new HashMap<>(owners);
  }

  private static String node(Member m) {
    String name = m.getAttribute(HazelcastSetup.NODE_ATTRIBUTE);
    return name == null ? m.getAddress().toString() : name;
  }

  /** One look at a time: the map is read and changed on a worker, the twins moved from there. */
  private void look() {
    if (stopped || !busy.compareAndSet(false, true)) return;
    vertx.executeBlocking(this::decide, false).compose(this::follow).onComplete(r -> {
      busy.set(false);
      if (r.failed() && !stopped) LOG.warn("placing twins: {}", r.cause().toString());
    });
  }

  /** On a worker: the oldest member moves the twins that need it; every member reads what it owns. */
  private Set<String> decide() {
    Set<Member> members = hz.getCluster().getMembers();
    Set<String> live = new TreeSet<>();
    members.forEach(m -> live.add(node(m)));
    if (live.size() < members.size()) LOG.error("two members of the cluster call themselves the same node: give each its own name in cluster.yaml");
    Map<String, String> now = new HashMap<>(owners);
    long now_ = System.nanoTime();
    for (String twin : twins) {
      String owner = now.get(twin);
      if (owner == null || !live.contains(owner)) orphanedSince.putIfAbsent(twin, now_);
      else if (!owner.equals(config.node())) orphanedSince.remove(twin);
    }
    if (members.iterator().next().localMember()) {
      boolean waitOver = now_ - startedNanos >= config.placementWaitSeconds() * 1_000_000_000L;
      Placement.moves(twins, now, live, config, waitOver).forEach((twin, next) -> {
        String old = now.get(twin);
        boolean moved = old == null ? owners.putIfAbsent(twin, next) == null : owners.replace(twin, old, next);
        if (moved) LOG.info("twin {}: owner {} -> {}", twin, old == null ? "none" : old, next);
      });
    }
    Map<String, String> after = new HashMap<>(owners);
    view.seen(after);
    return Placement.ownedBy(config.node(), after.entrySet());
  }

  /** Runs the twins this node owns and stops those it no longer does. */
  private Future<Void> follow(Set<String> mine) {
    List<Future<Void>> moves = new ArrayList<>();
    for (String twin : mine) {
      if (runtime.twins().has(twin)) {
        orphanedSince.remove(twin);
        continue;
      }
      moves.add(runtime.adopt(twin).onSuccess(v -> {
        answers.answer(twin);
        Long since = orphanedSince.remove(twin);
        if (since != null) LOG.info("took twin {} over in {} ms", twin, (System.nanoTime() - since) / 1_000_000);
      }));
    }
    for (String twin : twins) {
      if (!mine.contains(twin) && runtime.twins().has(twin)) {
        answers.stop(twin);
        moves.add(runtime.release(twin));
      }
    }
    // a twin that runs here without having been adopted through this (none, today) still answers
    mine.forEach(t -> {
      if (runtime.twins().has(t)) answers.answer(t);
    });
    return Future.all(moves).mapEmpty();
  }
}
