package org.twinlab.connectors.opcua;

import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Resolves a node address to a NodeId. {@code nsu=URI;...} is preferred in configurations: a
 * server may renumber its namespaces when it restarts, its URIs stay.
 */
public final class NodeAddress {
  private NodeAddress() {}

  static Optional<NodeId> resolve(String address, NamespaceTable namespaces) {
    try {
      if (address.startsWith("nsu=")) {
        return ExpandedNodeId.parse(address).toNodeId(namespaces);
      }
      return NodeId.parseSafe(address);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The address to write in a binding: {@code nsu=URI;s=...} for a server's own namespaces, the plain
   * id for the standard one (namespace 0).
   */
  static String portable(NodeId node, NamespaceTable namespaces) {
    if (node.getNamespaceIndex().intValue() == 0) return node.toParseableString();
    String uri = namespaces.get(node.getNamespaceIndex());
    if (uri == null) return node.toParseableString();
    String id = node.toParseableString();
    return "nsu=" + uri + ";" + id.substring(id.indexOf(';') + 1);
  }

  /**
   * The string identifier of the node an address names, when it names one in the given namespace:
   * by its URI in the {@code nsu=} form, by its index in the {@code ns=} form. Lets code that knows
   * one server's namespace (a simulated rig) read addresses without the OPC UA stack.
   */
  public static Optional<String> stringIdentifierIn(String address, String namespaceUri, int namespaceIndex) {
    try {
      ExpandedNodeId id = ExpandedNodeId.parse(address);
      boolean ours = address.startsWith("nsu=")
          ? namespaceUri.equals(id.getNamespaceUri())
          : id.getNamespaceIndex().intValue() == namespaceIndex;
      return ours && id.getIdentifier() instanceof String symbol ? Optional.of(symbol) : Optional.empty();
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  /** Whether an address parses as a node id, before any server is asked. */
  public static boolean isWellFormed(String address) {
    try {
      return address.startsWith("nsu=") ? ExpandedNodeId.parse(address) != null : NodeId.parseSafe(address).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
