package org.twinlab.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --mqtt}: the broker a command talks to, declared once for the benches and the simulator. */
final class MqttBrokerOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--mqtt", paramLabel = "<mqtt>", description = "MQTT broker, e.g. tcp://127.0.0.1:1883")
  String uri;

  /** The broker; without one, a usage error that says why this command needs it. */
  String required(String why) {
    if (uri == null) throw new ParameterException(command.commandLine(), why);
    return uri;
  }
}
