package org.twinlab.sim;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drives a simulator in real time: a fixed physics step on a scheduled timer, then a hook
 * (the protocol server publishing the new readings). Virtual-time tests call step() directly.
 */
public final class SimRunner implements AutoCloseable {
  private final RigSimulator sim;
  private final long stepMillis;
  private final Consumer<RigSimulator> afterStep;
  private final ScheduledExecutorService timer;
  private ScheduledFuture<?> task;

  public SimRunner(RigSimulator sim, long stepMillis, Consumer<RigSimulator> afterStep) {
    this.sim = sim;
    this.stepMillis = stepMillis;
    this.afterStep = afterStep;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sim-" + sim.model());
      t.setDaemon(true);
      return t;
    });
  }

  public synchronized void start() {
    if (task != null) return;
    task = timer.scheduleAtFixedRate(this::tick, stepMillis, stepMillis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      sim.step(stepMillis / 1000.0);
      afterStep.accept(sim);
    } catch (RuntimeException e) {
      // one bad step must not stop the rig; the next tick tries again
      org.slf4j.LoggerFactory.getLogger(SimRunner.class).warn("simulation step failed", e);
    }
  }

  @Override
  public synchronized void close() {
    if (task != null) task.cancel(false);
    timer.shutdownNow();
  }
}
