package org.twinlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the whole product, read from the compiled main code of every module (this
 * module's test class path holds them all). The module boundaries themselves are enforced by the
 * build (each pom's banned dependencies); these rules hold the same layering at package level, so a
 * class moved into the wrong module or package is caught too, and they forbid package cycles.
 */
class ArchitectureTest {
  private static JavaClasses product;

  /** Main code only: no test classes and no test jars. */
  private static final ImportOption MAIN_CODE_ONLY = (Location l) -> !l.contains("/test-classes/") && !l.contains("-tests.jar");

  @BeforeAll
  static void importProduct() {
    product = new ClassFileImporter().withImportOption(MAIN_CODE_ONLY).importPackages("org.twinlab");
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.twinlab.(**)").should().beFreeOfCycles().check(product);
  }

  @Test
  void theRuntimeIsLayered() {
    String rt = "org.twinlab.runtime.";
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy(rt + "auth..", rt + "binding..", rt + "bus..", rt + "config..", rt + "connect..",
            rt + "durable..", rt + "twin..", rt + "packages..", rt + "shared..")
        .layer("history").definedBy(rt + "history")
        .layer("history store on InfluxDB").definedBy(rt + "history.influx..")
        .layer("exam").definedBy(rt + "evidence..", rt + "scenario..", rt + "session..", rt + "sheets..", rt + "backup..")
        .layer("store on PostgreSQL").definedBy(rt + "store.postgres..")
        .layer("web").definedBy(rt + "api..")
        .layer("assembly").definedBy("org.twinlab.runtime")
        .layer("cluster").definedBy(rt + "cluster..")
        .layer("tools").definedBy("org.twinlab.demo..", "org.twinlab.bench..")
        .layer("command line").definedBy("org.twinlab.cli..")
        .whereLayer("command line").mayNotBeAccessedByAnyLayer()
        .whereLayer("tools").mayOnlyBeAccessedByLayers("command line")
        .whereLayer("cluster").mayOnlyBeAccessedByLayers("command line")
        .whereLayer("assembly").mayOnlyBeAccessedByLayers("cluster", "tools", "command line")
        .whereLayer("web").mayOnlyBeAccessedByLayers("assembly", "cluster", "tools", "command line")
        .whereLayer("history store on InfluxDB").mayOnlyBeAccessedByLayers("tools")
        // found through the evidence port's ServiceLoader: nothing names it
        .whereLayer("store on PostgreSQL").mayNotBeAccessedByAnyLayer()
        .whereLayer("exam").mayOnlyBeAccessedByLayers("store on PostgreSQL", "web", "assembly", "cluster", "tools", "command line")
        .whereLayer("history").mayOnlyBeAccessedByLayers("history store on InfluxDB", "exam", "store on PostgreSQL", "web", "assembly", "cluster", "tools", "command line")
        .check(product);
  }

  /** The JDBC driver, the pool and the migrations are the PostgreSQL store's own: the runtime runs without them. */
  @Test
  void onlyThePostgresStoreSpeaksSql() {
    noClasses().that().resideOutsideOfPackage("org.twinlab.runtime.store.postgres..")
        .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "org.flywaydb..", "com.zaxxer.hikari..")
        .check(product);
  }

  @Test
  void theScenarioEngineNeverSeesVertxAProtocolOrTheRuntime() {
    noClasses().that().resideInAPackage("org.twinlab.scenarios..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.eclipse.milo..", "org.eclipse.paho..",
            "org.twinlab.runtime..", "org.twinlab.connectors..", "org.twinlab.sim..")
        .check(product);
  }

  @Test
  void theWireTypesDependOnNothingButTheJdk() {
    noClasses().that().resideInAPackage("org.twinlab.wire..")
        .should().dependOnClassesThat().resideOutsideOfPackages("org.twinlab.wire..", "java..")
        .check(product);
  }

  /** The runtime's JSON views (org.twinlab.wire) are the one part of it the viewer may use: they are the HTTP API's shapes. */
  @Test
  void theViewerKnowsTheRuntimeOnlyThroughItsHttpApi() {
    noClasses().that().resideInAPackage("org.twinlab.viewer..")
        .should().dependOnClassesThat().resideInAnyPackage("org.twinlab.runtime..", "org.twinlab.cli..", "org.twinlab.demo..",
            "org.twinlab.bench..", "org.twinlab.scenarios..", "org.twinlab.connectors..", "org.twinlab.sim..", "io.vertx..")
        .check(product);
  }

  @Test
  void connectorsAndSimulatorsKnowProtocolsNotTheRuntime() {
    noClasses().that().resideInAnyPackage("org.twinlab.connectors..", "org.twinlab.sim..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.twinlab.runtime..", "org.twinlab.scenarios..")
        .check(product);
    noClasses().that().resideInAPackage("org.twinlab.connectors..")
        .should().dependOnClassesThat().resideInAPackage("org.twinlab.sim..")
        .check(product);
  }

  @Test
  void theRuntimeSpeaksOpcUaAndMqttOnlyThroughTheConnectors() {
    noClasses().that().resideInAPackage("org.twinlab.runtime..")
        .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.milo..", "org.eclipse.paho..")
        .check(product);
  }

  @Test
  void modelsDependOnNoOtherPartOfTwinlab() {
    noClasses().that().resideInAPackage("org.twinlab.models..")
        .should().dependOnClassesThat().resideInAnyPackage("org.twinlab.runtime..", "org.twinlab.scenarios..",
            "org.twinlab.connectors..", "org.twinlab.sim..", "org.twinlab.viewer..", "io.vertx..")
        .check(product);
  }
}
