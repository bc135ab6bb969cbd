package org.twinlab.runtime.history;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.twinlab.runtime.config.HistoryConfig;

/**
 * How one twin's history is kept: which of its properties go to history, for how long, whether
 * numeric ones are downsampled to one point per interval (and by which aggregate), and on which
 * store. Alarm and lifecycle points are events, not samples: they are always kept, as they come.
 *
 * @param properties the model properties kept; the others are no longer stored
 * @param retention how long the twin's points are kept; empty keeps them as the runtime's own retention says
 * @param downsample the interval of one stored point per numeric property; empty keeps every sample
 */
public record StorageStrategy(Set<String> properties, Optional<Duration> retention, Optional<Duration> downsample,
    Aggregate aggregate, HistoryConfig.Store store) {

  /** How the samples of one interval become its one stored point. */
  public enum Aggregate {
    MEAN, MIN, MAX, LAST;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public StorageStrategy {
    properties = Set.copyOf(properties);
    if (downsample.isPresent() && (downsample.get().isZero() || downsample.get().isNegative())) {
      throw new IllegalArgumentException("downsample must be a positive interval");
    }
  }

  /** Whether points of this stored property (a model property, {@code alarm.<id>} or {@code lifecycle}) are kept. */
  public boolean keeps(String property) {
    return property.startsWith(ChangeHistory.ALARM_PREFIX) || property.equals(ChangeHistory.LIFECYCLE)
        || properties.contains(property);
  }
}
