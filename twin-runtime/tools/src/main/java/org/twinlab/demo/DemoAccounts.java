package org.twinlab.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.durable.DurableFiles;

/**
 * The demo lab's accounts: an administrator, a trainer, three examiners (the standard wants three
 * marking each candidate) and two candidates. Their passwords are made at random on the first run
 * and kept, for printing, in a file of the data directory that only its owner can read.
 */
public final class DemoAccounts {
  public static final String FILE_NAME = "demo-accounts.txt";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  /** A demo account with its password in the clear (the demo's only). */
  public record Demo(String name, Role role, String display, String password) {}

  static final List<Demo> PLANNED = List.of(
      new Demo("admin", Role.ADMIN, "Lab administrator", null),
      new Demo("trainer", Role.TRAINER, "Wang Fang (trainer)", null),
      new Demo("exam1", Role.EXAMINER, "Examiner Li", null),
      new Demo("exam2", Role.EXAMINER, "Examiner Zhang", null),
      new Demo("exam3", Role.EXAMINER, "Examiner Chen", null),
      new Demo("cand1", Role.CANDIDATE, "Candidate Zhao Lei", null),
      new Demo("cand2", Role.CANDIDATE, "Candidate Liu Min", null));

  private DemoAccounts() {}

  /** Makes the demo accounts that are missing and answers every one with its password. */
  public static List<Demo> ensure(Accounts accounts, Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    List<Demo> kept = read(file);
    List<Demo> out = new ArrayList<>();
    for (Demo d : PLANNED) {
      Demo known = kept.stream().filter(k -> k.name().equals(d.name())).findFirst().orElse(null);
      if (accounts.find(d.name()).isPresent() && known != null) {
        out.add(known);
      } else if (accounts.find(d.name()).isEmpty()) {
        String password = password();
        accounts.add(d.name(), d.role(), d.display(), password);
        out.add(new Demo(d.name(), d.role(), d.display(), password));
      } else {
        out.add(new Demo(d.name(), d.role(), d.display(), "(set earlier; twinlab users passwd " + d.name() + ")"));
      }
    }
    write(file, out);
    return out;
  }

  private static String password() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 14; i++) s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return s.toString();
  }

  private static List<Demo> read(Path file) {
    if (!Files.exists(file)) return List.of();
    try {
      List<Demo> out = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split("\t");
        if (f.length == 3 && !line.startsWith("#")) out.add(new Demo(f[0], Role.of(f[1]), f[0], f[2]));
      }
      return out;
    } catch (IOException | IllegalArgumentException e) {
      return List.of();
    }
  }

  private static void write(Path file, List<Demo> all) {
    StringBuilder s = new StringBuilder("# twinlab demo accounts: name, role, password (demo only)\n");
    all.stream().filter(d -> !d.password().startsWith("(")).forEach(d -> s.append(d.name()).append('\t').append(d.role().key())
        .append('\t').append(d.password()).append('\n'));
    try {
      DurableFiles.replace(file, s.toString());
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException noPosix) {
      // the data directory's own protection applies
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
