package io.slicer.tools.sim.presets;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SeedActionMap;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.engine.strategy.TwapSeed;
import io.slicer.engine.strategy.VwapSeed;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.SimRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedNotebookTest {
    @Test
    void oneStepFollowsTheSeedsPriceRecursion() {
        final SeedNotebookEpisode e = (SeedNotebookEpisode) Scenarios.byName("seed-notebook").newEpisode();
        e.reset(8, 13);
        e.step(new SliceDecision().shares(25_000));
        final SimRandom r = new SimRandom();
        r.reseed(8, 13);
        final double z1 = r.nextGaussian();
        final double z2 = r.nextGaussian();
        final double z3 = r.nextGaussian();
        // exec = 150 + 5e-4 * 25,000 = 162.5; price after permanent impact = 150 + 5e-5 * 25,000 = 151.25.
        assertEquals(162.5, e.result().executionPrice(0), 0.0);
        final double p = 151.25;
        assertEquals(p + ((0.0 + 0.0001 * z1) * p + 0.015 * z2 * p * z3), e.price(), 0.0);
        // The seed's cost: (162.5 - 150) * 25,000 = 312,500 dollars = 41.67 bps of 75M.
        assertEquals(312_500.0, e.seedCost(), 0.0);
        assertEquals(312_500.0 / 75e6 * 1e4, e.seedIsBps(), 1e-12);
        assertEquals(475_000, e.context().remaining());
        assertEquals(e.price(), e.context().mid(), 0.0);
    }

    @Test
    void episodeIsEqualsTheSeedsTotalCost() {
        final SeedNotebookEpisode e = (SeedNotebookEpisode) Scenarios.byName("seed-notebook").newEpisode();
        final var twap = StrategyRegistry.standard().factory("twap").create(e.scenario().terms());
        for (int i = 0; i < 200; i++) {
            EpisodeRunner.run(e, twap, new SliceDecision(), 2, i);
            assertEquals(e.seedCost(), e.result().isCost(), 1e-9 * Math.abs(e.seedCost()));
            assertEquals(500_000, e.result().executed());
        }
    }

    @Test
    void seedTwapAndVwapTradeTheSeedsSchedules() {
        // Shares do not depend on prices, so the seed's schedules are fixed; computed by running the seed's own
        // execute_twap / execute_vwap action logic with numpy.
        final long[] twap = {25000, 23750, 22562, 21434, 20362, 19344, 18377, 17458, 33171, 29854, 26868, 24182, 21763,
                29381, 24974, 21228, 30073, 22554, 16916, 50749};
        final int[] twapActions = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4};
        final long[] vwap = {50000, 45000, 40500, 36450, 32805, 29524, 13286, 12621, 11990, 11391, 10821, 10280, 9766,
                18556, 25051, 21293, 30166, 45250, 22625, 22625};
        final int[] vwapActions = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 3, 4, 4, 4};
        check(new TwapSeed(), twap, twapActions);
        check(new VwapSeed(20), vwap, vwapActions);
    }

    private static void check(final io.slicer.engine.strategy.SliceStrategy s, final long[] shares,
                              final int[] actions) {
        final SeedNotebookEpisode e = (SeedNotebookEpisode) Scenarios.byName("seed-notebook").newEpisode();
        e.reset(1, 1);
        s.begin(e.context());
        final SliceDecision d = new SliceDecision();
        final long[] traded = new long[20];
        final int[] chosen = new int[20];
        int k = 0;
        while (!e.done()) {
            s.decide(e.context(), d.clear());
            chosen[k] = d.actionIndex();
            e.step(d);
            traded[k] = e.result().shares(k);
            k++;
        }
        assertArrayEquals(shares, traded, s.name());
        assertArrayEquals(actions, chosen, s.name());
    }

    @Test
    void actionMapTruncatesKeepsOneShareAndSweepsTheLastSlice() {
        assertEquals(23_750, SeedActionMap.shares(475_000, 0, false));
        assertEquals(1, SeedActionMap.shares(10, 0, false), "int(0.5) = 0 becomes the one-share minimum");
        assertEquals(0, SeedActionMap.shares(0, 4, false));
        assertEquals(777, SeedActionMap.shares(777, 0, true));
        assertEquals(3, SeedActionMap.nearest(0.2), "0.2 is nearer 0.25 than 0.15 in binary floating point");
        assertEquals(0, SeedActionMap.nearest(-1.0));
    }

    @Test
    void seedVwapProfileIsTheSeedsVShape() {
        final double[] p = VwapSeed.seedProfile(20);
        double sum = 0;
        for (final double v : p) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-15);
        // p[0] = 1.5 * 0.5 * 2 / sum(1.5 * |k/19 - 0.5| * 2) = 1.5 / 15.789473684210527.
        assertEquals(1.5 / 15.789473684210527, p[0], 1e-16);
        // Midday: |9/19 - 1/2| = 1/38, a nineteenth of the open.
        assertEquals(p[0] / 19, p[9], 1e-15);
    }
}
