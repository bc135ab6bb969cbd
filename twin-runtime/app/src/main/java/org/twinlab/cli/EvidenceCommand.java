package org.twinlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import org.twinlab.runtime.evidence.EvidenceVerifier;
import org.twinlab.runtime.evidence.PlatformKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks a lab session's evidence file, as an appeal panel would. */
@Command(name = "evidence", mixinStandardHelpOptions = true, description = "Lab session evidence logs.",
    subcommands = {EvidenceCommand.Verify.class, EvidenceCommand.Export.class})
final class EvidenceCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check every record's hash and its link to the one before, every checkpoint's and the seal's platform "
          + "signature over the chain, and that a session that ended is sealed. Answers OK and the last record the platform "
          + "signed, or names the first record that does not verify and the rule it breaks. Exit code 0 when it verifies, 1 when not.")
  static final class Verify implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "an evidence file (evidence.jsonl, or one downloaded from a session)")
    Path file;

    @Option(names = "--key", paramLabel = "PUBLIC_KEY",
        description = "the platform's public key (PEM: <data>/keys/platform-ed25519.pub, `twinlab keys export`, or "
            + "GET /api/v1/keys/platform) every signature must be made with")
    Path key;

    @Option(names = "--data", paramLabel = "DIR", description = "take the platform's public key from this data directory")
    Path data;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(file)) {
        err.println("twinlab evidence verify: no file " + file);
        err.flush();
        return 1;
      }
      Path keyFile = key != null ? key : data != null ? PlatformKey.publicFile(data) : null;
      PublicKey trusted = null;
      if (key == null && data != null && !Files.exists(keyFile)) {
        err.println("twinlab evidence verify: " + data + " has no platform key yet (" + keyFile
            + " does not exist: no session was planned there), so nothing can be checked against it");
        err.flush();
        return 1;
      }
      if (keyFile != null) {
        try {
          trusted = PlatformKey.readPublic(keyFile);
        } catch (Exception e) {
          err.println("twinlab evidence verify: the key " + keyFile + " does not read: " + e.getMessage());
          err.flush();
          return 1;
        }
      }
      EvidenceVerifier.Result r = EvidenceVerifier.verify(file, trusted);
      if (r.ok()) {
        out.println(file + ": OK, " + r.message() + (trusted == null && r.sealedBy() != null
            ? " (the key was not compared with a trusted one: pass --key or --data)" : ""));
      } else {
        out.println(file + ": FAILED at record " + r.line() + " (" + r.rule().name().toLowerCase().replace('_', ' ') + ") — "
            + r.message());
      }
      out.flush();
      return r.ok() ? 0 : 1;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write a session's evidence, as the store of a twinlab.yaml keeps it (its store: section, or its data "
          + "directory), to a file in the evidence file format, for `twinlab evidence verify`. Written as it is kept, "
          + "whether or not it verifies. Exit code 0 when written, 1 when not.")
  static final class Export implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "TWINLAB_YAML",
        description = "the lab's configuration: its store: section names the database (the password from its password_env or password_file)")
    Path config;

    @Option(names = "--session", required = true, paramLabel = "ID", description = "the session whose evidence is written")
    String session;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the file to write (replaced if it exists)")
    Path out;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      try {
        if (!session.matches("[a-z0-9][a-z0-9-]{0,63}")) throw new IllegalArgumentException("--session: not a session id: " + session);
        org.twinlab.runtime.config.LabConfig lab = org.twinlab.runtime.config.LabConfigLoader.load(config);
        java.time.Clock clock = java.time.Clock.systemUTC();
        byte[] bytes;
        try (org.twinlab.runtime.evidence.EvidenceStore store = lab.store()
            .map(st -> org.twinlab.runtime.evidence.EvidenceStoreFactory.forType(st.type()).open(st, clock))
            .orElseGet(() -> new org.twinlab.runtime.evidence.FileEvidenceStore(
                lab.dataDir().resolve(org.twinlab.runtime.session.LabSessions.DIR), clock))) {
          bytes = store.export(session);
        }
        Files.write(out, bytes);
        PrintWriter o = spec.commandLine().getOut();
        o.println("session " + session + ": " + bytes.length + " bytes of evidence written to " + out);
        o.flush();
        return 0;
      } catch (org.twinlab.models.yaml.InvalidInputException e) {
        e.problems().forEach(p -> err.println(p));
      } catch (RuntimeException e) {
        err.println("twinlab evidence export: " + e.getMessage());
      }
      err.flush();
      return 1;
    }
  }
}
