package io.slicer.engine.decision;

import java.util.List;

/**
 * The one feature definition. Trainers, the evaluation harness and the live engine all build a policy's input with
 * {@link #build}; a model file lists {@link #NAMES} in its card and the engine refuses a model whose list differs.
 *
 * <p>Every feature is dimensionless and O(1) so that one network can serve any price level or order size.
 * Allocation-free.
 */
public final class ExecutionFeatures {
    /** Bump when a feature's meaning changes: a model trained on another version must not load. */
    public static final String SCHEMA_ID = "slicer.execution.v1";

    /** Ordered feature names, as written in model cards. */
    public static final List<String> NAMES = List.of(
            "time_remaining",        // slices left / slices
            "inventory_remaining",   // shares left / parent quantity
            "schedule_lead",         // inventory_remaining - time_remaining: > 0 means behind a TWAP schedule
            "price_drift_sigma",     // side * (mid - arrival) / (reference sigma per slice * sqrt(slices))
            "volume_ratio",          // last slice's market volume / its expected volume (1 before any slice)
            "spread_bps",            // spread / mid in basis points
            "volatility_ratio",      // volatility estimate / reference volatility
            "participation_last");   // our shares last slice / market volume last slice

    public static final int COUNT = 8;

    private ExecutionFeatures() {
    }

    /** Writes the {@link #COUNT} features of {@code ctx} into {@code out[0..COUNT)}. */
    public static void build(final DecisionContext ctx, final float[] out) {
        final double q = Math.max(1, ctx.parentQuantity());
        final double timeRemaining = ctx.slices() == 0 ? 0.0 : (double) ctx.slicesLeft() / ctx.slices();
        final double inventoryRemaining = ctx.remaining() / q;
        final double sigmaHorizon = ctx.referenceVolatility() * Math.sqrt(Math.max(1, ctx.slices()));
        final double drift = sigmaHorizon > 0
                ? ctx.side().sign() * (ctx.mid() - ctx.arrivalPrice()) / sigmaHorizon
                : 0.0;
        final double volumeRatio = ctx.slice() == 0 || ctx.expectedLastSliceVolume() <= 0
                ? 1.0
                : ctx.lastSliceMarketVolume() / ctx.expectedLastSliceVolume();
        final double spreadBps = ctx.mid() > 0 ? ctx.spread() / ctx.mid() * 1e4 : 0.0;
        final double volRatio = ctx.referenceVolatility() > 0
                ? ctx.volatilityEstimate() / ctx.referenceVolatility()
                : 1.0;
        final double participation = ctx.lastSliceMarketVolume() > 0
                ? ctx.executedLastSlice() / ctx.lastSliceMarketVolume()
                : 0.0;
        out[0] = (float) timeRemaining;
        out[1] = (float) inventoryRemaining;
        out[2] = (float) (inventoryRemaining - timeRemaining);
        out[3] = (float) drift;
        out[4] = (float) volumeRatio;
        out[5] = (float) spreadBps;
        out[6] = (float) volRatio;
        out[7] = (float) participation;
    }
}
