package org.twinlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinlab.models.yaml.InvalidInputException;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.LabConfigLoader;
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

  @Override
  public Integer call() throws Exception {
    LabConfig lab;
    try {
      lab = LabConfigLoader.load(config);
    } catch (InvalidInputException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    if (check) {
      spec.commandLine().getOut().printf("%s: %d connections, %d twins, all bindings valid%n", config, lab.connections().size(), lab.twins().size());
      spec.commandLine().getOut().flush();
      return 0;
    }
    return RuntimeHost.run(lab, port -> {
      String host = lab.bind().equals("0.0.0.0") ? "localhost" : lab.bind();
      String scheme = lab.http().tls().isPresent() ? "https" : "http";
      System.out.printf("twinlab serving %d twins at %s://%s:%d/ (API /api/v1, data in %s)%n", lab.twins().size(), scheme, host, port,
          lab.dataDir());
      System.out.println("Ctrl-C stops");
    }, null);
  }
}
