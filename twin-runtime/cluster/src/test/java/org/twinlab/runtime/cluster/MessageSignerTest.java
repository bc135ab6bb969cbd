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

  /**
   * What a feed batch costs: one MAC to sign it on the owner, one to check it on each following
   * node. Printed, not asserted: 2 KiB (a few changes) and 46 KiB (200 signals of 232 bytes, one
   * tick of a bench cluster rig).
   */
  @Test
  void measuresTheCostOfABatch() {
    for (int size : new int[] {2048, 200 * 232}) {
      byte[] batch = new byte[size];
      String address = "twinlab.cluster.feed.tank-1";
      for (int i = 0; i < 5_000; i++) n2.check(address, batch, n1.sign(address, batch).getHeaders());
      int n = 10_000;
      long signing = 0;
      long checking = 0;
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        MultiMap h = n1.sign(address, batch).getHeaders();
        long t1 = System.nanoTime();
        MessageSigner.Refusal r = n2.check(address, batch, h);
        long t2 = System.nanoTime();
        assertThat(r).isNull();
        signing += t1 - t0;
        checking += t2 - t1;
      }
      System.out.printf("MessageSigner: a %d-byte feed batch: sign %.1f us, check %.1f us%n", size, signing / 1000.0 / n, checking / 1000.0 / n);
    }
  }
}
