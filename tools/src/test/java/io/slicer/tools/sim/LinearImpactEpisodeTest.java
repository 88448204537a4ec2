package io.slicer.tools.sim;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Side;
import io.slicer.engine.strategy.Twap;
import io.slicer.tools.sim.presets.Ac2000;
import io.slicer.tools.sim.presets.LiquidStock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearImpactEpisodeTest {
    private static final SliceDecision DECISION = new SliceDecision();

    private static SliceDecision trade(final long shares) {
        return DECISION.clear().shares(shares);
    }

    @Test
    void ac2000OneStepWithoutNoiseMatchesHandComputedPrices() {
        final LinearImpactEpisode e = Ac2000.scenario().withoutNoise().newEpisode();
        e.reset(1, 0);
        e.step(trade(200_000));
        // Sell 200,000: execution 50 - (1/16 + 2.5e-6 * 200,000 / 1 day) = 50 - 0.5625.
        assertEquals(49.4375, e.result().executionPrice(0), 1e-12);
        // Permanent impact 2.5e-7 * 200,000 = 0.05 pushes the mid down.
        assertEquals(49.95, e.mid(), 1e-12);
        assertEquals(50.0, e.unaffectedMid(), 0.0);
        final DecisionContext ctx = e.context();
        assertEquals(1, ctx.slice());
        assertEquals(800_000, ctx.remaining());
        assertEquals(200_000, ctx.executedLastSlice());
        assertEquals(49.95, ctx.mid(), 1e-12);
        assertEquals(0.125, ctx.spread(), 0.0);
        assertEquals(5_000_000.0, ctx.lastSliceMarketVolume(), 1e-6);
        assertEquals(5_000_000.0, ctx.expectedLastSliceVolume(), 1e-6);
        // Cost so far: 200,000 * 0.5625 = 112,500 of temporary impact and spread.
        assertEquals(112_500.0, e.result().isCost(), 1e-6);
    }

    @Test
    void ac2000TwapWithoutNoiseCostsTheClosedFormExpectation() {
        final LinearImpactEpisode e = Ac2000.scenario().withoutNoise().newEpisode();
        e.reset(1, 0);
        while (!e.done()) {
            e.step(trade(200_000));
        }
        // gamma X^2 / 2 + epsilon X + (eta - gamma tau / 2) / tau * 5 * 200,000^2
        // = 125,000 + 62,500 + 2.375e-6 * 2e11 = 662,500 dollars = 132.5 bps of 50M.
        assertEquals(662_500.0, e.result().isCost(), 1e-6);
        assertEquals(132.5, e.result().isBps(), 1e-9);
        assertEquals(1_000_000, e.result().executed());
        assertEquals(0.0, e.result().timingBps(), 0.0);
    }

    @Test
    void ac2000FirstStepUsesTheFirstTwoNormalsOfTheEpisodeStream() {
        final LinearImpactEpisode e = Ac2000.scenario().newEpisode();
        e.reset(42, 7);
        e.step(trade(200_000));
        final SimRandom r = new SimRandom();
        r.reseed(42, 7);
        r.nextGaussian(); // volume shock (the AC example's volume has no noise)
        final double z = r.nextGaussian();
        assertEquals(49.4375, e.result().executionPrice(0), 1e-12);
        assertEquals(50.0 + 0.95 * z - 0.05, e.mid(), 1e-12);
        assertEquals(50.0 + 0.95 * z, e.unaffectedMid(), 1e-12);
    }

    @Test
    void liquidStockOneStepWithoutNoiseMatchesHandComputedPricesAndVolume() {
        final LinearImpactEpisode e = LiquidStock.scenario().withoutNoise().newEpisode();
        e.reset(1, 0);
        assertEquals(986_815.1386801472, e.context().expectedSliceVolume(), 1e-6);
        assertEquals(15e6, e.context().expectedRemainingVolume(), 1e-3, "the whole expected day lies ahead");
        assertEquals(0.10, e.context().participationLimit());
        e.step(trade(19_231));
        assertEquals(15e6 - 15e6 * 1926 / 29276, e.context().expectedRemainingVolume(), 1e-3);
        // Buy: 100 + 0.01 + 7.5e-8 * 19,231 / (1/26) = 100.04750045; mid up by 1.5e-7 * 19,231.
        assertEquals(100.04750045, e.result().executionPrice(0), 1e-10);
        assertEquals(100.00288465, e.mid(), 1e-10);
        // First bar volume = 15M * (1 + 2 (25/26)^2) / (26 + 2 * 5850 / 676) = 15M * 1926 / 29276.
        assertEquals(15e6 * 1926 / 29276, e.context().lastSliceMarketVolume(), 1e-6);
        assertEquals(19_231 / (15e6 * 1926 / 29276), e.result().maxParticipation(), 1e-12);
    }

    @Test
    void liquidStockFirstStepUsesLognormalVolumeAndNormalPriceShock() {
        final LinearImpactEpisode e = LiquidStock.scenario().newEpisode();
        e.reset(3, 11);
        e.step(trade(19_231));
        final SimRandom r = new SimRandom();
        r.reseed(3, 11);
        final double z1 = r.nextGaussian();
        final double z2 = r.nextGaussian();
        final double volume = 15e6 * 1926 / 29276 * Math.exp(0.25 * z1 - 0.5 * 0.25 * 0.25);
        assertEquals(volume, e.context().lastSliceMarketVolume(), 1e-6);
        assertEquals(100.0 + 2.0 / Math.sqrt(26) * z2 + 1.5e-7 * 19_231, e.mid(), 1e-10);
        final float[] f = new float[ExecutionFeatures.COUNT];
        ExecutionFeatures.build(e.context(), f);
        assertEquals((float) (volume / (15e6 * 1926 / 29276)), f[4], 1e-6f);
    }

    @Test
    void buyAndSellOfTheSameScheduleCostTheSameWithoutNoise() {
        final LinearImpactScenario sell = Ac2000.scenario().withoutNoise();
        final LinearImpactScenario buy = new LinearImpactScenario(sell.params().withSide(Side.BUY));
        final long[] schedule = {400_000, 100_000, 0, 300_000, 200_000};
        assertEquals(cost(sell, schedule), cost(buy, schedule), 1e-6);
        final LinearImpactEpisode b = buy.newEpisode();
        b.reset(0, 0);
        b.step(trade(200_000));
        assertEquals(50.5625, b.result().executionPrice(0), 1e-12);
        assertEquals(50.05, b.mid(), 1e-12);
    }

    private static double cost(final LinearImpactScenario s, final long[] schedule) {
        final LinearImpactEpisode e = s.newEpisode();
        e.reset(9, 9);
        for (final long n : schedule) {
            e.step(trade(n));
        }
        assertTrue(e.done());
        return e.result().isCost();
    }

    @Test
    void participationCapLimitsTheFillToTheFloorOfCapTimesVolume() {
        final LinearImpactEpisode e = LiquidStock.scenario().newEpisode();
        e.reset(5, 5);
        e.step(DECISION.clear().shares(500_000).participationCap(0.05));
        final double v = e.context().lastSliceMarketVolume();
        assertEquals((long) Math.floor(0.05 * v), e.context().executedLastSlice());
    }

    @Test
    void negativeSharesTradeNothingAndTheLastSliceSweeps() {
        final LinearImpactEpisode e = Ac2000.scenario().newEpisode();
        e.reset(5, 5);
        e.step(trade(-10));
        assertEquals(0, e.context().executedLastSlice());
        for (int k = 1; k < 4; k++) {
            e.step(trade(1_000));
        }
        e.step(DECISION.clear().shares(0).participationCap(0.0));
        assertTrue(e.done());
        assertEquals(997_000, e.result().shares(4));
        assertEquals(1_000_000, e.result().executed());
        assertEquals(0.0, e.result().opportunityBps(), 0.0);
    }

    @Test
    void orderCompletedEarlyEndsTheEpisode() {
        final LinearImpactEpisode e = Ac2000.scenario().newEpisode();
        e.reset(5, 5);
        e.step(trade(2_000_000));
        assertTrue(e.done());
        assertEquals(1, e.result().slicesRecorded());
        assertThrows(IllegalStateException.class, () -> e.step(trade(1)));
    }

    @Test
    void isSplitsIntoImpactAndTimingThatAddUp() {
        final LinearImpactEpisode e = LiquidStock.scenario().newEpisode();
        final Twap twap = new Twap(e.scenario().terms().slices());
        EpisodeRunner.run(e, twap, new SliceDecision(), 17, 3);
        final EpisodeResult r = e.result();
        assertEquals(r.isBps(), r.temporaryImpactBps() + r.permanentImpactBps() + r.timingBps() + r.opportunityBps(),
                1e-9);
        // Without noise, permanent impact of TWAP is gamma * sum_k n_k * (shares before k) = gamma (X^2 - sum n^2) / 2.
        final LinearImpactEpisode quiet = LiquidStock.scenario().withoutNoise().newEpisode();
        EpisodeRunner.run(quiet, twap, new SliceDecision(), 17, 3);
        final long[] n = Twap.schedule(500_000, 26);
        double sumSquares = 0;
        for (final long x : n) {
            sumSquares += (double) x * x;
        }
        final double permanent = 1.5e-7 * (500_000.0 * 500_000.0 - sumSquares) / 2;
        assertEquals(permanent / (500_000 * 100.0) * 1e4, quiet.result().permanentImpactBps(), 1e-9);
    }
}
