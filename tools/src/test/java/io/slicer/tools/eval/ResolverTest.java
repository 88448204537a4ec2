package io.slicer.tools.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolverTest {
    @Test
    void standardStrategiesAreReportedUnderTheirSpec() {
        final List<NamedStrategy> s = EvaluationStrategies.resolveAll(null, "twap, ac:2e-6,pov:0.05", 1e-6);
        assertEquals(List.of("twap", "ac:2e-6", "pov:0.05"), s.stream().map(NamedStrategy::name).toList());
    }

    @Test
    void anEmptyEntryInTheListIsRefused() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationStrategies.resolveAll(null, "twap,,ac", 0));
        assertTrue(e.getMessage().startsWith("empty strategy name; expected one of ["), e.getMessage());
    }
}
