package org.twinlab.runtime.twin;

import io.vertx.core.eventbus.EventBus;
import org.twinlab.connectors.ConnectionEvent;
import org.twinlab.runtime.bus.LocalCodec;
import org.twinlab.runtime.bus.SampleBatch;

/** Registers the local codecs the twins' messages travel with; several runtimes on one Vert.x instance share them. */
public final class TwinCodecs {
  private TwinCodecs() {}

  public static synchronized void register(EventBus bus) {
    register(bus, SampleBatch.class);
    register(bus, ChangeBatch.class);
    register(bus, ConnectionEvent.class);
    register(bus, CandidateAction.class);
    register(bus, Taken.class);
    register(bus, Settled.class);
  }

  private static <T> void register(EventBus bus, Class<T> type) {
    try {
      bus.registerDefaultCodec(type, new LocalCodec<>(type));
    } catch (IllegalStateException alreadyThere) {
      // registered by another runtime on the same Vert.x instance
    }
  }
}
