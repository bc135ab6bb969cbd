package org.twinlab.connectors.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.twinlab.connectors.DiscoveredSignal;

/**
 * Lists the children of one node (Objects when none is given), following continuation points,
 * and tells for each variable its data type, what this client may do with it and its current value.
 */
final class AddressSpaceBrowser {
  /** What is read of each variable, in this order. */
  private static final AttributeId[] FACTS = {AttributeId.DataType, AttributeId.AccessLevel, AttributeId.UserAccessLevel, AttributeId.Value};
  private final OpcUaClient client;

  AddressSpaceBrowser(OpcUaClient client) {
    this.client = client;
  }

  List<DiscoveredSignal> browse(String address) throws UaException {
    NamespaceTable namespaces = client.getNamespaceTable();
    NodeId start = address == null || address.isBlank() ? NodeIds.ObjectsFolder
        : NodeAddress.resolve(address, namespaces).orElseThrow(() -> new IllegalArgumentException("'" + address + "' is not a node id"));
    List<ReferenceDescription> refs = references(start);
    List<NodeId> variables = new ArrayList<>();
    for (ReferenceDescription r : refs) {
      if (r.getNodeClass() == NodeClass.Variable) variables.add(r.getNodeId().toNodeId(namespaces).orElse(NodeId.NULL_VALUE));
    }
    List<DataValue> facts = readFacts(variables);
    List<DiscoveredSignal> out = new ArrayList<>();
    int v = 0;
    for (ReferenceDescription r : refs) {
      NodeId id = r.getNodeId().toNodeId(namespaces).orElse(NodeId.NULL_VALUE);
      String portable = NodeAddress.portable(id, namespaces);
      String name = r.getBrowseName().name();
      if (r.getNodeClass() != NodeClass.Variable) {
        out.add(new DiscoveredSignal(portable, name, r.getNodeClass().name(), false, true, false, null, null, List.of()));
        continue;
      }
      int at = FACTS.length * v++;
      Set<AccessLevel> level = effectiveAccess(facts.get(at + 1), facts.get(at + 2));
      boolean readable = level.contains(AccessLevel.CurrentRead);
      DataValue value = facts.get(at + 3);
      Object current = readable && value.statusCode() != null && !value.statusCode().isBad() ? Values.toJava(value.value()) : null;
      String status = readable ? StatusQuality.name(value.statusCode() == null ? StatusCode.GOOD : value.statusCode()) : null;
      out.add(new DiscoveredSignal(portable, name, dataTypeName(facts.get(at)), level.contains(AccessLevel.CurrentWrite), false,
          readable, current, status, List.of()));
    }
    return out;
  }

  /** What this client may do: the node's AccessLevel narrowed by this user's UserAccessLevel. */
  private static Set<AccessLevel> effectiveAccess(DataValue accessLevel, DataValue userAccessLevel) {
    Set<AccessLevel> level = EnumSet.noneOf(AccessLevel.class);
    if (accessLevel.value().getValue() instanceof UByte b) level.addAll(AccessLevel.fromValue(b));
    // a server that does not tell the user's level leaves the node's own
    if (userAccessLevel.value().getValue() instanceof UByte u) level.retainAll(AccessLevel.fromValue(u));
    return level;
  }

  private List<ReferenceDescription> references(NodeId start) throws UaException {
    BrowseDescription bd = new BrowseDescription(start, BrowseDirection.Forward, NodeIds.HierarchicalReferences, true,
        uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue()), uint(BrowseResultMask.All.getValue()));
    BrowseResult result = client.browse(bd);
    if (result.getStatusCode().isBad()) {
      throw new UaException(result.getStatusCode(), "browse of " + start.toParseableString() + " failed");
    }
    List<ReferenceDescription> refs = new ArrayList<>(List.of(orEmpty(result.getReferences())));
    ByteString next = result.getContinuationPoint();
    while (next != null && next.isNotNull()) {
      BrowseResult more = client.browseNext(false, List.of(next)).getResults()[0];
      refs.addAll(List.of(orEmpty(more.getReferences())));
      next = more.getContinuationPoint();
    }
    return refs;
  }

  /**
   * Reads DataType, AccessLevel, UserAccessLevel and Value of every variable in one Read (or as few
   * as the server's MaxNodesPerRead allows), not one round trip per node: a page of a PLC's data
   * block answers in the time of one.
   */
  private List<DataValue> readFacts(List<NodeId> ids) throws UaException {
    List<ReadValueId> reads = new ArrayList<>();
    for (NodeId id : ids) {
      for (AttributeId a : FACTS) reads.add(new ReadValueId(id, a.uid(), null, QualifiedName.NULL_VALUE));
    }
    long limit = client.getOperationLimits().maxNodesPerRead().map(Number::longValue).orElse(0L);
    List<DataValue> out = new ArrayList<>();
    for (List<ReadValueId> part : Partitions.of(reads, limit)) {
      if (part.isEmpty()) continue;
      out.addAll(List.of(client.read(0, TimestampsToReturn.Neither, part).getResults()));
    }
    return out;
  }

  private String dataTypeName(DataValue dv) {
    if (!(dv.value().getValue() instanceof NodeId type)) return "Unknown";
    try {
      var info = client.getDataTypeTree().getDataType(type);
      return info != null ? info.getBrowseName().name() : type.toParseableString();
    } catch (UaException e) {
      return type.toParseableString();
    }
  }

  private static ReferenceDescription[] orEmpty(ReferenceDescription[] refs) {
    return refs == null ? new ReferenceDescription[0] : refs;
  }
}
