package io.slicer.engine.decision;

import io.slicer.policy.model.ModelFormatException;

import java.util.List;

/**
 * The one feature definition: the catalogue of every feature the engine computes from a {@link DecisionContext}, and
 * a model's selection from it. Trainers, the evaluation harness and the live engine all build a policy's input
 * through an instance of this class, so they cannot disagree on a feature.
 *
 * <p>A model card names its inputs from {@link #CATALOGUE} in any order; {@link #of} compiles the names once, at
 * load, into an index array (an unknown name is refused there, with the catalogue in the message), and
 * {@link #compute} then writes them with one switch per feature. {@link #NAMES} are the standard eight: what Slicer's
 * own trainers use, what every decision record journals, and what {@link #build} writes.
 *
 * <p>The standard eight are dimensionless and O(1), so one network can serve any price level or order size. The raw
 * features ({@code mid}, {@code volatility_estimate}, {@code spread}, {@code execution_flow_imbalance}) are in
 * currency and shares: they exist for desks' models trained on raw observations, such as the constrained-IQL seed's
 * actor ({@code [inventory_remaining, mid, volatility_estimate, execution_flow_imbalance, time_elapsed]}).
 *
 * <p>Immutable and thread-safe; {@link #compute} is allocation-free.
 */
public final class ExecutionFeatures {
    /**
     * Bump when a feature's meaning changes: a model trained on another version must not load. Adding names to the
     * catalogue changes no existing feature, so it keeps the id (a card of v1 lists only names v1 always had).
     */
    public static final String SCHEMA_ID = "slicer.execution.v1";

    /** Every feature the engine computes, as written in model cards; the index is the feature's code. */
    public static final List<String> CATALOGUE = List.of(
            "time_remaining",        // slices left / slices
            "inventory_remaining",   // shares left / parent quantity (the seed's x / X)
            "schedule_lead",         // inventory_remaining - time_remaining: > 0 means behind a TWAP schedule
            "price_drift_sigma",     // side * (mid - arrival) / (reference sigma per slice * sqrt(slices))
            "volume_ratio",          // last slice's market volume / its expected volume (1 before any slice)
            "spread_bps",            // spread / mid in basis points
            "volatility_ratio",      // volatility estimate / reference volatility
            "participation_last",    // our shares last slice / market volume last slice
            "time_elapsed",          // slice index / slices (the seed's t / T)
            "mid",                   // mid price, raw (currency per share)
            "spread",                // ask - bid, raw (currency per share)
            "volatility_estimate",   // the context's volatility estimate per slice, raw (currency per share)
            "order_flow_imbalance",  // the market's imbalance: book sizes live, signed volume on bar data; [-1, 1]
            "execution_flow_imbalance"); // 0.95 * previous + 0.05 * (our shares - others' shares) per slice, shares

    /** The standard eight, in the order Slicer's trainers write them and every decision record journals them. */
    public static final List<String> NAMES = CATALOGUE.subList(0, 8);

    public static final int COUNT = 8;

    /** The standard eight as a selection: what {@link #build} computes. */
    public static final ExecutionFeatures STANDARD = new ExecutionFeatures(NAMES, codes(NAMES));

    private static final int TIME_REMAINING = 0;
    private static final int INVENTORY_REMAINING = 1;
    private static final int SCHEDULE_LEAD = 2;
    private static final int PRICE_DRIFT_SIGMA = 3;
    private static final int VOLUME_RATIO = 4;
    private static final int SPREAD_BPS = 5;
    private static final int VOLATILITY_RATIO = 6;
    private static final int PARTICIPATION_LAST = 7;
    private static final int TIME_ELAPSED = 8;
    private static final int MID = 9;
    private static final int SPREAD = 10;
    private static final int VOLATILITY_ESTIMATE = 11;
    private static final int ORDER_FLOW_IMBALANCE = 12;
    private static final int EXECUTION_FLOW_IMBALANCE = 13;

    private final List<String> names;
    private final int[] codes;

    private ExecutionFeatures(final List<String> names, final int[] codes) {
        this.names = List.copyOf(names);
        this.codes = codes;
    }

    /**
     * The selection a model card names, compiled once.
     *
     * @throws ModelFormatException naming the first name that is not in {@link #CATALOGUE}, its position, and the
     *                              catalogue
     */
    public static ExecutionFeatures of(final List<String> names) {
        if (names.equals(NAMES)) {
            return STANDARD;
        }
        return new ExecutionFeatures(names, codes(names));
    }

    private static int[] codes(final List<String> names) {
        final int[] codes = new int[names.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = CATALOGUE.indexOf(names.get(i));
            if (codes[i] < 0) {
                throw new ModelFormatException("model feature " + i + " '" + names.get(i) + "' is not a feature the"
                        + " engine computes; expected one of " + CATALOGUE);
            }
        }
        return codes;
    }

    /** Writes the standard eight ({@link #NAMES}) of {@code ctx} into {@code out[0..COUNT)}. */
    public static void build(final DecisionContext ctx, final float[] out) {
        STANDARD.compute(ctx, out);
    }

    /** Writes this selection's features of {@code ctx} into {@code out[0..width())}, in the card's order. */
    public void compute(final DecisionContext ctx, final float[] out) {
        for (int i = 0; i < codes.length; i++) {
            out[i] = (float) value(codes[i], ctx);
        }
    }

    /** The selected names, in input order. */
    public List<String> names() {
        return names;
    }

    public int width() {
        return codes.length;
    }

    /** One feature of the catalogue, in double precision (the caller narrows it to the kernel's float). */
    private static double value(final int code, final DecisionContext ctx) {
        switch (code) {
            case TIME_REMAINING:
                return timeRemaining(ctx);
            case INVENTORY_REMAINING:
                return inventoryRemaining(ctx);
            case SCHEDULE_LEAD:
                return inventoryRemaining(ctx) - timeRemaining(ctx);
            case PRICE_DRIFT_SIGMA: {
                final double sigmaHorizon = ctx.referenceVolatility() * Math.sqrt(Math.max(1, ctx.slices()));
                return sigmaHorizon > 0 ? ctx.side().sign() * (ctx.mid() - ctx.arrivalPrice()) / sigmaHorizon : 0.0;
            }
            case VOLUME_RATIO:
                return ctx.slice() == 0 || ctx.expectedLastSliceVolume() <= 0
                        ? 1.0
                        : ctx.lastSliceMarketVolume() / ctx.expectedLastSliceVolume();
            case SPREAD_BPS:
                return ctx.mid() > 0 ? ctx.spread() / ctx.mid() * 1e4 : 0.0;
            case VOLATILITY_RATIO:
                return ctx.referenceVolatility() > 0 ? ctx.volatilityEstimate() / ctx.referenceVolatility() : 1.0;
            case PARTICIPATION_LAST:
                return ctx.lastSliceMarketVolume() > 0
                        ? ctx.executedLastSlice() / ctx.lastSliceMarketVolume()
                        : 0.0;
            case TIME_ELAPSED:
                return ctx.slices() == 0 ? 0.0 : (double) ctx.slice() / ctx.slices();
            case MID:
                return ctx.mid();
            case SPREAD:
                return ctx.spread();
            case VOLATILITY_ESTIMATE:
                return ctx.volatilityEstimate();
            case ORDER_FLOW_IMBALANCE:
                return ctx.orderFlowImbalance();
            case EXECUTION_FLOW_IMBALANCE:
                return ctx.executionFlowImbalance();
            default:
                throw new IllegalStateException("feature code " + code + " is not in the catalogue");
        }
    }

    private static double timeRemaining(final DecisionContext ctx) {
        return ctx.slices() == 0 ? 0.0 : (double) ctx.slicesLeft() / ctx.slices();
    }

    private static double inventoryRemaining(final DecisionContext ctx) {
        return ctx.remaining() / (double) Math.max(1, ctx.parentQuantity());
    }

    @Override
    public String toString() {
        return "ExecutionFeatures" + names;
    }
}
