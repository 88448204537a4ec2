package io.slicer.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.risk.ScopeState;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's shape, pinned: its packages form layers that depend downwards only and have no cycles; outputs leave
 * through the core's {@code Outbox} alone; each state machine has one writer; decision logic reads no clock and no
 * global random source. A change that breaks one of these fails here, naming the offending access.
 */
class EngineArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.slicer.engine");

    @Test
    void packagesAreLayeredFromTheMarketUpToTheApi() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("market").definedBy("io.slicer.engine.market..")
                .layer("decision").definedBy("io.slicer.engine.decision..")
                .layer("risk").definedBy("io.slicer.engine.risk..")
                .layer("order").definedBy("io.slicer.engine.order..")
                .layer("event").definedBy("io.slicer.engine.event..")
                .layer("strategy").definedBy("io.slicer.engine.strategy..")
                .layer("port").definedBy("io.slicer.engine.port..")
                .layer("core").definedBy("io.slicer.engine.core..")
                .layer("api").definedBy("io.slicer.engine.api..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("core").mayOnlyBeAccessedByLayers("api")
                .whereLayer("port").mayOnlyBeAccessedByLayers("core", "api")
                .whereLayer("strategy").mayOnlyBeAccessedByLayers("core", "api")
                .whereLayer("event").mayOnlyBeAccessedByLayers("port", "core", "api")
                .whereLayer("order").mayOnlyBeAccessedByLayers("strategy", "port", "core", "api")
                .whereLayer("risk").mayOnlyBeAccessedByLayers("order", "event", "strategy", "port", "core", "api")
                .whereLayer("decision")
                .mayOnlyBeAccessedByLayers("risk", "order", "strategy", "port", "core", "api")
                .check(ENGINE);
    }

    @Test
    void enginePackagesHaveNoCycles() {
        slices().matching("io.slicer.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void onlyTheOutboxCallsThePorts() {
        noClasses().that().resideInAPackage("io.slicer.engine..").and().doNotHaveSimpleName("Outbox")
                .should().callMethodWhere(describe("a method of ChildOrderSink or EngineJournal",
                        call -> call.getTargetOwner().isAssignableTo(ChildOrderSink.class)
                                || call.getTargetOwner().isAssignableTo(EngineJournal.class)))
                .because("outputs leave the engine through one place, the core's Outbox")
                .check(ENGINE);
    }

    @Test
    void onlyTheKillSwitchMovesAScopesTradingState() {
        noClasses().that().doNotHaveSimpleName("KillSwitch")
                .should().callMethod(ScopeState.class, "apply", io.slicer.engine.risk.TradingState.class,
                        io.slicer.engine.risk.HaltReason.class)
                .orShould().callMethod(ScopeState.class, "fallBackToTwap", io.slicer.engine.risk.HaltReason.class)
                .because("the kill switch is the one owner of the ACTIVE / PAUSED / HALTED state machine")
                .check(ENGINE);
    }

    @Test
    void onlyTheOrderLifecycleEndsAnOrder() {
        noClasses().that().doNotHaveSimpleName("OrderLifecycle")
                .should().callMethod(ParentOrder.class, "finish", io.slicer.engine.order.OrderStatus.class)
                .because("an order's lifecycle has one owner, which also tells the OMS")
                .check(ENGINE);
    }

    @Test
    void decisionLogicReadsNoClockAndNoGlobalRandomSource() {
        noClasses().that().resideInAnyPackage("io.slicer.engine.core..", "io.slicer.engine.decision..",
                        "io.slicer.engine.order..", "io.slicer.engine.risk..", "io.slicer.engine.strategy..",
                        "io.slicer.engine.market..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashMap")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashSet")
                .because("time comes from events and iteration order from the order book: same inputs, same bits")
                .check(ENGINE);
    }
}
