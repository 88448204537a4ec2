package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Side;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.SimRandom;
import io.slicer.tools.sim.presets.SeedIqlEpisode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedIqlBaselineTest {

    @Test
    void passesTheEvenShareCountStraightInAsARateClippedToTwoTenths() {
        // The notebook: a = x / (T - t) shares, used as the participation rate p = clip(a, -0.2, 0.2).
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.SELL, 500, 100.0, 30, 0.02);
        final SliceDecision out = new SliceDecision();
        new SeedIqlBaseline().decide(ctx, out.clear());
        assertEquals(500, out.shares());
        assertEquals(0.2, out.participationCap(), 0.0, "a = 500 / 30 = 16.7, clipped to 0.2");

        ctx.endSlice(496, 800, 800);                     // 4 of 500 left, 29 steps left
        new SeedIqlBaseline().decide(ctx, out.clear());
        assertEquals(4.0 / 29, out.participationCap(), 1e-15, "a = 4 / 29 is below the bound and passes unclipped");
    }

    @Test
    void theLastStepAsksForTheWholeInventoryAndIsClippedLikeAnyOther() {
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.SELL, 500, 100.0, 2, 0.02);
        ctx.endSlice(499, 800, 800);                     // last step, 1 share left: a = 1 / 1
        final SliceDecision out = new SliceDecision();
        new SeedIqlBaseline().decide(ctx, out.clear());
        assertEquals(1, out.shares());
        assertEquals(0.2, out.participationCap(), 0.0);
    }

    @Test
    void sellsTwoTenthsOfEachStepsVolumeUntilTheInventoryIsGone() {
        final SeedIqlEpisode e = (SeedIqlEpisode) Scenarios.byName("seed-iql").newEpisode();
        EpisodeRunner.run(e, new SeedIqlBaseline(), new SliceDecision(), 5, 3);
        final SimRandom r = new SimRandom();
        r.reseed(5, 3);
        long left = 500;
        int step = 0;
        while (left > 0) {
            final double volume = 800 * (1 + 0.1 * r.nextGaussian());
            r.nextGaussian();                            // the price draw
            final long v = Math.min(left, (long) Math.floor(0.2 * volume));
            assertEquals(v, e.result().shares(step), "step " + step);
            left -= v;
            step++;
        }
        assertEquals(step, e.result().slicesRecorded());
        assertTrue(step <= 4, "500 shares at 0.2 x ~800 a step are gone in about four steps, took " + step);
        assertEquals(0.2, e.seedMeanAbsAction(), 1e-15, "every step's action hit the bound");
    }

    @Test
    void isRegisteredForReproducingTheSeed() {
        final SliceStrategy s = StrategyRegistry.standard().factory("twap-iql-seed").create(Scenarios.byName("seed-iql").terms());
        assertEquals(SeedIqlBaseline.NAME, s.name());
    }
}
