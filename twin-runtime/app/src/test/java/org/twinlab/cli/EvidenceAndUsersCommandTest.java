package org.twinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.auth.Accounts;
import org.twinlab.runtime.auth.AuditLog;
import org.twinlab.runtime.evidence.EvidenceLog;
import org.twinlab.runtime.evidence.PlatformKey;
import picocli.CommandLine;

class EvidenceAndUsersCommandTest {
  @TempDir
  Path data;

  private static String[] run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TwinlabCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      int code = cli.execute(args);
      return new String[] {String.valueOf(code), out.toString(), err.toString()};
    } finally {
      System.setIn(before);
    }
  }

  private Path sealedEvidence() {
    Path file = data.resolve("sessions").resolve("exam-a").resolve("evidence.jsonl");
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject().put("plan", new JsonObject().put("id", "exam-a")));
      log.append("mark", "exam1", "s1", new JsonObject().put("check", "record").put("mark", 2));
      log.seal(PlatformKey.openOrCreate(data), "exam1");
    }
    return file;
  }

  @Test
  void verifyAnswersOkForTheSessionsLogAndNamesTheRecordOfAOneByteChange() throws Exception {
    Path file = sealedEvidence();
    String[] ok = run("", "evidence", "verify", file.toString(), "--data", data.toString());
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    assertThat(ok[1]).contains("OK, 3 records, chain intact, signed up to record 3, sealed by platform key SHA256:");

    Path copy = data.resolve("copy.jsonl");
    byte[] bytes = Files.readAllBytes(file);
    int at = new String(bytes, StandardCharsets.UTF_8).indexOf("\"mark\":2");
    bytes[at + 7] = '3';
    Files.write(copy, bytes);
    String[] bad = run("", "evidence", "verify", copy.toString(), "--data", data.toString());
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[1]).contains("FAILED at record 2").contains("its content does not match its hash");

    String[] missing = run("", "evidence", "verify", data.resolve("nothing.jsonl").toString());
    assertThat(missing[0]).isEqualTo("1");
    assertThat(missing[2]).contains("no file");
  }

  @Test
  void theExportedPublicKeyVerifiesALogOffline() throws Exception {
    Path file = sealedEvidence();
    Path pub = data.resolve("elsewhere").resolve("platform.pub");
    Files.createDirectories(pub.getParent());
    String[] exported = run("", "keys", "export", "--data", data.toString(), "-o", pub.toString());
    assertThat(exported[0]).as(exported[2]).isEqualTo("0");
    assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----").doesNotContain("PRIVATE");
    String[] toStdout = run("", "keys", "export", "--data", data.toString());
    assertThat(toStdout[1]).isEqualTo(Files.readString(pub));

    String[] ok = run("", "evidence", "verify", file.toString(), "--key", pub.toString());
    assertThat(ok[0]).as(ok[1] + ok[2]).isEqualTo("0");

    Path otherData = data.resolve("other");
    PlatformKey.openOrCreate(otherData);
    run("", "keys", "export", "--data", otherData.toString(), "-o", pub.toString());
    String[] wrongKey = run("", "evidence", "verify", file.toString(), "--key", pub.toString());
    assertThat(wrongKey[0]).isEqualTo("1");
    assertThat(wrongKey[1]).contains("FAILED at record 3 (seal signature)").contains("not the trusted platform key");
  }

  @Test
  void aLogStrippedOfItsSealFailsAndADataDirectoryWithoutAKeySaysSo() throws Exception {
    Path file = sealedEvidence();
    java.util.List<String> lines = Files.readAllLines(file);
    Path ended = data.resolve("ended.jsonl");
    try (EvidenceLog log = EvidenceLog.open(ended, Clock.systemUTC())) {
      log.append("session.created", "exam1", null, new JsonObject());
      log.append(EvidenceLog.ENDED, "exam1", null, new JsonObject());
    }
    String[] unsealed = run("", "evidence", "verify", ended.toString(), "--data", data.toString());
    assertThat(unsealed[0]).isEqualTo("1");
    assertThat(unsealed[1]).contains("FAILED at record 2 (ended without seal)");
    assertThat(lines).hasSize(3);

    Path empty = Files.createDirectories(data.resolve("fresh"));
    String[] noKey = run("", "evidence", "verify", file.toString(), "--data", empty.toString());
    assertThat(noKey[0]).isEqualTo("1");
    assertThat(noKey[2]).contains("has no platform key yet");
    String[] noExport = run("", "keys", "export", "--data", empty.toString());
    assertThat(noExport[0]).isEqualTo("1");
    assertThat(noExport[2]).contains("has no platform key yet");
  }

  @Test
  void usersAreAddedWithAPasswordFromStandardInputAndAudited() throws Exception {
    String[] added = run("a-strong-password\n", "users", "add", "exam7", "--role", "examiner", "--display", "Examiner Wu",
        "--data", data.toString());
    assertThat(added[0]).as(added[2]).isEqualTo("0");
    assertThat(Accounts.open(data, java.time.Clock.systemUTC()).authenticate("exam7", "a-strong-password")).isPresent();
    assertThat(Files.readString(data.resolve(AuditLog.FILE_NAME))).contains("\"action\":\"add user\"").contains("exam7");

    String[] weak = run("short\n", "users", "add", "exam8", "--role", "examiner", "--data", data.toString());
    assertThat(weak[0]).isEqualTo("1");
    assertThat(weak[2]).contains("at least 10 characters");
    String[] role = run("a-strong-password\n", "users", "add", "exam9", "--role", "boss", "--data", data.toString());
    assertThat(role[2]).contains("no role 'boss'");

    String[] list = run("", "users", "list", "--data", data.toString());
    assertThat(list[1]).contains("exam7").contains("examiner").contains("Examiner Wu").doesNotContain("argon2");
    assertThat(run("another-strong-one\n", "users", "passwd", "exam7", "--data", data.toString())[0]).isEqualTo("0");
    assertThat(Accounts.open(data, java.time.Clock.systemUTC()).authenticate("exam7", "another-strong-one")).isPresent();

    // locked, the right password no longer logs in; unlocked, it does again; both audited as the API audits them
    String[] locked = run("", "users", "lock", "exam7", "--data", data.toString());
    assertThat(locked[0]).as(locked[2]).isEqualTo("0");
    assertThat(locked[1]).contains("locked exam7");
    assertThat(Accounts.open(data, java.time.Clock.systemUTC()).authenticate("exam7", "another-strong-one")).isEmpty();
    assertThat(Accounts.open(data, java.time.Clock.systemUTC()).find("exam7").orElseThrow().locked()).isTrue();
    assertThat(Files.readString(data.resolve(AuditLog.FILE_NAME))).contains("\"action\":\"lock user\"");
    String[] unlocked = run("", "users", "unlock", "exam7", "--data", data.toString());
    assertThat(unlocked[0]).as(unlocked[2]).isEqualTo("0");
    assertThat(Accounts.open(data, java.time.Clock.systemUTC()).authenticate("exam7", "another-strong-one")).isPresent();
    assertThat(Files.readString(data.resolve(AuditLog.FILE_NAME))).contains("\"action\":\"unlock user\"");
    String[] nobody = run("", "users", "lock", "nobody", "--data", data.toString());
    assertThat(nobody[0]).isEqualTo("1");
    assertThat(nobody[2]).contains("no user 'nobody'");

    assertThat(run("", "users", "remove", "exam7", "--data", data.toString())[0]).isEqualTo("0");
    assertThat(Accounts.open(data, java.time.Clock.systemUTC()).find("exam7")).isEmpty();
  }
}
