package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinlab.runtime.evidence.PlatformKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The platform key's public part, for those who check evidence away from the runtime. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "The platform key that signs evidence.",
    subcommands = KeysCommand.Export.class)
final class KeysCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write the platform's public key (PEM) so anyone can verify a downloaded evidence log offline: "
          + "twinlab evidence verify --key platform.pub FILE. The private key never leaves the data directory.")
  static final class Export implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "the runtime's data directory")
    Path data;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write the PEM (default: standard output)")
    Path output;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      Path file = PlatformKey.publicFile(data);
      if (!Files.isRegularFile(file)) {
        err.println("twinlab keys export: " + data + " has no platform key yet (" + file + " does not exist)");
        err.flush();
        return 1;
      }
      String pem;
      try {
        pem = Files.readString(file);
        PlatformKey.readPublic(file);
      } catch (Exception e) {
        err.println("twinlab keys export: the key " + file + " does not read: " + e.getMessage());
        err.flush();
        return 1;
      }
      if (output == null) {
        spec.commandLine().getOut().print(pem);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(output, pem);
        err.println("wrote " + output + " (" + PlatformKey.fingerprint(PlatformKey.readPublic(file)) + ")");
        err.flush();
      }
      return 0;
    }
  }
}
