package org.twinlab.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an outside peer (Mosquitto, node-opcua, Docker) skip with a message where the
 * peer is missing on a developer's machine, and fail where TWINLAB_REQUIRE_PEERS=1 (as in CI),
 * so a broken install can never pass as a skipped test.
 */
public final class Peers {
  private Peers() {}

  public static void require(boolean available, String what, String howToGetIt) {
    if (available) return;
    String message = what + " is not available here: " + howToGetIt;
    if ("1".equals(System.getenv("TWINLAB_REQUIRE_PEERS"))) {
      Assertions.fail(message + " (TWINLAB_REQUIRE_PEERS=1)");
    }
    System.out.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }
}
