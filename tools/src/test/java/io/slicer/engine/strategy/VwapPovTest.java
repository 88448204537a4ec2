package io.slicer.engine.strategy;


import io.slicer.engine.decision.SliceDecision;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VwapPovTest {
    @Test
    void vwapSlicesFollowTheCumulativeProfileInWholeShares() {
        final Vwap vwap = new Vwap(new double[] {3, 1, 1, 3});
        final Episode e = Scenarios.byName("ac-2000").newEpisode();
        // Order of 1,000,000 over a 4-slice profile is not ac-2000's 5 slices: plan directly.
        final long[] out = new long[4];
        vwap.plan(10, 4, out);
        // Cumulative floor(10 * 3/8) = 3, floor(10 * 4/8) = 5, floor(10 * 5/8) = 6, then 10.
        assertArrayEquals(new long[] {3, 2, 1, 4}, out);
        assertThrows(IllegalArgumentException.class, () -> vwap.plan(10, 5, new long[5]));
        assertTrue(e.scenario().terms().slices() == 5);
    }

    @Test
    void vwapOnLiquidStockFrontAndBackLoadsWithTheUShape() {
        final Scenario s = Scenarios.byName("liquid-stock");
        final Episode e = s.newEpisode();
        final EpisodeResult r = EpisodeRunner.run(e, StrategyRegistry.standard().factory("vwap").create(s.terms()), new SliceDecision(), 1, 1);
        // First slice floor(500,000 * 1926 / 29276) = 32,893 shares; midday about a third of it.
        assertEquals(32_893, r.shares(0));
        assertTrue(r.shares(13) < r.shares(0) / 2);
        assertEquals(500_000, r.executed());
    }

    @Test
    void vwapProfileFromHistoryAveragesEachDaysFractions() {
        final double[] p = Vwap.profileFromHistory(new double[][] {{2, 1, 1}, {200, 200, 600}});
        assertArrayEquals(new double[] {0.35, 0.225, 0.425}, p, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Vwap.profileFromHistory(new double[][] {{1, 1}, {1}}));
    }

    @Test
    void povTradesItsRateOfRealisedVolumeAndFinishesEarlyWhenVolumeAllows() {
        final Scenario s = Scenarios.byName("liquid-stock");
        final Episode e = s.newEpisode();
        final Pov pov = (Pov) StrategyRegistry.standard().factory("pov:0.1").create(s.terms());
        assertEquals(0.1, pov.hardCap(), "the desk's 10% cap is at least the rate");
        final EpisodeResult r = EpisodeRunner.run(e, pov, new SliceDecision(), 3, 3);
        assertEquals(500_000, r.executed());
        assertTrue(r.slicesRecorded() < 26, "10% of a 15M-share day fills 500k before the close");
        for (int k = 0; k < r.slicesRecorded() - 1; k++) {
            assertEquals((long) Math.floor(0.1 * r.marketVolume(k)), r.shares(k), "slice " + k);
        }
        assertEquals(0, r.capBreaches());
    }

    @Test
    void povRaisesItsRateToFinishButNeverAboveTheHardCap() {
        final Scenario s = Scenarios.byName("liquid-stock");
        final Episode e = s.newEpisode();
        final Pov pov = (Pov) StrategyRegistry.standard().factory("pov:0.01:0.05").create(s.terms());
        double worstSweep = 0;
        for (int i = 0; i < 200; i++) {
            final EpisodeResult r = EpisodeRunner.run(e, pov, new SliceDecision(), 8, i);
            assertEquals(500_000, r.executed());
            for (int k = 0; k < r.slicesRecorded() - 1; k++) {
                assertTrue(r.shares(k) <= 0.05 * r.marketVolume(k) + 1e-9, "slice " + k);
                assertTrue(r.shares(k) >= Math.floor(0.01 * r.marketVolume(k)), "slice " + k);
            }
            worstSweep = Math.max(worstSweep, r.shares(r.slicesRecorded() - 1) / r.marketVolume(r.slicesRecorded() - 1));
        }
        // 1% of the day is only 150k shares; catching up to 500k keeps the final sweep modest.
        assertTrue(worstSweep < 0.15, "final sweep participation " + worstSweep);
    }

    @Test
    void povRejectsRatesOutsideItsCap() {
        assertThrows(IllegalArgumentException.class, () -> new Pov(0.2, 0.1, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Pov(0.0, 0.1, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> StrategyRegistry.standard().factory("pov:0.1:0.2:0.3"));
    }
}
