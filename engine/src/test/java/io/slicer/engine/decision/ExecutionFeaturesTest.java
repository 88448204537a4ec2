package io.slicer.engine.decision;

import io.slicer.engine.market.Side;
import io.slicer.engine.testing.AllocationMeter;
import io.slicer.policy.model.ModelFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void theStandardEightAreTheCataloguesFirstEight() {
        assertEquals(ExecutionFeatures.CATALOGUE.subList(0, 8), ExecutionFeatures.NAMES);
        assertSame(ExecutionFeatures.STANDARD, ExecutionFeatures.of(List.copyOf(ExecutionFeatures.NAMES)));
    }

    @Test
    void aSelectionComputesItsFeaturesInItsOwnOrderAsTheStandardOnesAre() {
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.SELL, 1_000, 50.0, 4, 0.25);
        ctx.endSlice(100, 2_000, 4_000).market(49.0, 0.049, 0.5);
        final float[] standard = new float[ExecutionFeatures.COUNT];
        ExecutionFeatures.build(ctx, standard);
        final ExecutionFeatures reversed = ExecutionFeatures.of(List.of("participation_last", "spread_bps",
                "inventory_remaining", "schedule_lead"));
        final float[] f = new float[4];
        reversed.compute(ctx, f);
        assertArrayEquals(new float[] {standard[7], standard[5], standard[1], standard[2]}, f, 0f);
    }

    @Test
    void rawFeaturesAreTheContextsOwnNumbers() {
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.SELL, 500, 100.0, 30, 0.02);
        ctx.endSlice(40, 760.0, 800.0).market(99.98, 0.01, 0.0213);
        ctx.orderFlowImbalance(0.25);
        final ExecutionFeatures raw = ExecutionFeatures.of(List.of("mid", "spread", "volatility_estimate",
                "order_flow_imbalance", "execution_flow_imbalance", "time_elapsed", "inventory_remaining"));
        final float[] f = new float[raw.width()];
        raw.compute(ctx, f);
        assertArrayEquals(new float[] {(float) 99.98, 0.01f, 0.0213f, 0.25f,
                (float) (0.95 * 0 + 0.05 * (40 - (760.0 - 40))), (float) (1.0 / 30), (float) (460 / 500.0)}, f, 0f);
    }

    @Test
    void executionFlowImbalanceIsTheSeedsOfiUpdatedOncePerSlice() {
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.SELL, 500, 100.0, 30, 0.02);
        double ofi = 0;
        final long[] sold = {40, 0, 25, 160};
        final double[] volume = {812.5, 790.0, 801.25, 777.0};
        for (int k = 0; k < sold.length; k++) {
            ctx.endSlice(sold[k], volume[k], 800);
            ofi = 0.95 * ofi + 0.05 * (sold[k] - (volume[k] - sold[k]));
            assertEquals(ofi, ctx.executionFlowImbalance(), 0.0, "slice " + k);
        }
        ctx.beginOrder(Side.BUY, 100, 10.0, 5, 0.1);
        assertEquals(0.0, ctx.executionFlowImbalance(), 0.0, "a new order starts at 0");
    }

    @Test
    void aNameOutsideTheCatalogueIsRefusedNamingItAndTheCatalogue() {
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ExecutionFeatures.of(List.of("mid", "volume_surprise")));
        assertEquals("model feature 1 'volume_surprise' is not a feature the engine computes; expected one of "
                + ExecutionFeatures.CATALOGUE, e.getMessage());
    }

    @Test
    void computingASelectionAllocatesNothing() {
        final ExecutionFeatures all = ExecutionFeatures.of(ExecutionFeatures.CATALOGUE);
        final DecisionContext ctx = new DecisionContext().beginOrder(Side.BUY, 1_000, 100.0, 10, 0.5);
        ctx.market(100.0, 0.02, 0.5);
        final float[] f = new float[all.width()];
        AllocationMeter.assertAllocationFree("100,000 feature vectors", 3, () -> {
            for (int i = 0; i < 100_000; i++) {
                all.compute(ctx, f);
            }
        });
    }
}
