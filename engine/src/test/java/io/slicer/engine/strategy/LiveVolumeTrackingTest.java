package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.decision.SliceVolumeForecast;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.order.SliceSizer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POV and adaptive VWAP on hand-made volume paths. POV is sized as the live engine sizes it ({@link SliceSizer}: the
 * strategy's participation cap times the volume printed over the slice before, the expectation before the first),
 * every child filling in full, so the paths show what the engine would send.
 */
class LiveVolumeTrackingTest {
    private static final int SLICES = 10;
    private static final double EXPECTED = 10_000;

    /** The child each slice, as the engine's sizing and a venue that fills every child would make them. */
    private static long[] engineChildren(final SliceStrategy strategy, final long quantity, final double[] volumes) {
        final double[] profile = new double[SLICES];
        Arrays.fill(profile, EXPECTED);
        final SliceVolumeForecast forecast = new SliceVolumeForecast(profile);
        final SliceSizer sizer = new SliceSizer(1, 0, Long.MAX_VALUE / 2, Double.NaN);
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.BUY, quantity, 100.0, SLICES, 0.01);
        final SliceDecision decision = new SliceDecision();
        strategy.begin(ctx);
        final long[] children = new long[SLICES];
        for (int k = 0; k < SLICES && ctx.remaining() > 0; k++) {
            forecast.publish(ctx, k);
            strategy.decide(ctx, decision.clear());
            final double volumeEstimate = k > 0 ? ctx.lastSliceMarketVolume() : EXPECTED;
            children[k] = sizer.size(decision.shares(), 1.0, ctx.remaining(), k == SLICES - 1, false,
                    decision.participationCap(), volumeEstimate);
            ctx.endSlice(children[k], volumes[k], EXPECTED);
        }
        return children;
    }

    private static long sum(final long[] a, final int to) {
        long s = 0;
        for (int i = 0; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    private static double sum(final double[] a, final int to) {
        double s = 0;
        for (int i = 0; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    @Test
    void povCatchesUpTheVolumeSurpriseThatTheLastSlicesSizingMissed() {
        // Slice 2 prints three times its expectation and the surge lasts; the engine sized slice 2's child on slice
        // 1's 10,000 shares, so the order is 2,000 shares short of 10% when slice 3 is decided. 9,000 shares is less
        // than 10% of the 100,000 expected, so no raise to finish is involved.
        final double[] volumes = {10_000, 10_000, 30_000, 30_000, 30_000, 10_000, 10_000, 10_000, 10_000, 10_000};
        final long[] children = engineChildren(new Pov(0.10, 0.30, flat()), 9_000, volumes);
        assertEquals(1_000, children[0]);
        assertEquals(1_000, children[1]);
        assertEquals(1_000, children[2], "slice 2 is sized before its volume is seen");
        // Slice 3: 10% of the 30,000 the last slice printed, plus the 2,000 short: back on 10% of the realised volume.
        assertEquals(5_000, children[3], 1);
        assertEquals(0.10 * sum(volumes, 4), sum(children, 4), 1);
        assertEquals(1_000, children[4], "the rest of the order");
        assertEquals(9_000, sum(children, SLICES));
    }

    @Test
    void povCatchesUpNoFasterThanItsHardCap() {
        final double[] volumes = {10_000, 10_000, 30_000, 30_000, 30_000, 10_000, 10_000, 10_000, 10_000, 10_000};
        final long[] children = engineChildren(new Pov(0.10, 0.11, flat()), 9_000, volumes);
        // 11% of the 30,000 printed over slice 2 (10% plus 1% of the 2,000 short), the rest of it the slice after.
        assertEquals(3_300, children[3], 1);
        assertTrue(sum(children, 4) < 0.10 * sum(volumes, 4) - 1_000, "still short after slice 3");
        assertEquals(2_700, children[4], 1);
        assertEquals(9_000, sum(children, 5));
    }

    @Test
    void povWithoutASurpriseTradesItsRateOfTheLastSlicesVolume() {
        final double[] volumes = new double[SLICES];
        Arrays.fill(volumes, EXPECTED);
        final long[] children = engineChildren(new Pov(0.10, 0.30, flat()), 9_000, volumes);
        for (int k = 0; k < 9; k++) {
            assertEquals(1_000, children[k], "slice " + k);
        }
        assertEquals(0, children[9]);
    }

    /** Cumulative shares after each of 4 slices of 1,000 expected shares each, every request filled. */
    private static long[] cumulative(final SliceStrategy strategy, final long quantity, final double[] volumes) {
        final double[] profile = {1_000, 1_000, 1_000, 1_000};
        final SliceVolumeForecast forecast = new SliceVolumeForecast(profile);
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.BUY, quantity, 100.0, 4, 0.01);
        final SliceDecision decision = new SliceDecision();
        strategy.begin(ctx);
        final long[] done = new long[4];
        for (int k = 0; k < 4; k++) {
            forecast.publish(ctx, k);
            strategy.decide(ctx, decision.clear());
            final long n = k == 3 ? ctx.remaining() : Math.min(ctx.remaining(), decision.shares());
            ctx.endSlice(n, volumes[k], profile[k]);
            done[k] = ctx.executedTotal();
        }
        return done;
    }

    @Test
    void adaptiveVwapIsTheStaticVwapWhenVolumePrintsAsExpected() {
        final double[] asExpected = {1_000, 1_000, 1_000, 1_000};
        final long[] adaptive = cumulative(new AdaptiveVwap(asExpected), 1_000, asExpected);
        assertArrayEquals(new long[] {250, 500, 750, 1_000}, adaptive);
        assertArrayEquals(cumulative(new Vwap(asExpected), 1_000, asExpected), adaptive);
    }

    @Test
    void adaptiveVwapTradesAheadWhenTheVolumeComesEarly() {
        final double[] flat = {1_000, 1_000, 1_000, 1_000};
        final double[] early = {2_500, 500, 500, 500};
        // After slice 0 the day has printed 2,500 of the 4,000 expected: the share of the order done follows the
        // realised 2,500 against the 3,000 still expected, floor(1,000 * 3,500 / 5,500) = 636 after slice 1, then
        // floor(1,000 * 4,000 / 5,000) = 800 after slice 2.
        assertArrayEquals(new long[] {250, 636, 800, 1_000}, cumulative(new AdaptiveVwap(flat), 1_000, early));
        assertArrayEquals(new long[] {250, 500, 750, 1_000}, cumulative(new Vwap(flat), 1_000, early));
    }

    @Test
    void adaptiveVwapTradesBehindWhenTheVolumeComesLate() {
        final double[] flat = {1_000, 1_000, 1_000, 1_000};
        final double[] late = {500, 500, 500, 2_500};
        // floor(1,000 * 1,500 / 3,500) = 428 after slice 1, floor(1,000 * 2,000 / 3,000) = 666 after slice 2.
        assertArrayEquals(new long[] {250, 428, 666, 1_000}, cumulative(new AdaptiveVwap(flat), 1_000, late));
    }

    @Test
    void adaptiveVwapIsResolvedAsVwapAdaptiveAndOtherArgumentsAreRefused() {
        final double[] flat = {1_000, 1_000, 1_000, 1_000};
        assertEquals("vwap:adaptive", new AdaptiveVwap(flat).name());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyRegistry.schedules().factory("vwap:fast"));
        assertEquals("strategy 'vwap:fast': expected vwap or vwap:adaptive", e.getMessage());
        final StrategyFactory factory = StrategyRegistry.schedules().factory("vwap:adaptive/join");
        assertEquals(ChildTactic.JOIN, factory.tactic());
        assertEquals("vwap:adaptive", factory.create(OrderTerms.builder(Instrument.usEquity("AAPL"), Side.BUY, 1_000,
                4).expectedVolume(flat).build()).name());
    }

    private static double[] flat() {
        final double[] profile = new double[SLICES];
        Arrays.fill(profile, EXPECTED);
        return profile;
    }
}
