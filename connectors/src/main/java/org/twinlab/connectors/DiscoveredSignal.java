package org.twinlab.connectors;

/**
 * A signal found by browsing a rig: an OPC UA node, or an MQTT topic seen on the broker.
 *
 * @param hasChildren whether browsing this address finds more
 * @param dataType the OPC UA data type name or, for MQTT, the kind of payload last seen
 */
public record DiscoveredSignal(String address, String name, String dataType, boolean writable, boolean hasChildren) {}
