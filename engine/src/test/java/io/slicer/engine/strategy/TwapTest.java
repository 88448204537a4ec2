package io.slicer.engine.strategy;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.sim.Episode;
import io.slicer.engine.sim.EpisodeRunner;
import io.slicer.engine.sim.Scenario;
import io.slicer.engine.sim.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        EpisodeRunner.run(e, Strategies.factory("twap").create(s), new SliceDecision(), 4, 4);
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
        final long filled = e.context().executedLastPeriod();
        assertTrue(filled < 19_231);
        twap.decide(e.context(), d.clear());
        assertEquals(2 * 19_231 - filled, d.shares());
    }

    @Test
    void registryParsesSpecsAndRejectsUnknownOnes() {
        final Scenario s = Scenarios.byName("liquid-stock");
        assertEquals("twap", Strategies.factory("twap").create(s).name());
        assertEquals("ac:2.5E-6", Strategies.factory("ac:2.5e-6").create(s).name());
        assertEquals("ac:1.0E-7", Strategies.factory("ac", 1e-7).create(s).name());
        assertEquals(1e-7, ((AlmgrenChrissStrategy) Strategies.factory("ac", 1e-7).create(s)).model().lambda());
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Strategies.factory("moonshot"));
        assertTrue(unknown.getMessage().contains("moonshot") && unknown.getMessage().contains("twap"));
        assertThrows(IllegalArgumentException.class, () -> Strategies.factory("ac:abc"));
        assertThrows(IllegalArgumentException.class, () -> Strategies.factory("twap:3"));
    }

    @Test
    void registryAcceptsNewPrefixesOnce() {
        Strategies.register("test-fixed", (arg, lambda) -> scenario -> new Twap(scenario.periods()));
        assertTrue(Strategies.names().contains("test-fixed"));
        assertEquals("twap", Strategies.factory("test-fixed:x").create(Scenarios.byName("ac-2000")).name());
        assertThrows(IllegalArgumentException.class,
                () -> Strategies.register("test-fixed", (arg, lambda) -> scenario -> new Twap(1)));
    }
}
