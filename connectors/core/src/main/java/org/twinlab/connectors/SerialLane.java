package org.twinlab.connectors;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connector's tasks, run one at a time in the order given, on threads every connector
 * shares: a connection owns no thread of its own, and one waiting on its server holds up no other.
 * Timers of all connectors sit on one shared scheduler that only hands due tasks to their lane.
 */
public final class SerialLane implements Executor {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Grows while lanes wait on blocking protocol calls, shrinks to nothing when idle. */
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> daemon(r, "connector-" + THREADS.incrementAndGet()));
  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "connector-timers"));

  private final String name;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final java.util.List<ScheduledFuture<?>> timers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private boolean running;
  private volatile boolean closed;

  public SerialLane(String name) {
    this.name = name;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      if (closed) throw new RejectedExecutionException(name + " is closed");
      tasks.add(task);
      if (running) return;
      running = true;
    }
    POOL.execute(this::drain);
  }

  /** Runs a task on this lane after a delay; cancelled (or simply dropped) once the lane is closed. */
  public ScheduledFuture<?> schedule(Runnable task, long delayMs) {
    ScheduledFuture<?> f = TIMERS.schedule(() -> offer(task), delayMs, TimeUnit.MILLISECONDS);
    timers.removeIf(ScheduledFuture::isDone);
    timers.add(f);
    return f;
  }

  /** Runs a task on this lane every period, until the lane is closed. */
  public ScheduledFuture<?> repeat(Runnable task, long periodMs) {
    ScheduledFuture<?> f = TIMERS.scheduleWithFixedDelay(() -> offer(task), periodMs, periodMs, TimeUnit.MILLISECONDS);
    timers.add(f);
    return f;
  }

  private void offer(Runnable task) {
    try {
      execute(task);
    } catch (RejectedExecutionException closedMeanwhile) {
      // nothing is left to do for a closed connector
    }
  }

  /** Takes no more tasks and cancels its timers; tasks already given still run. */
  public void close() {
    closed = true;
    timers.forEach(f -> f.cancel(false));
    timers.clear();
  }

  private void drain() {
    Thread current = Thread.currentThread();
    String before = current.getName();
    current.setName(name); // a thread dump names the connector that is waiting
    try {
      while (true) {
        Runnable next;
        synchronized (this) {
          next = tasks.poll();
          if (next == null) {
            running = false;
            return;
          }
        }
        try {
          next.run();
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(SerialLane.class).warn("{}: a task failed: {}", name, e.toString(), e);
        }
      }
    } finally {
      current.setName(before);
    }
  }
}
