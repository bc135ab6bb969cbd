package org.twinlab.runtime;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test class of this module checks an awaited condition at once, then at its poll interval.
 * Awaitility's own default waits one poll interval before the first check, so a condition already
 * true cost every wait 100 ms (and a 2 s poll, 2 s): hundreds of waits over the ITs. Bounds and
 * intervals are untouched, so every wait can still fail as before. Registered for every class by
 * JUnit's extension auto-detection ({@code junit-platform.properties}).
 */
public final class AwaitilityDefaults implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    Awaitility.setDefaultPollDelay(Duration.ZERO);
  }
}
