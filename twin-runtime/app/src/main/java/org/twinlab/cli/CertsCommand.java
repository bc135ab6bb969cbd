package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinlab.connectors.opcua.OpcUaPki;
import org.twinlab.runtime.config.OpcUaSecurityConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The OPC UA trust list in the data directory: the server certificates the runtime trusts, and the
 * ones it refused, waiting for an administrator. A running runtime sees a change at its next
 * reconnect; this works on the files, so it needs no login but access to the data directory.
 */
@Command(name = "certs", mixinStandardHelpOptions = true, description = "OPC UA server certificates: trusted and refused.",
    subcommands = {CertsCommand.ListCerts.class, CertsCommand.Trust.class, CertsCommand.Remove.class})
final class CertsCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static OpcUaPki pki(Path data) throws java.io.IOException {
    return OpcUaPki.at(OpcUaSecurityConfig.pkiDir(data));
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the trusted server certificates and the refused ones, with their thumbprints.")
  static final class ListCerts implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      List<OpcUaPki.Entry> entries = pki(data.dir).list();
      if (entries.isEmpty()) out.println("no OPC UA server certificates yet");
      for (OpcUaPki.Entry e : entries) {
        out.printf("%-9s %s  %s  %s  valid until %s%n", e.trusted() ? "trusted" : "rejected", e.thumbprint(), e.subject(),
            e.applicationUri().isEmpty() ? "-" : e.applicationUri(), e.notAfter());
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "trust", mixinStandardHelpOptions = true,
      description = "Trust a refused server certificate; the connection succeeds at its next reconnect.")
  static final class Trust implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(paramLabel = "THUMBPRINT", description = "the SHA-1 thumbprint `twinlab certs list` shows")
    String thumbprint;

    @Override
    public Integer call() throws Exception {
      if (!pki(data.dir).trust(thumbprint)) {
        spec.commandLine().getErr().println("twinlab certs trust: no refused certificate " + thumbprint + " (see twinlab certs list)");
        spec.commandLine().getErr().flush();
        return 1;
      }
      spec.commandLine().getOut().println("trusted " + thumbprint);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Remove a certificate from the trusted (or refused) ones; a server using it is refused from its next connect.")
  static final class Remove implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(paramLabel = "THUMBPRINT", description = "the SHA-1 thumbprint `twinlab certs list` shows")
    String thumbprint;

    @Override
    public Integer call() throws Exception {
      if (!pki(data.dir).remove(thumbprint)) {
        spec.commandLine().getErr().println("twinlab certs remove: no certificate " + thumbprint + " (see twinlab certs list)");
        spec.commandLine().getErr().flush();
        return 1;
      }
      spec.commandLine().getOut().println("removed " + thumbprint);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
