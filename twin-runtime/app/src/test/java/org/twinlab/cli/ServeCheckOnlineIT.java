package org.twinlab.cli;

import static org.twinlab.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.sim.MotorVibrationSim;
import org.twinlab.sim.SimRunner;
import org.twinlab.sim.TankProcessSim;
import org.twinlab.sim.mqtt.SensorNodePublisher;
import org.twinlab.testing.MosquittoProcess;
import org.twinlab.testing.Ports;
import org.twinlab.testing.SimulatedPlc;

/**
 * {@code twinlab serve --check --online} against a simulated tank PLC on OPC UA and a motor sensor
 * node publishing JSON on mosquitto, one of each for the class: a broken lab's four problems with
 * their file:line:column, a clean lab passing, a twin whose model failed still checked against the
 * server, and a broker that is not there reported with its bindings not checked.
 */
@Timeout(120)
class ServeCheckOnlineIT {
  private static SimulatedPlc plc;
  private static MosquittoProcess broker;
  private static SimRunner sensorRunner;
  private static SensorNodePublisher sensor;

  @TempDir
  Path dir;

  @BeforeAll
  static void rigs() throws Exception {
    MosquittoProcess.requireInstalled();
    broker = MosquittoProcess.start();
    plc = SimulatedPlc.onFreePort(new TankProcessSim(1));
    MotorVibrationSim motor = new MotorVibrationSim(1);
    sensor = new SensorNodePublisher(motor, broker.uri(), "lab", "motor-1");
    sensorRunner = new SimRunner(motor, 20, sensor::afterStep);
    sensorRunner.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sensorRunner != null) sensorRunner.close();
    if (sensor != null) sensor.close();
    if (plc != null) plc.close();
    if (broker != null) broker.close();
  }

  @Test
  void aBrokenLabShowsEachBindingThatDoesNotFitItsRigWithItsPlace() throws Exception {
    Path config = lab(plc.server.endpointUrl(), broker.uri());
    Path tank = write("tank-1.yaml", String.join("\n",
        "twin: tank-1",
        "model: tank-process",
        "bindings:",
        "  - {property: tank.level, connection: plc-1, address: '" + plc.address("tank.level") + "'}",
        "  - {property: flow.rate, connection: plc-1, address: '" + plc.address("flow.rate").replace("Rate", "Rat") + "'}",
        "  - {property: tank.temperature, connection: plc-1, address: '" + plc.address("pump.running") + "'}",
        "  - property: pid.setpoint",
        "    connection: plc-1",
        "    address: '" + plc.address("tank.level") + "'",
        "    write: true",
        ""));
    Path motor = write("motor-1.yaml", String.join("\n",
        "twin: motor-1",
        "model: motor-vibration",
        "bindings:",
        "  - {property: motor.current, connection: broker, address: 'lab/motor-1/telemetry#/motor/current'}",
        "  - {property: motor.winding_temperature, connection: broker, address: 'lab/motor-1/telemetry#/motor/winding_temprature'}",
        ""));

    String[] r = run("serve", "--check", "--online", "--config", config.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("1");
    List<String> lines = r[2].lines().toList();
    assertThat(lines).as(r[2]).hasSize(5);
    assertThat(lines.get(0)).startsWith(at(tank, "\"Flow\".\"Rat\"") + ": bindings[1].address: no such node");
    assertThat(lines.get(1)).startsWith(at(tank, "\"Pump\".\"Running\"") + ": bindings[2].address: type: the node's DataType is Boolean")
        .contains("tank.temperature is a double");
    assertThat(lines.get(2)).startsWith(at(tank, "address: '" + plc.address("tank.level") + "'\n    write") + ": bindings[3].address: access:")
        .contains("read-only").contains("pid.setpoint");
    assertThat(lines.get(3)).startsWith(at(motor, "winding_temprature") + ": bindings[1].address: pointer: no field /motor/winding_temprature")
        .contains("/motor/winding_temperature");
    assertThat(lines.get(4)).isEqualTo(config + ": 4 problems");
  }

  @Test
  void aCleanLabPasses() throws Exception {
    Path config = lab(plc.server.endpointUrl(), broker.uri());
    write("tank-1.yaml", String.join("\n",
        "twin: tank-1",
        "model: tank-process",
        "bindings:",
        "  - {property: tank.level, connection: plc-1, address: '" + plc.address("tank.level") + "'}",
        "  - {property: tank.level_raw, connection: plc-1, address: '" + plc.address("tank.level_raw") + "'}",
        "  - {property: pump.running, connection: plc-1, address: '" + plc.address("pump.running") + "'}",
        "  - {property: pid.mode, connection: plc-1, address: '" + plc.address("pid.mode") + "'}",
        "  - {property: pid.setpoint, connection: plc-1, address: '" + plc.address("pid.setpoint") + "', write: true}",
        "commands:",
        "  - {command: panel.emergency_stop, connection: plc-1, address: '" + plc.address("panel.estop") + "', value: true}",
        ""));
    write("motor-1.yaml", String.join("\n",
        "twin: motor-1",
        "model: motor-vibration",
        "bindings:",
        "  - {property: motor.current, connection: broker, address: 'lab/motor-1/telemetry#/motor/current'}",
        "  - {property: motor.winding_temperature, connection: broker, address: 'lab/motor-1/telemetry#/motor/winding_temperature'}",
        ""));

    String[] r = run("serve", "--check", "--online", "--config", config.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("2 connections, 2 twins, all bindings valid").contains("8 checked");
  }

  @Test
  void theBindingsOfATwinWhoseModelFailedAreStillCheckedAfterTheModelsError() throws Exception {
    Path config = write("twinlab.yaml", String.join("\n",
        "connections:",
        "  - id: plc-1",
        "    opcua: " + plc.server.endpointUrl(),
        "twins:",
        "  - id: tank-1",
        "    model_file: broken-model.yaml",
        "    bindings: tank-1.yaml",
        ""));
    Path model = write("broken-model.yaml", "id: broken\nversion: [\n");
    Path tank = write("tank-1.yaml", String.join("\n",
        "twin: tank-1",
        "model: broken",
        "bindings:",
        "  - {property: tank.level, connection: plc-1, address: '" + plc.address("tank.level") + "'}",
        "  - {property: flow.rate, connection: plc-1, address: '" + plc.address("flow.rate").replace("Rate", "Rat") + "'}",
        "  - {property: pid.setpoint, connection: plc-2, address: '" + plc.address("pid.setpoint") + "'}",
        ""));

    String[] r = run("serve", "--check", "--online", "--config", config.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("2");
    List<String> lines = r[2].lines().toList();
    assertThat(lines).as(r[2]).hasSize(4);
    assertThat(lines.get(0)).startsWith(model.toString() + ":");
    assertThat(lines.get(1)).startsWith(at(tank, "\"Flow\".\"Rat\"") + ": bindings[1].address: no such node");
    assertThat(lines.get(2)).startsWith(at(tank, "plc-2") + ": bindings[2].connection: no connection 'plc-2'");
    assertThat(lines.get(3)).isEqualTo(config + ": 3 problems");
  }

  @Test
  void aBrokerThatIsNotThereIsOneProblemAndItsBindingsAreNotChecked() throws Exception {
    String nowhere = "tcp://127.0.0.1:" + Ports.free();
    Path config = lab(plc.server.endpointUrl(), nowhere);
    write("tank-1.yaml", String.join("\n",
        "twin: tank-1",
        "model: tank-process",
        "bindings:",
        "  - {property: tank.level, connection: plc-1, address: '" + plc.address("tank.level") + "'}",
        ""));
    Path motor = write("motor-1.yaml", String.join("\n",
        "twin: motor-1",
        "model: motor-vibration",
        "bindings:",
        "  - {property: motor.current, connection: broker, address: 'lab/motor-1/telemetry#/motor/current'}",
        "  - {property: motor.winding_temperature, connection: broker, address: 'lab/motor-1/telemetry#/motor/winding_temperature'}",
        ""));

    String[] r = run("serve", "--check", "--online", "--timeout", "3", "--config", config.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("1");
    List<String> lines = r[2].lines().toList();
    assertThat(lines).as(r[2]).hasSize(4);
    assertThat(lines.get(0)).startsWith(at(config, nowhere) + ": connections[1].mqtt: cannot reach " + nowhere + ": ");
    assertThat(lines.get(1)).isEqualTo(at(motor, "'lab/motor-1/telemetry#/motor/current'")
        + ": bindings[0].address: not checked: connection 'broker' was not reached");
    assertThat(lines.get(2)).startsWith(at(motor, "'lab/motor-1/telemetry#/motor/winding_temperature'") + ": bindings[1].address: not checked");
    assertThat(lines.get(3)).isEqualTo(config + ": 1 problem, 2 not checked (connection not reached)");
  }

  private Path lab(String opcua, String mqtt) throws Exception {
    return write("twinlab.yaml", String.join("\n",
        "connections:",
        "  - id: plc-1",
        "    opcua: " + opcua,
        "  - id: broker",
        "    mqtt: " + mqtt,
        "twins:",
        "  - id: tank-1",
        "    model: tank-process",
        "    bindings: tank-1.yaml",
        "  - id: motor-1",
        "    model: motor-vibration",
        "    bindings: motor-1.yaml",
        ""));
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /** file:line:column of the first place the text starts in the file (a quoted value starts at its quote). */
  private static String at(Path file, String text) throws Exception {
    String all = Files.readString(file);
    int i = all.indexOf(text);
    assertThat(i).as(text + " in " + file).isNotNegative();
    if (text.startsWith("address: ")) i += "address: ".length();
    else if (!text.startsWith("'") && all.lastIndexOf('\'', i) > all.lastIndexOf('\n', i)) i = all.lastIndexOf('\'', i);
    int line = (int) all.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
    int column = i - (all.lastIndexOf('\n', i - 1) + 1) + 1;
    return file + ":" + line + ":" + column;
  }

}
