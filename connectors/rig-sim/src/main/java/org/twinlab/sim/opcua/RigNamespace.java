package org.twinlab.sim.opcua;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.twinlab.sim.Reading;
import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.SimSignal;
import org.twinlab.sim.WriteOutcome;

/**
 * A PLC-like address space for one simulated rig: Objects/DataBlocksGlobal/&lt;block&gt;/&lt;group&gt;
 * holding variables with S7-style symbolic string ids ({@code "DB_Sorting"."Belt"."Speed"}).
 * Client writes go to the simulator, which may refuse them as a PLC program would.
 */
final class RigNamespace extends ManagedNamespaceWithLifecycle {
  static final String URI = "urn:twinlab:plc";

  private final RigSimulator sim;
  private final SubscriptionModel subscriptions;
  private final Map<String, UaVariableNode> nodes = new LinkedHashMap<>();
  private final Map<String, Reading> published = new HashMap<>();

  RigNamespace(OpcUaServer server, RigSimulator sim) {
    super(server, URI);
    this.sim = sim;
    this.subscriptions = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptions);
    getLifecycleManager().addStartupTask(this::build);
  }

  private void build() {
    UaFolderNode root = folder("DataBlocksGlobal", "DataBlocksGlobal");
    root.addReference(new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    Map<String, UaFolderNode> folders = new HashMap<>();
    for (SimSignal s : sim.signals()) {
      String blockId = "\"" + s.block() + "\"";
      UaFolderNode block = folders.computeIfAbsent(blockId, id -> {
        UaFolderNode f = folder(id, s.block());
        root.addOrganizes(f);
        return f;
      });
      String groupId = blockId + ".\"" + s.group() + "\"";
      UaFolderNode group = folders.computeIfAbsent(groupId, id -> {
        UaFolderNode f = folder(id, s.group());
        block.addOrganizes(f);
        return f;
      });
      UaVariableNode node = variable(s);
      group.addOrganizes(node);
      nodes.put(s.path(), node);
    }
    publish(sim.read());
  }

  private UaFolderNode folder(String id, String name) {
    UaFolderNode f = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name), LocalizedText.english(name));
    getNodeManager().addNode(f);
    return f;
  }

  private UaVariableNode variable(SimSignal s) {
    var access = s.writable() ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY;
    UaVariableNode.UaVariableNodeBuilder b = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
        .setNodeId(newNodeId(s.symbol()))
        .setAccessLevel(access)
        .setUserAccessLevel(access)
        .setBrowseName(newQualifiedName(s.tag()))
        .setDisplayName(LocalizedText.english(s.tag()))
        .setDescription(LocalizedText.english(s.path()))
        .setDataType(PlcTypes.dataType(s.type()))
        .setTypeDefinition(NodeIds.BaseDataVariableType)
        .setMinimumSamplingInterval(10.0);
    if (s.writable()) b.addAttributeFilter(new WriteToSimulator(s));
    UaVariableNode node = b.build();
    getNodeManager().addNode(node);
    return node;
  }

  /** Pushes readings that changed into the nodes; subscribers see them at their next sample. */
  void publish(Map<String, Reading> readings) {
    DateTime now = DateTime.now();
    readings.forEach((path, r) -> {
      UaVariableNode node = nodes.get(path);
      if (node == null || Objects.equals(published.get(path), r)) return;
      published.put(path, r);
      SimSignal s = sim.signal(path).orElseThrow();
      node.setValue(r.ok()
          ? new DataValue(PlcTypes.variant(s.type(), r.value()), StatusCode.GOOD, now)
          : new DataValue(org.eclipse.milo.opcua.stack.core.types.builtin.Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_SensorFailure), now));
    });
  }

  List<String> nodeIds() {
    return nodes.values().stream().map(n -> n.getNodeId().toParseableString()).toList();
  }

  @Override
  public void onDataItemsCreated(List<DataItem> items) {
    subscriptions.onDataItemsCreated(items);
  }

  @Override
  public void onDataItemsModified(List<DataItem> items) {
    subscriptions.onDataItemsModified(items);
  }

  @Override
  public void onDataItemsDeleted(List<DataItem> items) {
    subscriptions.onDataItemsDeleted(items);
  }

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> items) {
    subscriptions.onMonitoringModeChanged(items);
  }

  /** Hands a client's write to the simulator; a refusal becomes the write's bad status. */
  private final class WriteToSimulator implements AttributeFilter {
    private final SimSignal signal;

    WriteToSimulator(SimSignal signal) {
      this.signal = signal;
    }

    @Override
    public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value) throws UaException {
      if (attributeId != AttributeId.Value || !(value instanceof DataValue dv)) {
        ctx.writeAttribute(attributeId, value);
        return;
      }
      WriteOutcome outcome = sim.write(signal.path(), PlcTypes.fromVariant(dv.value()));
      if (!outcome.accepted()) {
        throw new UaException(StatusCodes.Bad_OutOfRange, outcome.reason());
      }
      ctx.writeAttribute(attributeId, new DataValue(dv.value(), StatusCode.GOOD, DateTime.now()));
    }
  }
}
