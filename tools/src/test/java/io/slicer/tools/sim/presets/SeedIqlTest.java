package io.slicer.tools.sim.presets;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.SimRandom;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedIqlTest {
    private static SeedIqlEpisode episode() {
        return (SeedIqlEpisode) Scenarios.byName("seed-iql").newEpisode();
    }

    @Test
    void oneStepFollowsTheReferenceFormulas() {
        final SeedIqlEpisode e = episode();
        e.reset(21, 4);
        e.step(new SliceDecision().shares(500).participationCap(0.05));
        final SimRandom r = new SimRandom();
        r.reseed(21, 4);
        final double volume = 800 * (1 + 0.1 * r.nextGaussian());
        final double z = r.nextGaussian();
        final long v = (long) Math.floor(0.05 * volume);
        final double exec = 100 - 1e-4 * v;
        final double next = 100 - 1e-5 * v + 0.02 * z;
        assertEquals(v, e.context().executedLastSlice());
        assertEquals(volume, e.lastVolume(), 0.0);
        assertEquals(exec, e.result().executionPrice(0), 0.0);
        assertEquals(next, e.mid(), 0.0);
        assertEquals((next + 1e-5 * v) * v - v * exec, e.lastStepCost(), 0.0);
        // The cost collapses to eta v^2 + vol_est z v: permanent impact cancels.
        assertEquals(1e-4 * v * v + 0.02 * z * v, e.lastStepCost(), 1e-9);
        assertEquals(0.98 * 0.02 + 0.02 * Math.abs(next - exec), e.volatilityEstimate(), 0.0);
        assertEquals(0.95 * 0 + 0.05 * (v - (volume - v)), e.orderFlowImbalance(), 0.0);
        assertEquals(e.volatilityEstimate(), e.context().volatilityEstimate(), 0.0);
        assertEquals(e.orderFlowImbalance(), e.context().executionFlowImbalance(), 0.0);
        assertEquals(800.0 * 29, e.context().expectedRemainingVolume(), 0.0, "29 steps of 800 ahead");
        assertEquals(0.05, e.context().participationLimit(), 0.0);
    }

    @Test
    void isDiffersFromTheSeedCostByPermanentImpactAndTheMarkToNextMid() {
        final SeedIqlEpisode e = episode();
        final SplittableRandom policy = new SplittableRandom(3);
        final SliceDecision d = new SliceDecision();
        for (int i = 0; i < 300; i++) {
            e.reset(77, i);
            double expectedGap = 0;
            while (!e.done()) {
                d.clear().shares(500).participationCap(policy.nextDouble() * 0.2);
                e.step(d);
                final long v = e.context().executedLastSlice();
                // IS - seedCost = sum_t v_t (P0 - mid'_t - gamma v_t), mid'_t the mid after step t.
                expectedGap += v * (100.0 - e.mid() - 1e-5 * v);
            }
            final EpisodeResult r = e.result();
            assertEquals(500, r.executed());
            assertEquals(expectedGap, r.isCost() - e.seedCost(), 1e-9);
        }
    }

    @Test
    void episodeEndsWhenTheInventoryIsGoneAndTheLastStepSweeps() {
        final SeedIqlEpisode e = episode();
        e.reset(1, 1);
        e.step(new SliceDecision().shares(500));
        assertTrue(e.done());
        e.reset(1, 1);
        int steps = 0;
        while (!e.done()) {
            e.step(new SliceDecision().shares(0));
            steps++;
        }
        assertEquals(30, steps);
        assertEquals(500, e.result().shares(29));
    }
}
