package org.twinlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.models.yaml.Problem;
import org.twinlab.runtime.config.LabCheck;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.LabConfigLoader;
import org.twinlab.runtime.cluster.ClusterConfig;
import org.twinlab.runtime.cluster.ClusterConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The runtime against real rigs and brokers, as a configuration file describes them. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the twin runtime on real rigs as twinlab.yaml describes them (see the README for an example).")
final class ServeCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", defaultValue = "twinlab.yaml", description = "configuration file (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(names = "--check", description = "only check the configuration and its binding files, then exit")
  boolean check;

  @Option(names = "--online", description = "with --check: also connect to every OPC UA server and MQTT broker and check each binding "
      + "against it (the node exists, its type fits, it may be read or written; the topic carries the JSON field; "
      + "the Sparkplug metric is in its birth with a type that fits)")
  boolean online;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "with --online: how long each connection may take to answer (default: ${DEFAULT-VALUE})")
  int timeout;

  @Option(names = "--cluster", paramLabel = "CLUSTER_YAML",
      description = "join a clustered lab as cluster.yaml says: this node's name, the members to join, placement (see docs/cluster.md)")
  Path cluster;

  @Override
  public Integer call() throws Exception {
    if (online && !check) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--online goes with --check");
    if (timeout < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout is at least 1 second");
    if (check) return check();
    LabConfig lab;
    try {
      lab = LabConfigLoader.load(config);
    } catch (InvalidInputException e) {
      LabCheck.offline(config).all().forEach(p -> spec.commandLine().getErr().println(p));
      spec.commandLine().getErr().flush();
      return 2;
    }
    if (cluster != null) return clustered(lab);
    return RuntimeHost.run(lab, port -> {
      String host = lab.bind().equals("0.0.0.0") ? "localhost" : lab.bind();
      String scheme = lab.http().tls().isPresent() ? "https" : "http";
      System.out.printf("twinlab serving %d twins at %s://%s:%d/ (API /api/v1, data in %s)%n", lab.twins().size(), scheme, host, port,
          lab.dataDir());
      System.out.println("Ctrl-C stops");
    }, null);
  }

  private int clustered(LabConfig lab) throws Exception {
    ClusterConfig node;
    try {
      node = ClusterConfigLoader.load(cluster, lab.twins().stream().map(org.twinlab.runtime.config.TwinConfig::id).toList());
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> spec.commandLine().getErr().println(p));
      spec.commandLine().getErr().flush();
      return 2;
    }
    return RuntimeHost.runClustered(lab, node, port -> {
      System.out.printf("twinlab node %s of a cluster at http://%s:%d/ (API /api/v1, %d twins in the lab, data in %s)%n", node.node(),
          lab.bind().equals("0.0.0.0") ? "localhost" : lab.bind(), port, lab.twins().size(), lab.dataDir());
      System.out.println("Ctrl-C stops");
    });
  }

  /** Every problem at once in file:line:column order, then a count line; 2 for problems in the files, 1 for problems found online. */
  private int check() {
    LabCheck.Report report = online ? LabCheck.online(config, Duration.ofSeconds(timeout)) : LabCheck.offline(config);
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (report.clean() && cluster != null) {
      // the cluster file is checked against the lab's twins once the lab reads cleanly
      try {
        ClusterConfigLoader.load(cluster, report.lab().orElseThrow().twins().stream().map(org.twinlab.runtime.config.TwinConfig::id).toList());
      } catch (InvalidInputException e) {
        e.problems().forEach(err::println);
        err.printf("%s: %d %s%n", cluster, e.problems().size(), e.problems().size() == 1 ? "problem" : "problems");
        err.flush();
        return 2;
      }
    }
    if (report.clean()) {
      LabConfig lab = report.lab().orElseThrow();
      out.printf("%s: %d connections, %d twins, all bindings valid%s%n", config, lab.connections().size(), lab.twins().size(),
          online ? " (" + report.bindings() + " checked against their servers and brokers)" : "");
      out.flush();
      return 0;
    }
    for (Problem p : report.all()) err.println(p);
    int n = report.problems();
    String count = n + (n == 1 ? " problem" : " problems");
    if (!report.notChecked().isEmpty()) count += ", " + report.notChecked().size() + " not checked (connection not reached)";
    err.printf("%s: %s%n", config, count);
    err.flush();
    return report.inFiles().isEmpty() ? 1 : 2;
  }
}
