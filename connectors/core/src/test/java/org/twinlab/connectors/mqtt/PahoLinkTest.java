package org.twinlab.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the one link makes of a Paho client's answers, for either version: a refusal among the
 * reason codes (0x80 as granted QoS in 3.1.1, 0x80 and up in MQTT 5) is a failure naming its
 * code, an exception thrown while starting a call fails the call rather than the caller, and
 * closing releases the client even when disconnecting fails.
 */
class PahoLinkTest {
  private final List<String> calls = new ArrayList<>();

  @Test
  void grantedCodesSucceedAndTheCallReachesTheClientAsAsked() {
    var l = new PahoLink<>(client(o -> o.done(new int[] {1}), false));
    assertThat(l.subscribe("twinlab/+/telemetry", 1)).succeedsWithin(Duration.ofSeconds(5));
    assertThat(l.publish("twinlab/m/set", new byte[] {1}, 1, true)).succeedsWithin(Duration.ofSeconds(5));
    assertThat(calls).containsExactly("subscribe twinlab/+/telemetry 1", "publish twinlab/m/set qos 1 retained");
  }

  @Test
  void aRefusalInEitherVersionIsAFailureNamingItsCode() {
    for (int code : new int[] {0x80, 0x87}) {
      var l = new PahoLink<>(client(o -> o.done(new int[] {code}), false));
      CompletableFuture<Void> f = l.subscribe("secret/#", 1);
      assertThat(f).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withMessageContaining("broker refused with reason code 0x" + Integer.toHexString(code));
    }
  }

  @Test
  void aFailureReportedOrThrownFailsTheCall() {
    var reported = new PahoLink<>(client(o -> o.failed(new IllegalStateException("not authorised")), false));
    assertThat(reported.connect()).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("not authorised");
    var thrown = new PahoLink<>(client(o -> {
      throw new IllegalArgumentException("Invalid topic filter");
    }, false));
    assertThat(thrown.subscribe("a/#/b", 1)).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class).withMessageContaining("Invalid topic filter");
  }

  @Test
  void closingReleasesTheClientEvenWhenDisconnectingFails() {
    new PahoLink<>(client(o -> o.done(null), true)).close();
    assertThat(calls).containsExactly("disconnect", "release");
  }

  /** A client answering every call through {@code answer}; its listener type is the outcome itself. */
  private PahoClient<PahoClient.Outcome> client(Consumer<PahoClient.Outcome> answer, boolean disconnectFails) {
    return new PahoClient<>(
        answer::accept,
        (filter, qos, context, o) -> {
          calls.add("subscribe " + filter + " " + qos);
          answer.accept(o);
        },
        (filter, context, o) -> answer.accept(o),
        (topic, payload, qos, retained, context, o) -> {
          calls.add("publish " + topic + " qos " + qos + (retained ? " retained" : ""));
          answer.accept(o);
        },
        outcome -> outcome,
        () -> true,
        () -> {
          calls.add("disconnect");
          if (disconnectFails) throw new IllegalStateException("socket gone");
        },
        () -> calls.add("release"));
  }
}
