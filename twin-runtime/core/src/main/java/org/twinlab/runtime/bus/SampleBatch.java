package org.twinlab.runtime.bus;

import java.util.List;
import org.twinlab.connectors.Sample;

/** Samples from one connector for one twin, as they arrived together. */
public record SampleBatch(String twin, List<Sample> samples) {
  public SampleBatch {
    samples = List.copyOf(samples);
  }
}
