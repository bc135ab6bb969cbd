package org.twinlab.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.DiscoveredSignal;

class MqttAddressingTest {

  @Test
  void topicFiltersMatchAsBrokersDo() {
    assertThat(TopicFilter.matches("lab/+/telemetry", "lab/motor-1/telemetry")).isTrue();
    assertThat(TopicFilter.matches("lab/+/telemetry", "lab/motor-1/x/telemetry")).isFalse();
    assertThat(TopicFilter.matches("lab/#", "lab/motor-1/telemetry")).isTrue();
    assertThat(TopicFilter.matches("lab/#", "lab")).isTrue();
    assertThat(TopicFilter.matches("#", "anything/at/all")).isTrue();
    assertThat(TopicFilter.matches("lab/motor", "lab/motor-1")).isFalse();
    assertThat(TopicFilter.matches("+/+", "a/b")).isTrue();
    assertThat(TopicFilter.isValid("lab/#/x")).isFalse();
    assertThat(TopicFilter.isValid("lab/mo+")).isFalse();
  }

  @Test
  void addressesSplitTopicAndJsonPointer() {
    MqttAddress a = MqttAddress.parse("lab/m1/telemetry#/vibration/x");
    assertThat(a.filter()).isEqualTo("lab/m1/telemetry");
    assertThat(a.pointer().orElseThrow().toString()).isEqualTo("/vibration/x");
    MqttAddress wild = MqttAddress.parse("lab/##/ts");
    assertThat(wild.filter()).isEqualTo("lab/#");
    assertThat(wild.pointer().orElseThrow().toString()).isEqualTo("/ts");
    assertThat(MqttAddress.parse("lab/#").pointer()).isEmpty();
    assertThatThrownBy(() -> MqttAddress.parse("lab/mo+/x")).hasMessageContaining("not a valid MQTT topic filter");
  }

  @Test
  void payloadsDecodePlainOrByPointer() {
    var plain = PayloadDecoder.parse("21.5".getBytes(StandardCharsets.UTF_8));
    assertThat(PayloadDecoder.value(plain, java.util.Optional.empty()).value()).isEqualTo(21.5);
    assertThat(PayloadDecoder.value(PayloadDecoder.parse("TRUE".getBytes()), java.util.Optional.empty()).value()).isEqualTo(true);
    assertThat(PayloadDecoder.value(PayloadDecoder.parse("42".getBytes()), java.util.Optional.empty()).value()).isEqualTo(42L);
    var json = PayloadDecoder.parse("{\"ts\":1700000000000,\"vibration\":{\"x\":1.25,\"ok\":true}}".getBytes());
    MqttAddress x = MqttAddress.parse("t#/vibration/x");
    assertThat(PayloadDecoder.value(json, x.pointer()).value()).isEqualTo(1.25);
    assertThat(PayloadDecoder.value(json, MqttAddress.parse("t#/vibration/y").pointer()).error()).contains("no field /vibration/y");
    assertThat(PayloadDecoder.value(json, java.util.Optional.empty()).error()).contains("needs a JSON Pointer");
    assertThat(PayloadDecoder.timestamp(json, "/ts").orElseThrow().toEpochMilli()).isEqualTo(1700000000000L);
  }

  // discovery offers these pointers to bind by: each must decode to the value shown beside it
  @Test
  void everyLeafOfAJsonPayloadIsOfferedWithItsValueAndDecodesByItsPointer() {
    var json = PayloadDecoder.parse("{\"ts\":1700000000000,\"vibration\":{\"x\":0.12,\"ok\":true},\"a/b\":[\"run\",null]}".getBytes());
    var fields = PayloadDecoder.fields(json.json());
    assertThat(fields).containsExactly(new DiscoveredSignal.Field("/ts", 1700000000000L), new DiscoveredSignal.Field("/vibration/x", 0.12),
        new DiscoveredSignal.Field("/vibration/ok", true), new DiscoveredSignal.Field("/a~1b/0", "run"), new DiscoveredSignal.Field("/a~1b/1", null));
    for (var f : fields) {
      if (f.value() == null) continue;
      assertThat(PayloadDecoder.value(json, MqttAddress.parse("t#" + f.pointer()).pointer()).value()).as(f.pointer()).isEqualTo(f.value());
    }
  }

  @Test
  void writesEncodeAsPlainTextOrANestedObject() {
    assertThat(new String(PayloadDecoder.encode(MqttAddress.parse("a/b"), 12.5), StandardCharsets.UTF_8)).isEqualTo("12.5");
    assertThat(new String(PayloadDecoder.encode(MqttAddress.parse("a/b#/node/interval_ms"), 500), StandardCharsets.UTF_8))
        .isEqualTo("{\"node\":{\"interval_ms\":500}}");
  }
}
