package org.twinlab.runtime.cluster;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks every message between the nodes of a lab: HMAC-SHA256, keyed by the lab secret,
 * over the sender node, the target address, a timestamp, a nonce and the content. A message with no
 * MAC, a wrong one, a timestamp more than {@link #MAX_SKEW_MS} from this node's clock or a nonce
 * seen before is refused (and logged once per claimed sender a minute); its receiver never acts on
 * it. An answer is signed for its question: its address is the question's address and nonce
 * ({@link #answerTo}), so an answer cannot be replayed to another question. Every sender and
 * receiver between nodes uses this one class.
 */
final class MessageSigner {
  static final String NODE = "twinlab-node";
  static final String AT = "twinlab-at";
  static final String NONCE = "twinlab-nonce";
  static final String MAC = "twinlab-mac";
  /** What a refused question is failed with: it says nothing of why. */
  static final int REFUSED = 403;
  static final long MAX_SKEW_MS = 30_000;
  private static final long LOG_EVERY_NANOS = 60_000_000_000L;
  private static final int MAX_LOGGED_SENDERS = 256;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MessageSigner.class);

  private final SecretKeySpec key;
  private final String node;
  private final Clock clock;
  /** Nonces are this process's random prefix and a counter: unique without a random draw per frame. */
  private final String noncePrefix;
  private final AtomicLong counter = new AtomicLong();
  private final ThreadLocal<Mac> macs;
  private final Map<String, Long> seen = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Seen> forget = new ConcurrentLinkedQueue<>();
  private final Map<String, Long> logged = new ConcurrentHashMap<>();

  private record Seen(String nonce, long untilMs) {}

  /** Why a message was refused, for the log; never told to its sender. */
  enum Refusal { NO_MAC, WRONG_MAC, STALE, REPLAYED }

  MessageSigner(LabSecret secret, String node, Clock clock) {
    this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
    this.node = node;
    this.clock = clock;
    byte[] prefix = new byte[9];
    new SecureRandom().nextBytes(prefix);
    this.noncePrefix = Base64.getUrlEncoder().withoutPadding().encodeToString(prefix) + ".";
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(key);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
      }
    });
  }

  String node() {
    return node;
  }

  /** Options that carry this node's MAC of the content for that address (added to {@code options}, which it returns). */
  DeliveryOptions sign(String address, byte[] content, DeliveryOptions options) {
    String at = Long.toString(clock.millis());
    String nonce = noncePrefix + counter.incrementAndGet();
    options.addHeader(NODE, node).addHeader(AT, at).addHeader(NONCE, nonce)
        .addHeader(MAC, Base64.getEncoder().encodeToString(mac(node, address, at, nonce, content)));
    return options;
  }

  /** Signs a fresh message. */
  DeliveryOptions sign(String address, byte[] content) {
    return sign(address, content, new DeliveryOptions());
  }

  /** The address an answer to a question is signed for: the question's address and nonce. */
  static String answerTo(String address, String nonce) {
    return address + "#answer:" + nonce;
  }

  /** The options of the answer to a question that was accepted. */
  DeliveryOptions signAnswer(String address, Message<?> question, byte[] content) {
    return sign(answerTo(address, question.headers().get(NONCE)), content);
  }

  /** Whether a message may be acted on; a refused one is logged (once per sender a minute). */
  boolean accept(String address, byte[] content, MultiMap headers) {
    Refusal r = check(address, content, headers);
    if (r == null) return true;
    String sender = headers == null || headers.get(NODE) == null ? "(unnamed)" : headers.get(NODE);
    refused(sender, address, r);
    return false;
  }

  /** Whether an answer is the one its question was given; {@code question} the options the question was sent with. */
  boolean acceptAnswer(String address, DeliveryOptions question, byte[] content, MultiMap headers) {
    return accept(answerTo(address, question.getHeaders().get(NONCE)), content, headers);
  }

  /** The check itself: null when the message may be acted on. */
  Refusal check(String address, byte[] content, MultiMap headers) {
    String sender = headers == null ? null : headers.get(NODE);
    String at = headers == null ? null : headers.get(AT);
    String nonce = headers == null ? null : headers.get(NONCE);
    String mac = headers == null ? null : headers.get(MAC);
    if (sender == null || at == null || nonce == null || mac == null) return Refusal.NO_MAC;
    byte[] given;
    try {
      given = Base64.getDecoder().decode(mac);
    } catch (IllegalArgumentException e) {
      return Refusal.WRONG_MAC;
    }
    if (!MessageDigest.isEqual(given, mac(sender, address, at, nonce, content))) return Refusal.WRONG_MAC;
    long sent;
    try {
      sent = Long.parseLong(at);
    } catch (NumberFormatException e) {
      return Refusal.WRONG_MAC;
    }
    long now = clock.millis();
    if (Math.abs(now - sent) > MAX_SKEW_MS) return Refusal.STALE;
    purge(now);
    // kept until its timestamp is stale anyway: a replay after that is refused as stale
    if (seen.putIfAbsent(sender + "/" + nonce, sent + MAX_SKEW_MS) != null) return Refusal.REPLAYED;
    forget.add(new Seen(sender + "/" + nonce, Math.max(sent, now) + MAX_SKEW_MS));
    return null;
  }

  private void purge(long now) {
    for (Seen s = forget.peek(); s != null && s.untilMs() < now; s = forget.peek()) {
      if (forget.remove(s)) seen.remove(s.nonce());
    }
  }

  private void refused(String sender, String address, Refusal why) {
    long now = System.nanoTime();
    if (logged.size() > MAX_LOGGED_SENDERS) logged.clear(); // senders are named by whoever sends: bounded
    Long last = logged.get(sender);
    if (last != null && now - last < LOG_EVERY_NANOS) return;
    logged.put(sender, now);
    LOG.warn("refused a message on {} from a sender calling itself {}: {} (not acted on; further refusals from it are not logged for a minute)",
        address, sender, switch (why) {
          case NO_MAC -> "it carries no MAC: it was not sent by a node with the lab secret";
          case WRONG_MAC -> "its MAC is wrong: not signed with the lab secret, or changed on the way";
          case STALE -> "its timestamp is more than " + MAX_SKEW_MS / 1000 + " s from this node's clock (replayed, or the clocks differ)";
          case REPLAYED -> "its nonce was seen before: a replay";
        });
  }

  private byte[] mac(String sender, String address, String at, String nonce, byte[] content) {
    Mac m = macs.get();
    field(m, sender.getBytes(StandardCharsets.UTF_8));
    field(m, address.getBytes(StandardCharsets.UTF_8));
    field(m, at.getBytes(StandardCharsets.UTF_8));
    field(m, nonce.getBytes(StandardCharsets.UTF_8));
    field(m, content);
    return m.doFinal();
  }

  /** Each field length-prefixed, so no two different messages run together into the same input. */
  private static void field(Mac m, byte[] bytes) {
    m.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    m.update(bytes);
  }

  /**
   * Asks another node and takes its answer only when it is signed for this question: a failed
   * future otherwise, as if the node had not answered.
   */
  <T> io.vertx.core.Future<T> request(io.vertx.core.Vertx vertx, String address, Object body, long timeoutMs) {
    DeliveryOptions question = sign(address, content(body), new DeliveryOptions().setSendTimeout(timeoutMs));
    return vertx.eventBus().<T>request(address, body, question).compose(m -> acceptAnswer(address, question, content(m.body()), m.headers())
        ? io.vertx.core.Future.succeededFuture(m.body())
        : io.vertx.core.Future.failedFuture(new IllegalStateException("the answer from " + address + " is not signed with the lab secret")));
  }

  /** Publishes a message signed once, for every node that consumes the address. */
  void publish(io.vertx.core.Vertx vertx, String address, Object body) {
    vertx.eventBus().publish(address, body, sign(address, content(body)));
  }

  /** Whether a received message may be acted on; a refused question is failed with {@link #REFUSED} and nothing else. */
  boolean admit(Message<?> m) {
    if (accept(m.address(), content(m.body()), m.headers())) return true;
    if (m.replyAddress() != null) m.fail(REFUSED, "refused");
    return false;
  }

  /** Answers an admitted question, signed for it. */
  void answer(Message<?> question, Object body) {
    question.reply(body, signAnswer(question.address(), question, content(body)));
  }

  /** The signed content of the bodies that cross nodes: strings, JSON objects (as encoded), buffers. */
  static byte[] content(Object body) {
    if (body == null) return new byte[0];
    if (body instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
    if (body instanceof JsonObject j) return j.encode().getBytes(StandardCharsets.UTF_8);
    if (body instanceof Buffer b) return b.getBytes();
    throw new IllegalArgumentException("not a body that crosses nodes: " + body.getClass().getName());
  }
}
