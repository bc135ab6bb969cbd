package org.twinlab.runtime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The library's clause coverage over the API: staff get per level and clause the scenarios with
 * their points, shares and whether an idle candidate earns on them; an upload that credits doing
 * nothing shows in the next answer; a candidate is refused.
 */
class CoverageRouteIT {
  private static final Path FAIR = Path.of("..", "exam", "src", "test", "resources", "scenarios", "fair-tank-setpoint.yaml");

  @TempDir
  Path tmp;

  private static JsonObject level(JsonObject coverage, int number) {
    return coverage.getJsonArray("levels").stream().map(JsonObject.class::cast).filter(l -> l.getInteger("level") == number)
        .findFirst().orElseThrow();
  }

  private static JsonObject clause(JsonObject coverage, int level, String code) {
    return level(coverage, level).getJsonArray("clauses").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("code").equals(code)).findFirst().orElseThrow();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void staffSeeEachClausesPointsAndIdleProofnessAndACandidateIsRefused() throws Exception {
    try (DemoProcess demo = DemoProcess.start(Files.createDirectories(tmp.resolve("data")))) {
      JsonObject c = demo.json("trainer", "GET", "/api/v1/scenarios/coverage", null);
      assertThat(c.getJsonArray("levels").stream().map(JsonObject.class::cast).map(l -> l.getInteger("level")).toList())
          .containsExactly(5, 4, 3, 2, 1);
      JsonObject l4 = level(c, 4);
      assertThat(l4.getInteger("total")).isEqualTo(19);
      int assessed = l4.getInteger("assessed");
      int idleProof = l4.getInteger("idleProof");
      assertThat(idleProof).isPositive().isLessThanOrEqualTo(assessed);
      assertThat(l4.getDouble("assessedPercent")).isEqualTo(Math.round(1000.0 * assessed / 19) / 10.0);
      JsonObject estop = clause(c, 4, "3.1.2");
      assertThat(estop.getBoolean("idleProof")).isTrue();
      List<JsonObject> by = estop.getJsonArray("assessments").stream().map(JsonObject.class::cast).toList();
      assertThat(by).isNotEmpty().allSatisfy(a -> {
        assertThat(a.getDouble("points")).isPositive();
        assertThat(a.getDouble("share")).isBetween(0.0, 100.0);
        assertThat(a.getBoolean("idleProof")).isTrue();
        assertThat(a.getDouble("idleEarned")).isZero();
      });
      assertThat(estop.getJsonArray("scenarios").getList()).hasSize(by.size());
      // a clause no scenario assesses names none
      assertThat(level(c, 1).getJsonArray("clauses").stream().map(JsonObject.class::cast).filter(x -> !x.getBoolean("assessed")))
          .allSatisfy(x -> assertThat(x.getJsonArray("scenarios")).isEmpty());
      assertThat(demo.json("exam1", "GET", "/api/v1/scenarios/coverage", null).getInteger("total"))
          .isEqualTo(c.getInteger("total"));
      assertThat(demo.json("admin", "GET", "/api/v1/scenarios/coverage", null).getInteger("covered")).isEqualTo(c.getInteger("covered"));

      // an uploaded scenario whose safety check (L4 3.1.2) a candidate who does nothing passes: the clause is no longer idle-proof
      String lax = Files.readString(FAIR).replace("scenario: fair-tank-setpoint", "scenario: lax-tank-setpoint")
          .replace("clauses: [\"4-04-05-10 L4 3.1.1\", ", "clauses: [\"4-04-05-10 L4 3.1.1\", \"4-04-05-10 L4 3.1.2\", ")
          .replace("        points: 4\n  - id: file-report", "        points: 4\n      - id: no-overflow\n        clause: \"4-04-05-10 L4 3.1.2\"\n"
              + "        measure: \"never rig.tank.level > 480\"\n        points: 2\n  - id: file-report");
      demo.json("trainer", "POST", "/api/v1/scenarios", new JsonObject().put("name", "lax-tank-setpoint.yaml").put("yaml", lax));
      JsonObject after = demo.json("trainer", "GET", "/api/v1/scenarios/coverage", null);
      assertThat(after.getInteger("scenarios")).isEqualTo(c.getInteger("scenarios") + 1);
      assertThat(level(after, 4).getInteger("idleProof")).isEqualTo(idleProof - 1);
      JsonObject laxEstop = clause(after, 4, "3.1.2");
      assertThat(laxEstop.getBoolean("assessed")).isTrue();
      assertThat(laxEstop.getBoolean("idleProof")).isFalse();
      JsonObject laxAssessment = laxEstop.getJsonArray("assessments").stream().map(JsonObject.class::cast)
          .filter(a -> a.getString("scenario").equals("lax-tank-setpoint")).findFirst().orElseThrow();
      assertThat(laxAssessment.getDouble("points")).isEqualTo(2.0);
      assertThat(laxAssessment.getDouble("idleEarned")).isEqualTo(2.0);
      assertThat(laxAssessment.getBoolean("idleProof")).isFalse();

      // candidates do not see the library's make-up
      assertThat(demo.call("cand1", "GET", "/api/v1/scenarios/coverage", null).statusCode()).isEqualTo(403);
    }
  }
}
