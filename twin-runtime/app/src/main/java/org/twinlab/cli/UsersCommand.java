package org.twinlab.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.auth.Role;
import org.twinlab.runtime.shared.SharedState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * User accounts of a data directory, for the administrator at the machine (the first admin account
 * is made here). Passwords are read from standard input, never from the command line.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "User accounts: list, add, set a password, lock, unlock, remove.",
    subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.Passwd.class, UsersCommand.Lock.class,
        UsersCommand.Unlock.class, UsersCommand.Remove.class})
final class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  abstract static class OnData implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--store", paramLabel = "TWINLAB_YAML",
        description = "the lab's configuration: the accounts and audit trail its store: section keeps, shared by every node (instead of --data)")
    java.nio.file.Path store;

    @Override
    public Integer call() throws Exception {
      java.time.Clock clock = java.time.Clock.systemUTC(); // the command's one clock, as the runtime has its own
      try (SharedState state = state(clock); AuditLog audit = new AuditLog(state.audit(), clock)) {
        return run(Accounts.over(state.accounts(), clock), audit, spec.commandLine().getOut());
      } catch (org.twinlab.models.yaml.InvalidInputException e) {
        e.problems().forEach(p -> spec.commandLine().getErr().println(p));
        spec.commandLine().getErr().flush();
        return 1;
      } catch (IllegalArgumentException | IllegalStateException | java.util.NoSuchElementException e) {
        spec.commandLine().getErr().println("twinlab users: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 1;
      }
    }

    abstract int run(Accounts accounts, AuditLog audit, PrintWriter out) throws Exception;

    /** The data directory's accounts, or with --store those of the lab's store: section (its data directory's without one). */
    private SharedState state(java.time.Clock clock) throws java.io.IOException, org.twinlab.models.yaml.InvalidInputException {
      if (store == null) return SharedState.files(java.nio.file.Files.createDirectories(data.dir));
      org.twinlab.runtime.config.LabConfig lab = org.twinlab.runtime.config.LabConfigLoader.load(store);
      if (lab.store().isEmpty()) java.nio.file.Files.createDirectories(lab.dataDir());
      return SharedState.of(lab, clock);
    }

    static String readPassword() throws java.io.IOException {
      var console = System.console();
      if (console != null) return new String(console.readPassword("password: "));
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line;
    }

    static String operator() {
      return "console:" + System.getProperty("user.name", "?");
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every account: name, role, display name.")
  static final class ListUsers extends OnData {
    @Override
    int run(Accounts accounts, AuditLog audit, PrintWriter out) {
      accounts.all().forEach(a -> out.printf("%-20s %-10s %s%n", a.name(), a.role().key(), a.displayName()));
      out.flush();
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account; the password is read from standard input.")
  static final class Add extends OnData {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, description = "admin, trainer, examiner or candidate")
    String role;

    @Option(names = "--display", description = "the name shown on score sheets")
    String display;

    @Override
    int run(Accounts accounts, AuditLog audit, PrintWriter out) throws Exception {
      Role r = Role.of(role);
      accounts.add(name, r, display, readPassword());
      audit.record(operator(), "add user", name, r.key());
      out.println("added " + name + " (" + r.key() + ")");
      out.flush();
      return 0;
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set an account's password, read from standard input.")
  static final class Passwd extends OnData {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    int run(Accounts accounts, AuditLog audit, PrintWriter out) throws Exception {
      accounts.setPassword(name, readPassword());
      audit.record(operator(), "set password", name, "");
      out.println("password set for " + name);
      out.flush();
      return 0;
    }
  }

  /**
   * Locks or unlocks an account, as the API's PUT /api/v1/users/{name}/lock does, with the same
   * audit actions. A runtime reads the accounts file when it starts, so a running one learns of
   * the change only then: lock from the admin page to end a live login at once.
   */
  abstract static class SetLocked extends OnData {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    abstract boolean locked();

    @Override
    int run(Accounts accounts, AuditLog audit, PrintWriter out) {
      boolean locked = locked();
      accounts.setLocked(name, locked);
      audit.record(operator(), locked ? "lock user" : "unlock user", name, "");
      out.println((locked ? "locked " : "unlocked ") + name);
      out.flush();
      return 0;
    }
  }

  @Command(name = "lock", mixinStandardHelpOptions = true, description = "Lock an account: it can no longer log in; its password is kept.")
  static final class Lock extends SetLocked {
    @Override
    boolean locked() {
      return true;
    }
  }

  @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Unlock an account: its password logs in again.")
  static final class Unlock extends SetLocked {
    @Override
    boolean locked() {
      return false;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account.")
  static final class Remove extends OnData {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    int run(Accounts accounts, AuditLog audit, PrintWriter out) {
      accounts.remove(name);
      audit.record(operator(), "remove user", name, "");
      out.println("removed " + name);
      out.flush();
      return 0;
    }
  }
}
