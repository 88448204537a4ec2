package io.slicer.engine.decision;

import io.slicer.engine.market.Side;

/**
 * Everything a slicing decision may look at, for one parent order at one decision time. The simulator fills it from
 * its episode, the live engine from market events: both feed the same fields, and {@link ExecutionFeatures} turns
 * them into the policy's input, so training, evaluation and live trading cannot disagree on a feature.
 *
 * <p>Mutable and reused; allocation-free after construction. Not thread-safe: one context per order per thread.
 *
 * <p>Units: prices in currency per share; volatility per slice in currency per share; volumes in shares; slice
 * indexes from 0 (the first decision) to {@code slices - 1} (the last, which must sweep what remains).
 */
public final class DecisionContext {
    // The parent order.
    private Side side = Side.BUY;
    private long parentQuantity;
    private double arrivalPrice;
    private int slices;

    // Progress.
    private int slice;
    private long remaining;
    private long executedLastSlice;
    private long executedTotal;

    // Market as observed at decision time.
    private double mid;
    private double spread;
    private double lastSliceMarketVolume;
    private double marketVolumeSinceStart;
    private double expectedLastSliceVolume;
    private double expectedSliceVolume;
    private double volatilityEstimate;
    private double referenceVolatility;
    private double orderFlowImbalance;
    private double executionFlowImbalance;
    private double expectedRemainingVolume = Double.NaN;
    private double participationLimit = Double.NaN;

    /** Starts a new parent order: resets progress and market observations. */
    public DecisionContext beginOrder(final Side side, final long parentQuantity, final double arrivalPrice,
                                      final int slices, final double referenceVolatility) {
        this.side = side;
        this.parentQuantity = parentQuantity;
        this.arrivalPrice = arrivalPrice;
        this.slices = slices;
        this.referenceVolatility = referenceVolatility;
        this.slice = 0;
        this.remaining = parentQuantity;
        this.executedLastSlice = 0;
        this.executedTotal = 0;
        this.mid = arrivalPrice;
        this.spread = 0;
        this.lastSliceMarketVolume = 0;
        this.marketVolumeSinceStart = 0;
        this.expectedLastSliceVolume = 0;
        this.expectedSliceVolume = 0;
        this.volatilityEstimate = referenceVolatility;
        this.orderFlowImbalance = 0;
        this.executionFlowImbalance = 0;
        this.expectedRemainingVolume = Double.NaN;
        this.participationLimit = Double.NaN;
        return this;
    }

    /**
     * The OMS amended the order's quantity: what is executed stays, what remains is measured against the new
     * quantity (the live engine sets the exact remaining before each decision).
     */
    public DecisionContext amendQuantity(final long quantity) {
        this.remaining = quantity - executedTotal;
        this.parentQuantity = quantity;
        return this;
    }

    /**
     * Weight of the previous value in {@link #executionFlowImbalance()}: the constrained-IQL seed's
     * {@code ofi <- 0.95 ofi + 0.05 (v - (V - v))}, kept here so the live engine and every simulator update it alike.
     */
    public static final double EXECUTION_FLOW_DECAY = 0.95;
    /** Weight of the slice's own flow in {@link #executionFlowImbalance()}. */
    public static final double EXECUTION_FLOW_GAIN = 0.05;

    /**
     * Records the fills of the slice that just ended and moves to the next decision time; updates the execution
     * flow imbalance with the slice's shares against the rest of the market's.
     */
    public DecisionContext endSlice(final long executed, final double marketVolume, final double expectedVolume) {
        this.executionFlowImbalance = EXECUTION_FLOW_DECAY * executionFlowImbalance
                + EXECUTION_FLOW_GAIN * (executed - (marketVolume - executed));
        this.executedLastSlice = executed;
        this.executedTotal += executed;
        this.remaining -= executed;
        this.lastSliceMarketVolume = marketVolume;
        this.marketVolumeSinceStart += marketVolume;
        this.expectedLastSliceVolume = expectedVolume;
        this.slice++;
        return this;
    }

    public DecisionContext market(final double mid, final double spread, final double volatilityEstimate) {
        this.mid = mid;
        this.spread = spread;
        this.volatilityEstimate = volatilityEstimate;
        return this;
    }

    public DecisionContext expectedSliceVolume(final double expected) {
        this.expectedSliceVolume = expected;
        return this;
    }

    /**
     * Expected market volume of the current slice and every later one up to the horizon (NaN: unknown, the
     * default after {@link #beginOrder}). {@link ParticipationFeasibility} needs it to keep completion feasible.
     */
    public DecisionContext expectedRemainingVolume(final double expected) {
        this.expectedRemainingVolume = expected;
        return this;
    }

    /**
     * The desk's participation limit for this order, as a fraction of market volume (NaN: none, the default after
     * {@link #beginOrder}).
     */
    public DecisionContext participationLimit(final double limit) {
        this.participationLimit = limit;
        return this;
    }

    /** The market's order-flow imbalance in [-1, 1] (book sizes live, signed volume on bar data). */
    public DecisionContext orderFlowImbalance(final double ofi) {
        this.orderFlowImbalance = ofi;
        return this;
    }

    /** Live engine only: fills arrive at any time, not at slice ends. */
    public DecisionContext remaining(final long remaining) {
        this.remaining = remaining;
        this.executedTotal = parentQuantity - remaining;
        return this;
    }

    /** Live engine only: the engine's own clock of slice boundaries. */
    public DecisionContext slice(final int slice) {
        this.slice = slice;
        return this;
    }

    public Side side() {
        return side;
    }

    public long parentQuantity() {
        return parentQuantity;
    }

    public double arrivalPrice() {
        return arrivalPrice;
    }

    public int slices() {
        return slices;
    }

    public int slice() {
        return slice;
    }

    public int slicesLeft() {
        return slices - slice;
    }

    public boolean isLastSlice() {
        return slice >= slices - 1;
    }

    public long remaining() {
        return remaining;
    }

    public long executedLastSlice() {
        return executedLastSlice;
    }

    public long executedTotal() {
        return executedTotal;
    }

    public double mid() {
        return mid;
    }

    public double spread() {
        return spread;
    }

    public double lastSliceMarketVolume() {
        return lastSliceMarketVolume;
    }

    /**
     * The market's realised volume over every slice ended since the order began (the sum of each
     * {@link #endSlice}'s volume): what a participation target is measured against, live or simulated.
     */
    public double marketVolumeSinceStart() {
        return marketVolumeSinceStart;
    }

    public double expectedLastSliceVolume() {
        return expectedLastSliceVolume;
    }

    public double expectedSliceVolume() {
        return expectedSliceVolume;
    }

    /** Expected market volume of this slice and all later ones; NaN when the feed does not say. */
    public double expectedRemainingVolume() {
        return expectedRemainingVolume;
    }

    /** Expected market volume of the slices after this one; NaN when unknown. */
    public double expectedVolumeAfterThisSlice() {
        return Math.max(0.0, expectedRemainingVolume - expectedSliceVolume);
    }

    /** The desk's participation limit, or NaN for none. */
    public double participationLimit() {
        return participationLimit;
    }

    public boolean hasParticipationLimit() {
        return !Double.isNaN(participationLimit);
    }

    public double volatilityEstimate() {
        return volatilityEstimate;
    }

    public double referenceVolatility() {
        return referenceVolatility;
    }

    public double orderFlowImbalance() {
        return orderFlowImbalance;
    }

    /**
     * Exponentially weighted imbalance of this order's own flow against the rest of the market, in shares, updated
     * once per slice by {@link #endSlice}: {@code 0.95 * previous + 0.05 * (v - (V - v))} with v our shares and V
     * the market's volume of the slice (0 at the order's start). The constrained-IQL seed's {@code ofi}.
     */
    public double executionFlowImbalance() {
        return executionFlowImbalance;
    }
}
