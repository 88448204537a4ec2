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
                StandardSources.scenarios().get(0)));
        assertSame(toy, resolver.resolve("toy:whatever"));
        assertEquals("ac-2000", resolver.resolve("ac-2000").name());
        assertTrue(resolver.known().containsAll(List.of("toy:ANY", "ac-2000", "liquid-stock")), resolver.known()
                .toString());
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
