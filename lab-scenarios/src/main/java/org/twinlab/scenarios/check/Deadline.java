package org.twinlab.scenarios.check;

import java.time.Duration;
import java.util.Optional;
import org.twinlab.models.Localized;

/**
 * The time limit a check's window sets, told to the candidate: "by 3:00 on the exam clock",
 * "within 30 s after the alarm “Water above 80 °C” is raised", "before “Level transmitter
 * reading” reaches 490 mm".
 *
 * @param byClock the limit on the exam clock when it is one (a window that ends at start + d), so
 *     that the page can count down to it; empty when it hangs on something that has yet to happen
 */
public record Deadline(String checkId, Localized text, Optional<Duration> byClock) {

  /** The limit a check sets, or empty when its window runs to the end of the exam. */
  public static Optional<Deadline> of(String checkId, Check check, SignalNames names) {
    return DeadlineWording.of(check, names).map(w -> new Deadline(checkId, w.text(), w.byClock()));
  }
}
