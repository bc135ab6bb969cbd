package org.twinlab.runtime.bus;

import io.vertx.core.eventbus.EventBus;
import org.twinlab.connectors.ConnectionEvent;

/** The event-bus addresses of the runtime and the codecs its messages travel with. */
public final class Bus {
  /** Every connection state change, published. */
  public static final String CONNECTIONS = "twinlab.connections";

  private Bus() {}

  /** Where a twin's samples are sent (point to point: the twin's verticle). */
  public static String samples(String twin) {
    return "twinlab.twin." + twin + ".samples";
  }

  /** Where a twin's changes are published, for the live feed and anything else that follows it. */
  public static String changes(String twin) {
    return "twinlab.twin." + twin + ".changes";
  }

  /** Registers the local codecs; call once per Vert.x instance. */
  public static void registerCodecs(EventBus bus) {
    bus.registerDefaultCodec(SampleBatch.class, new LocalCodec<>(SampleBatch.class));
    bus.registerDefaultCodec(ChangeBatch.class, new LocalCodec<>(ChangeBatch.class));
    bus.registerDefaultCodec(ConnectionEvent.class, new LocalCodec<>(ConnectionEvent.class));
  }
}
