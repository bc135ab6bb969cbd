package org.twinlab.connectors.opcua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/** Reads the NodeClass, DataType and UserAccessLevel of named nodes, split by MaxNodesPerRead. */
final class NodeInspector {
  private static final AttributeId[] ATTRIBUTES = {AttributeId.NodeClass, AttributeId.DataType, AttributeId.UserAccessLevel};

  private final OpcUaClient client;

  NodeInspector(OpcUaClient client) {
    this.client = client;
  }

  List<NodeFacts> inspect(List<String> addresses) throws UaException {
    NamespaceTable namespaces = client.getNamespaceTable();
    List<NodeId> nodes = new ArrayList<>();
    List<ReadValueId> reads = new ArrayList<>();
    for (String a : addresses) {
      NodeId node = NodeAddress.resolve(a, namespaces).orElse(null);
      nodes.add(node);
      if (node == null) continue;
      for (AttributeId attribute : ATTRIBUTES) reads.add(new ReadValueId(node, attribute.uid(), null, QualifiedName.NULL_VALUE));
    }
    long limit = client.getOperationLimits().maxNodesPerRead().map(Number::longValue).orElse(0L);
    List<DataValue> values = new ArrayList<>();
    for (List<ReadValueId> part : Partitions.of(reads, limit)) {
      if (!part.isEmpty()) values.addAll(List.of(client.read(0, TimestampsToReturn.Neither, part).getResults()));
    }
    List<NodeFacts> out = new ArrayList<>();
    int at = 0;
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i);
      if (nodes.get(i) == null) {
        out.add(NodeFacts.missing(address, "the server has no namespace for " + address + ", or it is not a node id"));
        continue;
      }
      out.add(facts(address, values.get(at), values.get(at + 1), values.get(at + 2)));
      at += ATTRIBUTES.length;
    }
    return out;
  }

  private NodeFacts facts(String address, DataValue nodeClass, DataValue dataType, DataValue access) {
    if (!nodeClass.statusCode().isGood()) {
      return NodeFacts.missing(address, "no such node on the server (" + StatusQuality.name(nodeClass.statusCode()) + ")");
    }
    Object cls = nodeClass.value().getValue();
    NodeClass kind = cls instanceof Number n ? NodeClass.from(n.intValue()) : cls instanceof NodeClass c ? c : null;
    if (kind != NodeClass.Variable) {
      return NodeFacts.missing(address, "the node is " + (kind == null ? "not a variable" : "of class " + kind.name() + ", not a variable"));
    }
    String typeName = "Unknown";
    Optional<String> builtIn = Optional.empty();
    if (dataType.value().getValue() instanceof NodeId type) {
      typeName = type.toParseableString();
      try {
        var tree = client.getDataTypeTree();
        var info = tree.getDataType(type);
        if (info != null) typeName = info.getBrowseName().name();
        OpcUaDataType base = tree.getBuiltinType(type);
        if (base != null) builtIn = Optional.of(base.name());
      } catch (UaException | RuntimeException e) {
        OpcUaDataType base = OpcUaDataType.fromNodeId(type);
        if (base != null) builtIn = Optional.of(base.name());
      }
    }
    Set<AccessLevel> level = access.value().getValue() instanceof UByte b ? AccessLevel.fromValue(b) : Set.of();
    return new NodeFacts(address, Optional.empty(), typeName, builtIn, level.contains(AccessLevel.CurrentRead),
        level.contains(AccessLevel.CurrentWrite));
  }
}
