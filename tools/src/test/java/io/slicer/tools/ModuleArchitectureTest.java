package io.slicer.tools;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.journal.RingJournal;
import io.slicer.tools.fix.gateway.FixGateway;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The modules' one-way dependencies, pinned on every main class of the project (this module's class path holds them
 * all, as class folders or jars; the test jars are left out): tools and benchmarks above the journal, the journal above the engine, the engine above policy inference; and
 * the live engine, embedded by an OMS with or without the journal, reaches no simulator, scenario, episode or
 * market-data file reader, which live in the tools.
 */
class ModuleArchitectureTest {
    private static final JavaClasses SLICER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.slicer");

    @Test
    void modulesDependOneWayFromTheToolsDownToPolicyInference() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("policy-inference").definedBy("io.slicer.policy..")
                .layer("engine").definedBy("io.slicer.engine..")
                .layer("journal").definedBy("io.slicer.journal..")
                .layer("tools").definedBy("io.slicer.tools..")
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("journal").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("journal", "tools")
                .whereLayer("policy-inference").mayOnlyBeAccessedByLayers("engine", "journal", "tools")
                .check(SLICER);
    }

    @Test
    void theLiveEngineReachesNoSimulatorAndNoMarketDataReader() {
        noClasses().that().belongToAnyOf(SlicerEngine.class, RingJournal.class)
                .should().transitivelyDependOnClassesThat()
                .resideInAnyPackage("io.slicer.tools..")
                .orShould().transitivelyDependOnClassesThat().haveFullyQualifiedName("java.util.zip.GZIPInputStream")
                .because("an OMS embeds the engine (and its journal) without the offline tools: simulators, scenarios,"
                        + " episodes and the LOBSTER and CME file readers")
                .check(SLICER);
    }

    @Test
    void theFixGatewayReachesNoSimulatorNoMarketDataReaderAndNoTestPeer() {
        noClasses().that().belongToAnyOf(FixGateway.class)
                .should().transitivelyDependOnClassesThat()
                .resideInAnyPackage("io.slicer.tools.sim..", "io.slicer.tools.marketdata..", "io.slicer.tools.fix.venue..",
                        "io.slicer.tools.fix.oms..")
                .because("a desk runs the gateway against its real OMS and venue: the simulated venue, the test OMS and"
                        + " the simulators stay out of its path")
                .check(SLICER);
    }

    @Test
    void theEngineAndTheJournalReachNoWebServerAndNoMetricsLibrary() {
        noClasses().that().resideInAnyPackage("io.slicer.engine..", "io.slicer.journal..", "io.slicer.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "io.micrometer..",
                        "io.prometheus..", "org.slf4j..")
                .because("the operator console lives beside the engine, in the tools: the engine publishes plain "
                        + "counters and snapshots and never waits for a web server, a meter registry or a logger")
                .check(SLICER);
        noClasses().that().resideOutsideOfPackage("io.slicer.tools.console..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "io.micrometer..")
                .because("one package serves HTTP and metrics: the console")
                .check(SLICER);
    }

    @Test
    void theToolsPackagesHaveNoCycles() {
        slices().matching("io.slicer.tools.(*)..").should().beFreeOfCycles().check(SLICER);
    }

    @Test
    void theJournalPackagesHaveNoCycles() {
        slices().matching("io.slicer.journal.(*)..").should().beFreeOfCycles().check(SLICER);
    }
}
