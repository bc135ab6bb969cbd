package org.twinlab.bench;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.connectors.ConnectorListener;
import org.twinlab.connectors.Sample;

/**
 * A bare connector's listener: counts samples and keeps their age on arrival (each value is the
 * rig's wall-clock stamp in milliseconds) while measuring, and nothing else.
 */
final class ArrivalRecorder implements ConnectorListener {
  final LongAdder count = new LongAdder();
  final Latencies ages;
  volatile boolean measuring;

  ArrivalRecorder(long capacity) {
    ages = new Latencies(capacity);
  }

  @Override
  public void onSamples(List<Sample> samples) {
    if (!measuring) return;
    long nowMicros = System.currentTimeMillis() * 1000;
    count.add(samples.size());
    for (Sample s : samples) {
      if (s.value() instanceof Number v) ages.add(nowMicros - (long) (v.doubleValue() * 1000));
    }
  }

  @Override
  public void onStateChanged(ConnectionEvent event) {}
}
