package org.twinlab.connectors.sparkplug;

import java.util.Optional;

/**
 * What a binding names on a Sparkplug connection: {@code group/node#metric} for a metric of the edge
 * node itself, {@code group/node/device#metric} for one of its devices. Metric names may hold
 * {@code /} (Sparkplug folders, {@code Inputs/Level}), so the metric is everything after the first {@code #}.
 */
public record SparkplugAddress(String group, String node, Optional<String> device, String metric) {

  public SparkplugAddress {
    requireId("group", group);
    requireId("node", node);
    device.ifPresent(d -> requireId("device", d));
    if (metric == null || metric.isEmpty()) throw new IllegalArgumentException("the metric name after # is empty");
  }

  public static SparkplugAddress node(String group, String node, String metric) {
    return new SparkplugAddress(group, node, Optional.empty(), metric);
  }

  public static SparkplugAddress device(String group, String node, String device, String metric) {
    return new SparkplugAddress(group, node, Optional.of(device), metric);
  }

  /**
   * Reads {@code group/node#metric} or {@code group/node/device#metric}.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static SparkplugAddress parse(String address) {
    if (address == null || address.isBlank()) throw new IllegalArgumentException("the address is empty");
    int hash = address.indexOf('#');
    if (hash < 0) {
      throw new IllegalArgumentException("'" + address + "' names no metric: a Sparkplug address is group/node#metric "
          + "or group/node/device#metric");
    }
    String[] ids = address.substring(0, hash).split("/", -1);
    String metric = address.substring(hash + 1);
    if (ids.length < 2 || ids.length > 3) {
      throw new IllegalArgumentException("'" + address + "' is not group/node#metric or group/node/device#metric");
    }
    try {
      return new SparkplugAddress(ids[0], ids[1], ids.length == 3 ? Optional.of(ids[2]) : Optional.empty(), metric);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + address + "': " + e.getMessage(), e);
    }
  }

  /** The edge node or device the metric belongs to. */
  public EdgeId edge() {
    return new EdgeId(group, node, device);
  }

  @Override
  public String toString() {
    return group + "/" + node + device.map(d -> "/" + d).orElse("") + "#" + metric;
  }

  /** Sparkplug ids are topic levels: no wildcard, no separator, not empty. */
  static void requireId(String field, String id) {
    idProblem(field, id).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  /** What makes a group, node or device id unusable, or empty when it is a good one. */
  public static Optional<String> idProblem(String field, String id) {
    if (id == null || id.isEmpty()) return Optional.of("the " + field + " id is empty");
    for (char c : id.toCharArray()) {
      if (c == '/' || c == '#' || c == '+') {
        return Optional.of("the " + field + " id '" + id + "' holds '" + c + "', which a topic level cannot");
      }
    }
    return Optional.empty();
  }
}
