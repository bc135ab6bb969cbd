package org.twinlab.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageSignerTest {
  private static final LabSecret SECRET = new LabSecret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "test");
  private static final String ADDRESS = "twinlab.cluster.node.n2.call";
  private static final byte[] CALL = "{\"method\":\"POST\",\"uri\":\"/api/v1/users\",\"caller\":\"admin\",\"role\":\"admin\"}".getBytes(StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
  };
  private final MessageSigner n1 = new MessageSigner(SECRET, "n1", clock);
  private final MessageSigner n2 = new MessageSigner(SECRET, "n2", clock);

  private MultiMap signed(byte[] content, String address) {
    return n1.sign(address, content, new DeliveryOptions()).getHeaders();
  }

  @Test
  void aSignedMessageIsAcceptedOnceAtItsAddress() {
    MultiMap h = signed(CALL, ADDRESS);
    assertThat(n2.check(ADDRESS, CALL, h)).isNull();
    assertThat(n2.check(ADDRESS, CALL, h)).isEqualTo(MessageSigner.Refusal.REPLAYED);
  }

  @Test
  void tamperedContentAnotherAddressOrAnotherSenderAreRefused() {
    byte[] tampered = new String(CALL, StandardCharsets.UTF_8).replace("admin", "eve").getBytes(StandardCharsets.UTF_8);
    assertThat(n2.check(ADDRESS, tampered, signed(CALL, ADDRESS))).isEqualTo(MessageSigner.Refusal.WRONG_MAC);
    assertThat(n2.check("twinlab.cluster.node.n3.call", CALL, signed(CALL, ADDRESS))).isEqualTo(MessageSigner.Refusal.WRONG_MAC);
    MultiMap h = signed(CALL, ADDRESS);
    h.set(MessageSigner.NODE, "n3");
    assertThat(n2.check(ADDRESS, CALL, h)).isEqualTo(MessageSigner.Refusal.WRONG_MAC);
    MultiMap later = signed(CALL, ADDRESS);
    later.set(MessageSigner.AT, Long.toString(now.get() + 1));
    assertThat(n2.check(ADDRESS, CALL, later)).isEqualTo(MessageSigner.Refusal.WRONG_MAC);
  }

  @Test
  void aMessageSignedWithAnotherSecretIsRefused() {
    MessageSigner rogue = new MessageSigner(LabSecret.ownOnly(), "n1", clock);
    assertThat(n2.check(ADDRESS, CALL, rogue.sign(ADDRESS, CALL, new DeliveryOptions()).getHeaders())).isEqualTo(MessageSigner.Refusal.WRONG_MAC);
  }

  @Test
  void noMacOrAGarbledOneIsRefused() {
    assertThat(n2.check(ADDRESS, CALL, MultiMap.caseInsensitiveMultiMap())).isEqualTo(MessageSigner.Refusal.NO_MAC);
    assertThat(n2.check(ADDRESS, CALL, null)).isEqualTo(MessageSigner.Refusal.NO_MAC);
    MultiMap h = signed(CALL, ADDRESS);
    h.remove(MessageSigner.NONCE);
    assertThat(n2.check(ADDRESS, CALL, h)).isEqualTo(MessageSigner.Refusal.NO_MAC);
    MultiMap g = signed(CALL, ADDRESS);
    g.set(MessageSigner.MAC, "not base64 !");
    assertThat(n2.check(ADDRESS, CALL, g)).isEqualTo(MessageSigner.Refusal.WRONG_MAC);
  }

  @Test
  void aStaleOrFutureTimestampIsRefused() {
    MultiMap old = signed(CALL, ADDRESS);
    now.addAndGet(MessageSigner.MAX_SKEW_MS + 1);
    assertThat(n2.check(ADDRESS, CALL, old)).isEqualTo(MessageSigner.Refusal.STALE);
    MultiMap ahead = signed(CALL, ADDRESS);
    now.addAndGet(-2 * (MessageSigner.MAX_SKEW_MS + 1));
    assertThat(n2.check(ADDRESS, CALL, ahead)).isEqualTo(MessageSigner.Refusal.STALE);
  }

  @Test
  void aReplayIsRefusedWhileItsTimestampIsFreshAndAsStaleAfter() {
    MultiMap h = signed(CALL, ADDRESS);
    assertThat(n2.check(ADDRESS, CALL, h)).isNull();
    now.addAndGet(MessageSigner.MAX_SKEW_MS / 2);
    assertThat(n2.check(ADDRESS, CALL, h)).isEqualTo(MessageSigner.Refusal.REPLAYED);
    now.addAndGet(MessageSigner.MAX_SKEW_MS);
    assertThat(n2.check(ADDRESS, CALL, h)).isEqualTo(MessageSigner.Refusal.STALE);
  }

  @Test
  void anAnswerHoldsOnlyForItsQuestion() {
    DeliveryOptions q1 = n1.sign(ADDRESS, CALL, new DeliveryOptions());
    DeliveryOptions q2 = n1.sign(ADDRESS, CALL, new DeliveryOptions());
    byte[] answer = "{\"status\":201}".getBytes(StandardCharsets.UTF_8);
    MultiMap a1 = n2.sign(MessageSigner.answerTo(ADDRESS, q1.getHeaders().get(MessageSigner.NONCE)), answer).getHeaders();
    assertThat(n1.check(MessageSigner.answerTo(ADDRESS, q2.getHeaders().get(MessageSigner.NONCE)), answer, a1)).isEqualTo(MessageSigner.Refusal.WRONG_MAC);
    assertThat(n1.acceptAnswer(ADDRESS, q1, answer, a1)).isTrue();
  }

  /** What a feed batch costs: one MAC to sign it on the owner, one to check it on each following node. Printed, not asserted. */
  @Test
  void measuresTheCostOfABatch() {
    byte[] batch = new byte[2048];
    for (int i = 0; i < 20_000; i++) n2.check("feed", batch, n1.sign("feed", batch).getHeaders());
    int n = 50_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      assertThat(n2.check("twinlab.cluster.feed.tank-1", batch, n1.sign("twinlab.cluster.feed.tank-1", batch).getHeaders())).isNull();
    }
    long perBatch = (System.nanoTime() - t0) / n;
    System.out.printf("MessageSigner: sign + check of a 2 KiB feed batch: %d ns (%.1f us)%n", perBatch, perBatch / 1000.0);
  }
}
