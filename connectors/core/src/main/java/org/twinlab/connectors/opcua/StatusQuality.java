package org.twinlab.connectors.opcua;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.twinlab.connectors.Quality;

/** Maps an OPC UA StatusCode to a sample quality, keeping the status name as the reason. */
final class StatusQuality {
  private StatusQuality() {}

  static Quality of(StatusCode status) {
    if (status == null || status.isGood()) {
      return Quality.GOOD;
    }
    String reason = name(status);
    return status.isUncertain() ? Quality.uncertain(reason) : Quality.bad(reason);
  }

  static String name(StatusCode status) {
    return StatusCodes.lookup(status.value())
        .map(n -> n[0])
        .orElse(String.format("0x%08X", status.value()));
  }
}
