package org.twinlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twinlab demo} as a script meets it: the moment health answers at all (UP or not yet), the
 * demo's accounts file is written and every account in it logs in, so a script that waits for
 * health and then logs in never finds the accounts missing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoAccountsReadyIT {
  @TempDir
  Path tmp;

  @Test
  void everyDemoAccountLogsInAsSoonAsHealthAnswers() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    try (DemoProcess demo = DemoProcess.startDegraded(data)) {
      List<String[]> accounts = Files.readAllLines(data.resolve("demo-accounts.txt")).stream()
          .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t")).toList();
      assertThat(accounts).extracting(a -> a[0]).contains("admin", "trainer", "exam1", "cand1");
      for (String[] a : accounts) {
        var me = demo.json(a[0], "GET", "/api/v1/me", null);
        assertThat(me.getString("user")).isEqualTo(a[0]);
        assertThat(me.getString("role")).isEqualTo(a[1]);
      }
    }
  }
}
