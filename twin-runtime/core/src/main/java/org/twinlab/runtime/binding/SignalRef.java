package org.twinlab.runtime.binding;

/** A signal on a named connection: an OPC UA node id or an MQTT topic with optional JSON Pointer. */
public record SignalRef(String connection, String address, double samplingMs) {}
