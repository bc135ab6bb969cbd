package org.twinlab.runtime.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.binding.BindingLoader;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.config.LabConfig;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.TwinRequestException;

/** An upgraded twin's package and the one to roll back to are on disk, so a restart runs the same version and can still roll back. */
class TwinPackagesUpgradeTest {
  private static final Map<String, String> PROTOCOLS = Map.of("plc", "opcua");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

  private static JsonObject pkg(int samplingMs) {
    return new JsonObject().put("twin", "tank-9").put("model", "tank-process").put("bindings", new JsonArray().add(new JsonObject()
        .put("property", "tank.level").put("connection", "plc").put("address", "nsu=urn:twinlab:plc;s=\"Tank\".\"Level\"")
        .put("sampling_ms", samplingMs)));
  }

  private static double sampling(TwinConfig t) {
    return t.bindings().bindings().get(0).source().samplingMs();
  }

  @Test
  void anUpgradedPackageRunsAfterARestartAndRollsBackOnce(@TempDir Path data) throws Exception {
    LabConfig lab = new LabConfig("127.0.0.1", 0, data, 3, List.of(), List.of());
    TwinPackages before = new TwinPackages(lab, PROTOCOLS, CLOCK);
    before.saved("tank-9", pkg(200));
    assertThat(before.version("tank-9")).isEqualTo("1");
    JsonObject v2 = pkg(100).put("version", "2");
    before.upgraded("tank-9", v2, before.read(v2));

    TwinPackages restarted = new TwinPackages(lab, PROTOCOLS, CLOCK);
    assertThat(restarted.startingTwins()).singleElement().satisfies(t -> assertThat(sampling(t)).isEqualTo(100.0));
    assertThat(restarted.version("tank-9")).isEqualTo("2");
    var target = restarted.rollbackTarget("tank-9").orElseThrow();
    assertThat(target.version()).isEqualTo("1");
    assertThat(sampling(target.twin())).isEqualTo(200.0);
    restarted.rolledBack("tank-9", target);

    TwinPackages again = new TwinPackages(lab, PROTOCOLS, CLOCK);
    assertThat(again.startingTwins()).singleElement().satisfies(t -> assertThat(sampling(t)).isEqualTo(200.0));
    assertThat(again.version("tank-9")).isEqualTo("1");
    assertThat(again.rollbackTarget("tank-9")).isEmpty();
  }

  @Test
  void aConfiguredTwinRollsBackToItsConfigurationAndItsBindingJournalIsSetAside(@TempDir Path data) throws Exception {
    var model = ModelLibrary.loadBuiltIn("tank-process");
    BindingSet configured = BindingLoader.load("twinlab.yaml", pkg(200).put("twin", "tank-1").encode(), model, PROTOCOLS);
    LabConfig lab = new LabConfig("127.0.0.1", 0, data, 3, List.of(), List.of(new TwinConfig("tank-1", model, configured)));
    TwinPackages packages = new TwinPackages(lab, PROTOCOLS, CLOCK);
    Path journal = data.resolve("bindings").resolve("tank-1.jsonl");
    Files.createDirectories(journal.getParent());
    Files.writeString(journal, "{}\n");
    JsonObject v2 = pkg(100).put("twin", "tank-1").put("version", "2");
    packages.upgraded("tank-1", v2, packages.read(v2));
    // the new version starts from its own bindings, not the edits made to the old one
    assertThat(journal).doesNotExist();
    assertThat(packages.isPackage("tank-1")).isTrue();

    var target = packages.rollbackTarget("tank-1").orElseThrow();
    assertThat(target.pkg()).isNull();
    assertThat(target.twin().bindings()).isEqualTo(configured);
    packages.rolledBack("tank-1", target);
    TwinPackages restarted = new TwinPackages(lab, PROTOCOLS, CLOCK);
    assertThat(restarted.startingTwins()).singleElement().satisfies(t -> assertThat(t.bindings()).isEqualTo(configured));
    assertThat(restarted.version("tank-1")).isEqualTo("1");
    assertThat(restarted.isPackage("tank-1")).isFalse();
  }

  @Test
  void aPackagesVersionIsTextOrAWholeNumberAndNothingElse(@TempDir Path data) {
    TwinPackages packages = new TwinPackages(new LabConfig("127.0.0.1", 0, data, 3, List.of(), List.of()), PROTOCOLS, CLOCK);
    assertThat(TwinPackages.versionOf(2, "version")).isEqualTo("2");
    assertThat(TwinPackages.versionOf("2.1-rc", "version")).isEqualTo("2.1-rc");
    for (Object bad : List.of(2.5, "../2", "", new JsonArray())) {
      assertThatThrownBy(() -> packages.read(pkg(200).put("version", bad))).as(String.valueOf(bad))
          .isInstanceOfSatisfying(TwinRequestException.class, e -> assertThat(e.field()).isEqualTo("version"));
    }
  }
}
