package io.slicer.engine.strategy;


import io.slicer.engine.decision.SliceDecision;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwapTest {
    @Test
    void twapSplitsRemainderAcrossFirstSlices() {
        assertArrayEquals(new long[] {3, 3, 2, 2}, Twap.schedule(10, 4));
        assertArrayEquals(new long[] {19_231, 19_231}, java.util.Arrays.copyOf(Twap.schedule(500_000, 26), 2));
        final long[] s = Twap.schedule(500_000, 26);
        // 500,000 = 26 * 19,230 + 20: twenty slices of 19,231 then six of 19,230.
        assertEquals(19_231, s[19]);
        assertEquals(19_230, s[20]);
        assertEquals(500_000, java.util.Arrays.stream(s).sum());
        assertArrayEquals(new long[] {200_000, 200_000, 200_000, 200_000, 200_000}, Twap.schedule(1_000_000, 5));
    }

    @Test
    void twapInTheSimulatorTradesExactlyItsSlices() {
        final Scenario s = Scenarios.byName("liquid-stock");
        final Episode e = s.newEpisode();
        EpisodeRunner.run(e, StrategyRegistry.standard().factory("twap").create(s.terms()), new SliceDecision(), 4, 4);
        final long[] expected = Twap.schedule(500_000, 26);
        for (int k = 0; k < 26; k++) {
            assertEquals(expected[k], e.result().shares(k));
        }
    }

    @Test
    void scheduleCatchesUpWhatACapLeftBehind() {
        final Scenario s = Scenarios.byName("liquid-stock");
        final Episode e = s.newEpisode();
        final Twap twap = new Twap(26);
        e.reset(1, 1);
        twap.begin(e.context());
        final SliceDecision d = new SliceDecision();
        twap.decide(e.context(), d.clear());
        e.step(d.participationCap(0.001));
        final long filled = e.context().executedLastSlice();
        assertTrue(filled < 19_231);
        twap.decide(e.context(), d.clear());
        assertEquals(2 * 19_231 - filled, d.shares());
    }

    @Test
    void registryParsesSpecsAndRejectsUnknownOnes() {
        final Scenario s = Scenarios.byName("liquid-stock");
        assertEquals("twap", StrategyRegistry.standard().factory("twap").create(s.terms()).name());
        assertEquals("ac:2.5E-6", StrategyRegistry.standard().factory("ac:2.5e-6").create(s.terms()).name());
        assertEquals("ac:1.0E-7", StrategyRegistry.standard().factory("ac", 1e-7).create(s.terms()).name());
        assertEquals(1e-7, ((AlmgrenChrissStrategy) StrategyRegistry.standard().factory("ac", 1e-7).create(s.terms())).model().lambda());
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> StrategyRegistry.standard().factory("moonshot"));
        assertTrue(unknown.getMessage().contains("moonshot") && unknown.getMessage().contains("twap"));
        assertThrows(IllegalArgumentException.class, () -> StrategyRegistry.standard().factory("ac:abc"));
        assertThrows(IllegalArgumentException.class, () -> StrategyRegistry.standard().factory("twap:3"));
    }

    @Test
    void aRegistryAcceptsAPrefixOnceAndLeavesEveryOtherRegistryAsItWas() {
        final StrategyRegistry extended = StrategyRegistry.standard()
                .with("test-fixed", (arg, lambda) -> terms -> new Twap(terms.slices()));
        assertTrue(extended.names().contains("test-fixed"));
        assertFalse(StrategyRegistry.standard().names().contains("test-fixed"), "no registration is global");
        assertEquals("twap", extended.factory("test-fixed:x").create(Scenarios.byName("ac-2000").terms()).name());
        assertThrows(IllegalArgumentException.class,
                () -> extended.with("test-fixed", (arg, lambda) -> terms -> new Twap(1)));
    }
}
