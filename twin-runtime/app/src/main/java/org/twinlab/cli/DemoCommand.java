package org.twinlab.cli;

import java.util.concurrent.Callable;
import org.twinlab.demo.DemoAccounts;
import org.twinlab.demo.DemoLab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The demo lab on embedded defaults: simulated rigs, an embedded broker, the runtime and its web page. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the demo lab: 2 conveyor stations, a tank rig and 2 motor nodes, simulated, with live twins on the web.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the web page and API (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "address the web page and API listen on; 0.0.0.0 opens them to the network (default: ${DEFAULT-VALUE})")
  String bind;

  @Mixin
  DataDirOption data;

  @Option(names = "--mqtt-port", defaultValue = "1883", description = "embedded broker port, another if in use (default: ${DEFAULT-VALUE})")
  int mqttPort;

  @Option(names = "--opcua-port", defaultValue = "4841", description = "first simulated PLC's OPC UA port (default: ${DEFAULT-VALUE})")
  int opcuaPort;

  @Override
  public Integer call() throws Exception {
    DemoLab lab = DemoLab.start(mqttPort, opcuaPort, bind, port, data.dir);
    // the accounts and their file exist before the runtime listens: a script that logs in as soon as health answers finds them
    var accounts = DemoAccounts.ensure(org.twinlab.runtime.auth.Accounts.open(lab.config().dataDir(), java.time.Clock.systemUTC()),
        lab.config().dataDir());
    return RuntimeHost.run(lab.config(), lab::simulator, runtime -> {
      int actual = runtime.port();
      String host = bind.equals("0.0.0.0") ? "localhost" : bind;
      System.out.printf("twinlab demo lab is up%n");
      System.out.printf("  web page   http://%s:%d/%n", host, actual);
      System.out.printf("  API        http://%s:%d/api/v1/twins  (OpenAPI: /api/v1/openapi.json)%n", host, actual);
      System.out.printf("  MQTT       %s%n", lab.brokerUri());
      lab.rigs().forEach(r -> System.out.printf("  %-10s %s%n", r.twin(), r.endpoint()));
      System.out.printf("  history    %s (status: /api/v1/history/status)%n",
          lab.config().dataDir().resolve(org.twinlab.runtime.history.SqliteHistoryStore.FILE_NAME));
      System.out.printf("  accounts   (kept in %s; log in at http://%s:%d/)%n", lab.config().dataDir().resolve(DemoAccounts.FILE_NAME),
          host, actual);
      accounts.forEach(a -> System.out.printf("    %-10s %-9s %s%n", a.name(), a.role().key(), a.password()));
      System.out.println("Ctrl-C stops");
    }, lab);
  }
}
