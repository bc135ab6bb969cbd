package org.twinlab.runtime.history;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which lab session each twin is running in now, so its history can be read back per session. */
public final class SessionTags {
  private final ConcurrentHashMap<String, String> byTwin = new ConcurrentHashMap<>();

  public void start(String twin, String session) {
    byTwin.put(twin, session);
  }

  public void end(String twin) {
    byTwin.remove(twin);
  }

  public Optional<String> of(String twin) {
    return Optional.ofNullable(byTwin.get(twin));
  }
}
