package org.twinlab.cli;

import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.twinlab.runtime.TwinRuntime;
import org.twinlab.runtime.config.LabConfig;

/** Runs the runtime in this process until Ctrl-C, then stops it cleanly before anything else closes. */
final class RuntimeHost {
  private RuntimeHost() {}

  /**
   * @param announce what to print once the runtime listens, given the port
   * @param afterStop closed when the runtime has stopped (the demo's simulators), may be null
   */
  static int run(LabConfig config, java.util.function.IntConsumer announce, AutoCloseable afterStop) throws Exception {
    return run(config, twin -> null, rt -> announce.accept(rt.port()), afterStop);
  }

  /**
   * @param simulators the simulators standing in for rigs, by twin id (the demo's)
   * @param announce what to do and print once the runtime listens
   */
  static int run(LabConfig config, java.util.function.Function<String, org.twinlab.sim.RigSimulator> simulators,
      java.util.function.Consumer<TwinRuntime> announce, AutoCloseable afterStop) throws Exception {
    Vertx vertx = Vertx.vertx();
    TwinRuntime runtime;
    try {
      runtime = TwinRuntime.start(vertx, config, simulators).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      vertx.close();
      if (afterStop != null) afterStop.close();
      System.err.println("twinlab could not start: " + e.getCause().getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping");
      try {
        runtime.stop().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        if (afterStop != null) afterStop.close();
      } catch (Exception e) {
        System.err.println("stopping: " + e);
      }
      stopped.countDown();
    }, "twinlab-shutdown"));
    announce.accept(runtime);
    stopped.await();
    return 0;
  }

  /** One node of a clustered lab in this process until Ctrl-C, which stops its runtime and leaves the cluster. */
  static int runClustered(LabConfig config, org.twinlab.runtime.cluster.ClusterConfig cluster, java.util.function.IntConsumer announce)
      throws Exception {
    org.twinlab.runtime.cluster.ClusteredLab lab;
    try {
      lab = org.twinlab.runtime.cluster.ClusteredLab.start(config, cluster).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      System.err.println("twinlab could not start: " + e.getCause().getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping");
      try {
        lab.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("stopping: " + e);
      }
      stopped.countDown();
    }, "twinlab-shutdown"));
    announce.accept(lab.runtime().port());
    stopped.await();
    return 0;
  }
}
