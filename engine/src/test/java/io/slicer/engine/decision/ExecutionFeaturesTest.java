package io.slicer.engine.decision;

import io.slicer.engine.market.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExecutionFeaturesTest {

    @Test
    void schemaListsExactlyTheFeaturesBuildWrites() {
        assertEquals(ExecutionFeatures.COUNT, ExecutionFeatures.NAMES.size());
    }

    @Test
    void arrivalStateIsOnScheduleWithNeutralMarket() {
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.BUY, 1_000, 100.0, 10, 0.5);
        ctx.market(100.0, 0.02, 0.5);
        final float[] f = new float[ExecutionFeatures.COUNT];
        ExecutionFeatures.build(ctx, f);
        assertArrayEquals(new float[] {1f, 1f, 0f, 0f, 1f, 2f, 1f, 0f}, f, 1e-6f);
    }

    @Test
    void behindScheduleAdverseDriftAndThinVolumeShowInFeatures() {
        // Sell 1,000 over 4 slices; after one slice only 100 done, price fell 1.0 (adverse for a seller),
        // the market traded 2,000 against an expected 4,000.
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.SELL, 1_000, 50.0, 4, 0.25);
        ctx.endSlice(100, 2_000, 4_000).market(49.0, 0.049, 0.5);
        final float[] f = new float[ExecutionFeatures.COUNT];
        ExecutionFeatures.build(ctx, f);
        assertEquals(0.75f, f[0], 1e-6f);                // 3 of 4 slices left
        assertEquals(0.90f, f[1], 1e-6f);                // 900 of 1,000 shares left
        assertEquals(0.15f, f[2], 1e-6f);                // 15% of the order behind TWAP
        assertEquals(2.0f, f[3], 1e-6f);                 // -1 * (49 - 50) / (0.25 * sqrt(4))
        assertEquals(0.5f, f[4], 1e-6f);                 // half the expected volume
        assertEquals(10.0f, f[5], 1e-4f);                // 0.049 / 49 = 10 bps
        assertEquals(2.0f, f[6], 1e-6f);                 // volatility doubled
        assertEquals(0.05f, f[7], 1e-6f);                // 100 of 2,000
    }
}
