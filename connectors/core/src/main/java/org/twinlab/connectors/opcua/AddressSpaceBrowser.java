package org.twinlab.connectors.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.List;
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
 * and tells for each variable its data type and whether it is writable.
 */
final class AddressSpaceBrowser {
  private final OpcUaClient client;

  AddressSpaceBrowser(OpcUaClient client) {
    this.client = client;
  }

  List<DiscoveredSignal> browse(String address) throws UaException {
    NamespaceTable namespaces = client.getNamespaceTable();
    NodeId start = address == null || address.isBlank() ? NodeIds.ObjectsFolder
        : NodeAddress.resolve(address, namespaces).orElseThrow(() -> new IllegalArgumentException("'" + address + "' is not a node id"));
    List<ReferenceDescription> refs = references(start);
    List<NodeId> ids = new ArrayList<>();
    for (ReferenceDescription r : refs) {
      ids.add(r.getNodeId().toNodeId(namespaces).orElse(NodeId.NULL_VALUE));
    }
    List<DataValue> types = readAttribute(ids, refs, AttributeId.DataType);
    List<DataValue> access = readAttribute(ids, refs, AttributeId.UserAccessLevel);
    List<DataValue> values = readAttribute(ids, refs, AttributeId.Value);
    List<DiscoveredSignal> out = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      ReferenceDescription r = refs.get(i);
      boolean variable = r.getNodeClass() == NodeClass.Variable;
      String type = variable ? dataTypeName(types.get(i)) : r.getNodeClass().name();
      var level = access.get(i).value().getValue() instanceof UByte b ? AccessLevel.fromValue(b) : java.util.Set.<AccessLevel>of();
      boolean writable = variable && level.contains(AccessLevel.CurrentWrite);
      boolean readable = variable && level.contains(AccessLevel.CurrentRead);
      Object value = readable && values.get(i).statusCode().isGood() ? Values.toJava(values.get(i).value()) : null;
      out.add(new DiscoveredSignal(NodeAddress.portable(ids.get(i), namespaces), r.getBrowseName().name(), type, writable,
          !variable, readable, value, List.of()));
    }
    return out;
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

  /** Reads one attribute of the variables among the nodes, split by MaxNodesPerRead. */
  private List<DataValue> readAttribute(List<NodeId> ids, List<ReferenceDescription> refs, AttributeId attribute) throws UaException {
    List<ReadValueId> reads = new ArrayList<>();
    for (NodeId id : ids) reads.add(new ReadValueId(id, attribute.uid(), null, QualifiedName.NULL_VALUE));
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
