package io.slicer.tools.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolverTest {
    @Test
    void aPrefixedFamilyIsTriedBeforeTheCatchAll() {
        final ToyScenario toy = new ToyScenario();
        final ScenarioResolver resolver = new ScenarioResolver(List.of(
                ScenarioResolver.Source.prefixed("toy:", "toy:ANY", name -> toy),
                new StandardSources.SimulatedScenarios()));
        assertSame(toy, resolver.resolve("toy:whatever"));
        assertEquals("ac-2000", resolver.resolve("ac-2000").name());
        assertTrue(resolver.known().containsAll(List.of("toy:ANY", "ac-2000", "liquid-stock")), resolver.known()
                .toString());
    }

    @Test
    void historicalScenariosResolveThroughTheStandardResolver() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.slicer.engine.marketdata.lobster.LobsterDays.sharedDataRoot().isPresent(),
                "LOBSTER data not found ($SLICER_SHARED_DATA): skipping");
        final io.slicer.engine.sim.Scenario s = ScenarioResolver.standard().resolve("lobster:AMZN:300:12");
        assertEquals(12, s.periods());
        assertTrue(s.name().startsWith("lobster:AMZN"), s.name());
    }

    @Test
    void aMalformedHistoricalSpecSaysWhatWasExpected() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioResolver.standard().resolve("lobster:"));
        assertTrue(e.getMessage().contains("expected lobster:SYMBOL[:periodSeconds[:periods]]"), e.getMessage());
    }

    @Test
    void standardStrategiesAreReportedUnderTheirSpec() {
        final List<NamedStrategy> s = StrategyResolver.standard().resolveAll("twap, ac:2e-6,pov:0.05", 1e-6);
        assertEquals(List.of("twap", "ac:2e-6", "pov:0.05"), s.stream().map(NamedStrategy::name).toList());
    }

    @Test
    void anEmptyEntryInTheListIsRefused() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyResolver.standard().resolveAll("twap,,ac", 0));
        assertTrue(e.getMessage().startsWith("empty strategy name; expected one of ["), e.getMessage());
    }
}
