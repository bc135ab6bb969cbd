package org.twinlab.models.view;

import java.util.List;
import java.util.Optional;

/**
 * A glTF file used instead of (or beside) the primitives, with its nodes bound to properties.
 *
 * @param content the glTF document's text, read from beside the model file (a built-in model's from
 *     the class path); empty when it was not read (a model read from text alone, a missing file)
 */
public record GltfScene(String file, List<NodeBinding> nodes, Optional<String> content) {
  /** The largest glTF document read beside a model: buffers travel inside it as {@code data:} URIs. */
  public static final long MAX_CONTENT_BYTES = 8L * 1024 * 1024;

  public GltfScene {
    nodes = List.copyOf(nodes);
  }

  public GltfScene(String file, List<NodeBinding> nodes) {
    this(file, nodes, Optional.empty());
  }

  /** Whether the file is named plainly, with no directory: only such a file is read beside a model. */
  public boolean plainFileName() {
    return file.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.gltf") && !file.contains("..");
  }

  public GltfScene withContent(String text) {
    return new GltfScene(file, nodes, Optional.of(text));
  }
}
