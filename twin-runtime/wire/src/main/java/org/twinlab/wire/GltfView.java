package org.twinlab.wire;

import static org.twinlab.wire.Fields.FILE;
import static org.twinlab.wire.Fields.NODE;
import static org.twinlab.wire.Fields.NODES;
import static org.twinlab.wire.Fields.SCENE;

import java.util.List;
import java.util.Map;

/**
 * A model's glTF scene: the file's name, its nodes bound to properties, and the glTF document
 * itself ({@code scene}, a JSON object with its buffers as {@code data:} URIs), so a client draws a
 * model it has never seen; {@code scene} is null when the runtime could not read the file.
 */
public record GltfView(String file, List<Node> nodes, Map<String, Object> scene) {

  /** A node of the scene bound to a property: the node's name beside the animation's fields. */
  public record Node(String node, AnimationView animation) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = Tree.object();
      m.put(NODE, node);
      animation.write(m);
      return m;
    }

    public static Node fromMap(Map<String, ?> m) {
      return new Node(Tree.string(m, NODE), AnimationView.fromMap(m));
    }
  }

  public GltfView {
    nodes = List.copyOf(nodes);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(FILE, file);
    m.put(NODES, Tree.toList(nodes, Node::toMap));
    m.put(SCENE, scene);
    return m;
  }

  public static GltfView fromMap(Map<String, ?> m) {
    return new GltfView(Tree.string(m, FILE), Tree.list(m, NODES, Node::fromMap), Tree.tree(m, SCENE));
  }
}
