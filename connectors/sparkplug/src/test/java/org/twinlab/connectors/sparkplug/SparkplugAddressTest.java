package org.twinlab.connectors.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.sparkplug.SparkplugTopic.MessageType;

class SparkplugAddressTest {

  @Test
  void nodeAndDeviceMetricsAreAddressedByGroupNodeDeviceAndName() {
    assertThat(SparkplugAddress.parse("lab1/station-3#Temperature")).isEqualTo(SparkplugAddress.node("lab1", "station-3", "Temperature"));
    SparkplugAddress d = SparkplugAddress.parse("lab1/station-3/tank#Inputs/Level");
    assertThat(d).isEqualTo(SparkplugAddress.device("lab1", "station-3", "tank", "Inputs/Level"));
    assertThat(d.edge()).isEqualTo(new EdgeId("lab1", "station-3", Optional.of("tank")));
    assertThat(d.toString()).isEqualTo("lab1/station-3/tank#Inputs/Level");
  }

  @Test
  void metricNamesKeepTheirFoldersAndHashes() {
    // Sparkplug names folders with '/'; only the first '#' ends the ids
    assertThat(SparkplugAddress.parse("g/n#Node Control/Rebirth").metric()).isEqualTo("Node Control/Rebirth");
    assertThat(SparkplugAddress.parse("g/n#a#b").metric()).isEqualTo("a#b");
  }

  @Test
  void malformedAddressesNameWhatIsWrong() {
    assertThatThrownBy(() -> SparkplugAddress.parse("lab1/node")).hasMessageContaining("names no metric");
    assertThatThrownBy(() -> SparkplugAddress.parse("lab1#m")).hasMessageContaining("is not group/node#metric");
    assertThatThrownBy(() -> SparkplugAddress.parse("a/b/c/d#m")).hasMessageContaining("is not group/node#metric");
    assertThatThrownBy(() -> SparkplugAddress.parse("lab1/node#")).hasMessageContaining("metric name after # is empty");
    assertThatThrownBy(() -> SparkplugAddress.parse("/node#m")).hasMessageContaining("the group id is empty");
    assertThatThrownBy(() -> SparkplugAddress.parse("lab1//dev#m")).hasMessageContaining("the node id is empty");
    assertThatThrownBy(() -> SparkplugAddress.parse("lab1/n+/d#m")).hasMessageContaining("the node id 'n+' holds '+'");
    assertThatThrownBy(() -> SparkplugAddress.parse("lab1/n/#m")).hasMessageContaining("the device id is empty");
    assertThatThrownBy(() -> SparkplugAddress.parse(" ")).hasMessageContaining("the address is empty");
  }

  @Test
  void topicsParseOnlyAsEdgeMessagesOfTheNamespace() {
    assertThat(SparkplugTopic.parse("spBv1.0/lab1/NBIRTH/n1")).contains(new SparkplugTopic(MessageType.NBIRTH, EdgeId.ofNode("lab1", "n1")));
    assertThat(SparkplugTopic.parse("spBv1.0/lab1/DDATA/n1/d1"))
        .contains(new SparkplugTopic(MessageType.DDATA, new EdgeId("lab1", "n1", Optional.of("d1"))));
    assertThat(SparkplugTopic.parse("spBv1.0/STATE/host")).isEmpty();
    assertThat(SparkplugTopic.parse("spBv1.0/lab1/NDATA/n1/d1")).isEmpty();
    assertThat(SparkplugTopic.parse("spBv1.0/lab1/DDATA/n1")).isEmpty();
    assertThat(SparkplugTopic.parse("spAv1.0/lab1/NDATA/n1")).isEmpty();
    assertThat(SparkplugTopic.parse("spBv1.0/lab1/NOPE/n1")).isEmpty();
    assertThat(SparkplugTopic.command(new EdgeId("lab1", "n1", Optional.of("d1")))).isEqualTo("spBv1.0/lab1/DCMD/n1/d1");
    assertThat(SparkplugTopic.command(EdgeId.ofNode("lab1", "n1"))).isEqualTo("spBv1.0/lab1/NCMD/n1");
  }
}
