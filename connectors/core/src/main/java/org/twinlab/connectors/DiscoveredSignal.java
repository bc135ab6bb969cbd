package org.twinlab.connectors;

import java.util.List;

/**
 * A signal found by browsing a rig: an OPC UA node, or an MQTT topic seen on the broker.
 *
 * @param address what a binding names: an OPC UA node as {@code nsu=URI;...} (namespace indexes may
 *     change when a server restarts, URIs stay), an MQTT topic
 * @param hasChildren whether browsing this address finds more
 * @param dataType the OPC UA data type name (Float, Int16, Boolean, String, ...) or, for MQTT, the
 *     kind of payload last seen (json, text)
 * @param writable whether this client may write it (OPC UA: AccessLevel and UserAccessLevel both allow it)
 * @param readable whether this client may read it (the same for reading; MQTT: always)
 * @param value the current value of an OPC UA variable, or the last MQTT payload (cut to a few
 *     kilobytes); null for folders and objects, and when the read was not good
 * @param status the OPC UA status of that read ({@code Good}, {@code Bad_NotReadable}, ...); null
 *     when nothing was read
 * @param fields for a JSON payload, every single value in it by its JSON Pointer
 *     ({@code /motor/current} = 3.2), which a binding appends to the topic ({@code topic#/motor/current})
 */
public record DiscoveredSignal(String address, String name, String dataType, boolean writable, boolean hasChildren,
    boolean readable, Object value, String status, List<Field> fields) {
  public DiscoveredSignal {
    fields = List.copyOf(fields);
  }

  public DiscoveredSignal(String address, String name, String dataType, boolean writable, boolean hasChildren) {
    this(address, name, dataType, writable, hasChildren, !hasChildren, null, null, List.of());
  }

  /** One value inside a JSON payload: its pointer and what it held in the last payload. */
  public record Field(String pointer, Object value) {}

  /** read, write, read-write, or none; null for what is not a value (folders, objects). */
  public String access() {
    if (hasChildren && !readable && !writable) return null;
    if (readable && writable) return "read-write";
    if (readable) return "read";
    return writable ? "write" : "none";
  }
}
