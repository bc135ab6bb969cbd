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

  /** A change to one certificate named by its thumbprint: done, or said why not on stderr with exit status 1. */
  abstract static class ThumbprintChange implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(paramLabel = "THUMBPRINT", description = "the SHA-1 thumbprint `twinlab certs list` shows")
    String thumbprint;

    /** Makes the change; false when there is no such certificate to change. */
    abstract boolean change(OpcUaPki pki) throws Exception;

    abstract String name();

    /** What the certificate must be for the change, as the refusal says it ("refused certificate"). */
    abstract String what();

    abstract String done();

    @Override
    public Integer call() throws Exception {
      if (!change(pki(data.dir))) {
        spec.commandLine().getErr().println("twinlab certs " + name() + ": no " + what() + " " + thumbprint + " (see twinlab certs list)");
        spec.commandLine().getErr().flush();
        return 1;
      }
      spec.commandLine().getOut().println(done() + " " + thumbprint);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "trust", mixinStandardHelpOptions = true,
      description = "Trust a refused server certificate; the connection succeeds at its next reconnect.")
  static final class Trust extends ThumbprintChange {
    @Override
    boolean change(OpcUaPki pki) throws Exception {
      return pki.trust(thumbprint);
    }

    @Override
    String name() {
      return "trust";
    }

    @Override
    String what() {
      return "refused certificate";
    }

    @Override
    String done() {
      return "trusted";
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Remove a certificate from the trusted (or refused) ones; a server using it is refused from its next connect.")
  static final class Remove extends ThumbprintChange {
    @Override
    boolean change(OpcUaPki pki) throws Exception {
      return pki.remove(thumbprint);
    }

    @Override
    String name() {
      return "remove";
    }

    @Override
    String what() {
      return "certificate";
    }

    @Override
    String done() {
      return "removed";
    }
  }
}
