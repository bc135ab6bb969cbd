package org.twinlab.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.twinlab.sim.ConveyorSortingSim;
import org.twinlab.testing.NodePeer;
import org.twinlab.testing.SimulatedPlc;

/** node-opcua, an OPC UA stack independent of Milo, browses, reads and writes our simulator's server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeOpcUaClientInteropIT {

  @Test
  void anIndependentClientBrowsesReadsAndWritesTheSimulatedPlc() throws Exception {
    NodePeer.requireInstalled();
    try (SimulatedPlc plc = SimulatedPlc.onFreePort(new ConveyorSortingSim(5, true))) {
      String stdout = NodePeer.run(90, "peer-client.mjs", plc.server.endpointUrl());
      JsonNode out = new ObjectMapper().readTree(stdout.lines().reduce((a, b) -> b).orElse("{}"));
      assertThat(out.has("error")).as(stdout).isFalse();

      assertThat(out.at("/browsePath").toString()).isEqualTo("[\"DataBlocksGlobal\",\"DB_Sorting\",\"Belt\"]");
      assertThat(out.at("/beltVariables").toString()).contains("FrequencySetpoint", "Speed", "EncoderPosition", "Running");

      assertThat(out.at("/reads/speed/dataType").asText()).isEqualTo("Float");
      assertThat(out.at("/reads/encoderFirst/dataType").asText()).isEqualTo("Int32");
      // the belt runs at 30 Hz = 0.36 m/s; at 3,183 pulses/m one second (plus read time) is ~1,150 pulses
      long moved = out.at("/reads/encoderSecond/value").asLong() - out.at("/reads/encoderFirst/value").asLong();
      assertThat(moved).isBetween(1000L, 1700L);

      assertThat(out.at("/writes/setpoint").asText()).isEqualTo("Good");
      assertThat(out.at("/reads/setpointAfter/value").asDouble()).isEqualTo(22.5);
      assertThat(plc.sim.groundTruth().get("belt.frequency_setpoint")).isEqualTo(22.5);
      assertThat(out.at("/writes/outOfRange").asText()).isEqualTo("BadOutOfRange");
      // Milo checks the user access level first; both codes refuse the write
      assertThat(out.at("/writes/readOnly").asText()).isIn("BadNotWritable", "BadUserAccessDenied");
      assertThat(out.at("/writes/wrongType").asText()).isEqualTo("BadTypeMismatch");
    }
  }
}
