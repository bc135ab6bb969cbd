package org.twinlab.connectors;

/**
 * A signal to receive.
 *
 * @param signal the subscriber's id for it, echoed in every {@link Sample}
 * @param address protocol address: an OPC UA node id ({@code ns=3;s=...} or {@code nsu=URI;s=...}),
 *     or an MQTT topic filter with an optional JSON Pointer ({@code lab/+/telemetry#/vibration/x})
 * @param samplingIntervalMs how often the server should sample (OPC UA); ignored by MQTT
 * @param deadband absolute deadband; changes smaller than this are not reported (0 = every change)
 */
public record SignalRequest(String signal, String address, double samplingIntervalMs, double deadband) {
  public SignalRequest {
    if (samplingIntervalMs < 0 || deadband < 0) {
      throw new IllegalArgumentException("sampling interval and deadband cannot be negative");
    }
  }

  public static SignalRequest of(String signal, String address) {
    return new SignalRequest(signal, address, 100, 0);
  }
}
