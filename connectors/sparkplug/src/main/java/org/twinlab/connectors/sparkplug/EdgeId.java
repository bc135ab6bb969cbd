package org.twinlab.connectors.sparkplug;

import java.util.Optional;

/** One edge node ({@code device} empty) or one device behind it, within a Sparkplug group. */
public record EdgeId(String group, String node, Optional<String> device) {

  public static EdgeId ofNode(String group, String node) {
    return new EdgeId(group, node, Optional.empty());
  }

  public EdgeId nodeId() {
    return device.isEmpty() ? this : ofNode(group, node);
  }

  public boolean isDevice() {
    return device.isPresent();
  }

  /** The address of one of its metrics. */
  public SparkplugAddress metric(String name) {
    return new SparkplugAddress(group, node, device, name);
  }

  @Override
  public String toString() {
    return group + "/" + node + device.map(d -> "/" + d).orElse("");
  }
}
