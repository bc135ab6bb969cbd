package org.twinlab.bench;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.twinlab.connectors.Sample;
import org.twinlab.runtime.bus.SampleBatch;

/**
 * Notes when the runtime's connectors hand over each rig's values, so a follower can tell how long
 * the runtime took from there to its event. Every value of one rig's step carries that step's
 * wall-clock stamp, so (rig, stamp) names a step; the first hand-over of a step counts. Sits on the
 * event bus as an outbound interceptor: it sees each batch as the connector sends it, on the
 * connector's thread, and counts the samples handed over.
 */
final class LatencyProbe implements Handler<DeliveryContext<Object>>, AutoCloseable {
  private static final String RIG = "rig-";
  private final EventBus bus;
  private final ConcurrentHashMap<Long, Long> handedOver = new ConcurrentHashMap<>();
  final LongAdder samples = new LongAdder();

  LatencyProbe(EventBus bus) {
    this.bus = bus;
    bus.addOutboundInterceptor(this);
  }

  @Override
  public void handle(DeliveryContext<Object> ctx) {
    if (ctx.message().body() instanceof SampleBatch batch && batch.twin().startsWith(RIG)) {
      long now = System.nanoTime();
      int rig = Integer.parseInt(batch.twin(), RIG.length(), batch.twin().length(), 10);
      List<Sample> list = batch.samples();
      samples.add(list.size());
      long last = Long.MIN_VALUE;
      for (Sample s : list) {
        if (!(s.value() instanceof Number v)) continue;
        long stamp = (long) v.doubleValue();
        if (stamp != last) handedOver.putIfAbsent(key(rig, stamp), now);
        last = stamp;
      }
    }
    ctx.next();
  }

  /** When the connector handed over the step of this rig stamped so, in nanoTime, or null if it did not. */
  Long handedOver(int rig, long stamp) {
    return handedOver.get(key(rig, stamp));
  }

  /** Forgets steps stamped before this wall-clock time, so a long run holds only its recent steps. */
  void forgetBefore(long stampMillis) {
    handedOver.keySet().removeIf(k -> (k >> 10) < stampMillis);
  }

  private static long key(int rig, long stamp) {
    return (stamp << 10) | (rig & 1023);
  }

  @Override
  public void close() {
    bus.removeOutboundInterceptor(this);
  }
}
