package org.twinlab.testing;

import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.SimRunner;
import org.twinlab.sim.opcua.RigOpcUaServer;

/** A simulator served over OPC UA on a free loopback port, stepping in real time. */
public final class SimulatedPlc implements AutoCloseable {
  public final RigSimulator sim;
  public final RigOpcUaServer server;
  private final SimRunner runner;

  public SimulatedPlc(RigSimulator sim, RigOpcUaServer.Options options) throws Exception {
    this.sim = sim;
    this.server = new RigOpcUaServer(sim, options);
    server.start();
    this.runner = new SimRunner(sim, 20, server::afterStep);
    runner.start();
  }

  public static SimulatedPlc onFreePort(RigSimulator sim) throws Exception {
    return new SimulatedPlc(sim, RigOpcUaServer.Options.loopback(Ports.free()));
  }

  /** The node id of a model property, addressed by namespace URI as configurations should. */
  public String address(String path) {
    return "nsu=" + RigOpcUaServer.namespaceUri() + ";s=" + sim.signal(path).orElseThrow().symbol();
  }

  @Override
  public void close() throws Exception {
    runner.close();
    server.close();
  }
}
