package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.runtime.DemoProcess;

/**
 * The trainer page's dry run of an uploaded scenario, over the API: the same table of candidates
 * and the same rules' verdict as the command line gives, for a fair scenario and for one that
 * credits doing nothing.
 */
class DryRunRouteIT {
  private static final Path FAIR = Path.of("..", "exam", "src", "test", "resources", "scenarios", "fair-tank-setpoint.yaml");

  @TempDir
  Path tmp;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void anUploadedScenariosDryRunGivesEveryCandidatesRowAndTheRulesVerdict() throws Exception {
    String yaml = Files.readString(FAIR);
    try (DemoProcess demo = DemoProcess.start(Files.createDirectories(tmp.resolve("data")))) {
      demo.json("trainer", "POST", "/api/v1/scenarios", new JsonObject().put("name", "fair-tank-setpoint.yaml").put("yaml", yaml));
      JsonObject r = demo.json("trainer", "POST", "/api/v1/scenarios/fair-tank-setpoint/dry-run", null);
      assertThat(r.getBoolean("ok")).as(r.encodePrettily()).isTrue();
      List<JsonObject> candidates = r.getJsonArray("candidates").stream().map(JsonObject.class::cast).toList();
      assertThat(candidates).extracting(c -> c.getString("kind")).startsWith("reference", "idle", "motions", "random")
          .contains("task-alone");
      assertThat(candidates.get(0).getDouble("total")).isEqualTo(100.0, offset(1e-6));
      assertThat(candidates.get(1).getDouble("total")).isEqualTo(0.0, offset(1e-6));
      assertThat(candidates).filteredOn(c -> "set-level".equals(c.getString("task"))).singleElement()
          .satisfies(c -> assertThat(c.getDouble("total")).isEqualTo(75.0, offset(1e-6)));
      assertThat(r.getJsonArray("rules").stream().map(JsonObject.class::cast)).allMatch(rule -> rule.getBoolean("ok"));
      assertThat(r.getJsonObject("reference").getDouble("total")).isEqualTo(100.0, offset(1e-6)); // as before, for older pages
      // each candidate says what its rule expects of it and whether it met that; a fair scenario has no findings
      assertThat(candidates).allSatisfy(c -> assertThat(c.getString("verdict")).as(c.encode()).isEqualTo("ok"));
      assertThat(candidates).extracting(c -> c.getString("expected")).startsWith("reference-scores-100", "idle-scores-0", "motions-fails", "random-fails")
          .contains("task-alone-earns-its-share");
      assertThat(r.getJsonArray("findings")).isEmpty();

      // the same scenario with a check a candidate who does nothing passes: the verdict names the rule and the check
      String lax = yaml.replace("        points: 4\n  - id: file-report",
          "        points: 4\n      - id: no-overflow\n        measure: \"never rig.tank.level > 480\"\n        points: 2\n  - id: file-report")
          .replace("scenario: fair-tank-setpoint", "scenario: lax-tank-setpoint");
      demo.json("trainer", "POST", "/api/v1/scenarios", new JsonObject().put("name", "lax-tank-setpoint.yaml").put("yaml", lax));
      JsonObject bad = demo.json("trainer", "POST", "/api/v1/scenarios/lax-tank-setpoint/dry-run", null);
      assertThat(bad.getBoolean("ok")).isFalse();
      JsonObject idleRule = bad.getJsonArray("rules").stream().map(JsonObject.class::cast)
          .filter(rule -> rule.getString("rule").equals("idle-scores-0")).findFirst().orElseThrow();
      assertThat(idleRule.getBoolean("ok")).isFalse();
      assertThat(idleRule.getJsonArray("broken").getString(0)).contains("no-overflow");
      assertThat(bad.getJsonArray("problems").getList()).anySatisfy(p -> assertThat(p.toString()).endsWith("[idle-scores-0]"));
      assertThat(bad.getJsonArray("candidates").stream().map(JsonObject.class::cast).filter(c -> c.getString("kind").equals("idle")))
          .singleElement().satisfies(c -> assertThat(c.getString("verdict")).isEqualTo("violation"));
      assertThat(bad.getJsonArray("findings").stream().map(JsonObject.class::cast)).anySatisfy(f -> {
        assertThat(f.getString("rule")).isEqualTo("idle-scores-0");
        assertThat(f.getString("says")).isEqualTo("a candidate who does nothing scores 0");
        assertThat(f.getString("message")).contains("no-overflow");
      });

      // a candidate cannot dry-run scenarios: the route stays staff-only
      assertThat(demo.call("cand1", "POST", "/api/v1/scenarios/fair-tank-setpoint/dry-run", null).statusCode()).isEqualTo(403);
    }
  }
}
