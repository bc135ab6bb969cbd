package org.twinlab.models.yaml;

import java.util.IdentityHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Counts the nodes a document stands for once its aliases are followed, without following them:
 * each node's count is kept, so a few dozen aliases of aliases (a "billion laughs") cost as little
 * to count as they took to write, and a document that would expand past the limit is refused
 * before any reader walks it.
 */
final class ExpansionLimit {
  /** Far more than any model, binding or scenario holds once its anchors are followed. */
  static final long MAX_NODES = 200_000;

  private final Map<Node, Long> counted = new IdentityHashMap<>();

  private ExpansionLimit() {}

  /** Whether the document, its aliases followed, has more nodes than the limit. */
  static boolean exceeded(Node root) {
    return new ExpansionLimit().count(root) > MAX_NODES;
  }

  private long count(Node node) {
    Long known = counted.get(node);
    if (known != null) return known;
    counted.put(node, 1L); // a node that holds itself counts once, not forever
    long n = 1;
    if (node instanceof SequenceNode s) {
      for (Node child : s.getValue()) n = Math.addExact(n, count(child));
    } else if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) n = Math.addExact(n, Math.addExact(count(t.getKeyNode()), count(t.getValueNode())));
    }
    n = Math.min(n, MAX_NODES + 1); // enough to know it is too many
    counted.put(node, n);
    return n;
  }
}
