package org.twinlab.connectors;

import java.util.List;

/**
 * A signal found by browsing a rig: an OPC UA node, or an MQTT topic seen on the broker.
 *
 * @param address what a binding names: an OPC UA node as {@code nsu=URI;...} (namespace indexes may
 *     change when a server restarts, URIs stay), an MQTT topic
 * @param hasChildren whether browsing this address finds more
 * @param dataType the OPC UA data type name or, for MQTT, the kind of payload last seen
 * @param readable whether its value may be read (OPC UA access level; MQTT: always)
 * @param value the current value of an OPC UA variable, or the last MQTT payload (cut to a few
 *     kilobytes); null for folders and objects
 * @param pointers for a JSON payload, the JSON Pointer of every value in it ({@code /motor/current}),
 *     which a binding appends to the topic ({@code topic#/motor/current})
 */
public record DiscoveredSignal(String address, String name, String dataType, boolean writable, boolean hasChildren,
    boolean readable, Object value, List<String> pointers) {
  public DiscoveredSignal {
    pointers = List.copyOf(pointers);
  }

  public DiscoveredSignal(String address, String name, String dataType, boolean writable, boolean hasChildren) {
    this(address, name, dataType, writable, hasChildren, !hasChildren, null, List.of());
  }
}
