package org.twinlab.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twinlab.connectors.mqtt.MqttVersion;
import org.twinlab.demo.DemoLab;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.scenario.StandardBindings;
import org.twinlab.runtime.scenario.StationNames;
import org.twinlab.sim.RigSimulator;
import org.twinlab.sim.SimRunner;
import org.twinlab.sim.Simulators;
import org.twinlab.sim.mqtt.SensorNodePublisher;

/** More motor sensor nodes on the demo lab's broker, each with its simulator and twin, named as the demo's are. */
public final class MoreMotors implements AutoCloseable {
  private final List<AutoCloseable> running = new ArrayList<>();
  private final Map<String, RigSimulator> sims = new HashMap<>();
  private final List<TwinConfig> twins = new ArrayList<>();
  private final DemoLab lab;

  /**
   * @param from the first motor's number (the demo has motor-1 and motor-2)
   * @param stepMs the simulators' step: a slower one spares a small machine when many rigs run
   */
  public MoreMotors(DemoLab lab, int from, int to, int stepMs) throws Exception {
    this.lab = lab;
    TwinModel model = ModelLibrary.loadBuiltIn("motor-vibration");
    for (int i = from; i <= to; i++) {
      String twin = "motor-" + i;
      RigSimulator sim = Simulators.create("motor-vibration", 10 + i, true);
      SensorNodePublisher publisher = new SensorNodePublisher(sim, lab.brokerUri(), "twinlab", twin, MqttVersion.V3_1_1);
      running.add(publisher);
      SimRunner runner = new SimRunner(sim, stepMs, publisher::afterStep);
      runner.start();
      running.add(0, runner); // runners stop before the publishers they feed
      sims.put(twin, sim);
      twins.add(new TwinConfig(twin, model, StandardBindings.load(model, StationNames.of(twin)), "station-" + i));
    }
  }

  /** The lab's configuration with these twins added. */
  public LabConfig config(LabConfig c) {
    List<TwinConfig> all = new ArrayList<>(c.twins());
    all.addAll(twins);
    return new LabConfig(c.bind(), c.port(), c.dataDir(), c.staleFactor(), c.connections(), all, c.history(), c.http());
  }

  public RigSimulator simulator(String twin) {
    return sims.containsKey(twin) ? sims.get(twin) : lab.simulator(twin);
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : running) c.close();
  }
}
