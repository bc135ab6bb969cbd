package org.twinlab.bench;

import java.util.ArrayList;
import java.util.List;
import org.twinlab.sim.SignalFarmSim;

/** Where the load generator's rigs put their signals, in one place for every benchmark that reads them. */
final class BenchRigs {
  private BenchRigs() {}

  /** The OPC UA node of signal s on a signal-farm PLC. */
  static String opcuaNode(int s) {
    return "nsu=urn:twinlab:plc;s=\"DB_Bench\".\"G" + (s / SignalFarmSim.PER_GROUP) + "\".\"S" + s + "\"";
  }

  /** The MQTT address of field f of sensor node n: a topic per signal, or a pointer into the node's JSON document. */
  static String mqttAddress(int node, int field, boolean topicPerSignal) {
    return topicPerSignal ? "bench/node-" + node + "/f" + field : "bench/node-" + node + "/data#/f" + field;
  }

  /** The load generator's arguments for RIGS rigs of SIGNALS signals each, the last QUIET of them silent. */
  static List<String> generatorArgs(String protocol, int firstPort, String mqttUri, int rigs, int signals, int hz, int quiet) {
    List<String> args = new ArrayList<>();
    if (protocol.equals("opcua")) {
      args.addAll(List.of("opcua-rigs", str(firstPort), str(rigs), str(signals), str(hz), str(quiet)));
    } else {
      args.addAll(List.of("mqtt", mqttUri, str(rigs), str(signals), str(hz), "json", str(quiet)));
    }
    return args;
  }

  private static String str(int i) {
    return Integer.toString(i);
  }
}
