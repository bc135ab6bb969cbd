package org.twinlab.models.view;

import java.util.List;

/** A glTF file used instead of (or beside) the primitives, with its nodes bound to properties. */
public record GltfScene(String file, List<NodeBinding> nodes) {
  public GltfScene {
    nodes = List.copyOf(nodes);
  }
}
