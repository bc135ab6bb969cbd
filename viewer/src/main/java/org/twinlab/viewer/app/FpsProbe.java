package org.twinlab.viewer.app;

import com.jme3.app.Application;
import com.jme3.app.state.BaseAppState;
import java.util.function.DoubleConsumer;

/** Counts frames for a while, after a second to settle, and reports frames per second. */
final class FpsProbe extends BaseAppState {
  private static final long SETTLE_NANOS = 1_000_000_000L;
  private final long measureNanos;
  private final DoubleConsumer result;
  private long started = -1;
  private long counting = -1;
  private int frames;
  private boolean done;

  FpsProbe(int seconds, DoubleConsumer result) {
    this.measureNanos = seconds * 1_000_000_000L;
    this.result = result;
  }

  @Override
  public void update(float tpf) {
    long now = System.nanoTime();
    if (started < 0) started = now;
    if (done || now - started < SETTLE_NANOS) return;
    if (counting < 0) {
      counting = now;
      return;
    }
    frames++;
    if (now - counting >= measureNanos) {
      done = true;
      result.accept(frames / ((now - counting) / 1e9));
    }
  }

  @Override
  protected void initialize(Application app) {
  }

  @Override
  protected void cleanup(Application app) {
  }

  @Override
  protected void onEnable() {
  }

  @Override
  protected void onDisable() {
  }
}
