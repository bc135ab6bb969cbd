package org.twinlab.connectors.mqtt;

/** MQTT topic-filter matching with '+' (one level) and '#' (the rest), as brokers apply it. */
public final class TopicFilter {
  private TopicFilter() {}

  public static boolean matches(String filter, String topic) {
    int f = 0;
    int t = 0;
    while (f < filter.length()) {
      char c = filter.charAt(f);
      if (c == '#') return true;
      if (c == '+') {
        while (t < topic.length() && topic.charAt(t) != '/') t++;
        f++;
        continue;
      }
      if (t >= topic.length() || topic.charAt(t) != c) {
        // "a/#" also matches "a" itself
        return t == topic.length() && filter.startsWith("/#", f);
      }
      f++;
      t++;
    }
    return t == topic.length();
  }

  /** Whether a filter is well formed: wildcards fill whole levels and '#' comes last. */
  public static boolean isValid(String filter) {
    if (filter.isEmpty()) return false;
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String l = levels[i];
      if (l.contains("#") && (!l.equals("#") || i != levels.length - 1)) return false;
      if (l.contains("+") && !l.equals("+")) return false;
    }
    return true;
  }
}
