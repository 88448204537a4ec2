package io.slicer.engine.decision;

import io.slicer.engine.market.Side;

/**
 * Everything a slicing decision may look at, for one parent order at one decision time. The simulator fills it from
 * its episode, the live engine from market events: both feed the same fields, and {@link ExecutionFeatures} turns
 * them into the policy's input, so training, evaluation and live trading cannot disagree on a feature.
 *
 * <p>Mutable and reused; allocation-free after construction. Not thread-safe: one context per order per thread.
 *
 * <p>Units: prices in currency per share; volatility per period in currency per share; volumes in shares; period
 * indexes from 0 (the first decision) to {@code periods - 1} (the last, which must sweep what remains).
 */
public final class DecisionContext {
    // The parent order.
    private Side side = Side.BUY;
    private long parentQuantity;
    private double arrivalPrice;
    private int periods;

    // Progress.
    private int period;
    private long remaining;
    private long executedLastPeriod;
    private long executedTotal;

    // Market as observed at decision time.
    private double mid;
    private double spread;
    private double lastPeriodMarketVolume;
    private double expectedLastPeriodVolume;
    private double expectedPeriodVolume;
    private double cumulativeMarketVolume;
    private double volatilityEstimate;
    private double referenceVolatility;
    private double orderFlowImbalance;
    private double expectedRemainingVolume = Double.NaN;
    private double participationLimit = Double.NaN;

    /** Starts a new parent order: resets progress and market observations. */
    public DecisionContext beginOrder(final Side side, final long parentQuantity, final double arrivalPrice,
                                      final int periods, final double referenceVolatility) {
        this.side = side;
        this.parentQuantity = parentQuantity;
        this.arrivalPrice = arrivalPrice;
        this.periods = periods;
        this.referenceVolatility = referenceVolatility;
        this.period = 0;
        this.remaining = parentQuantity;
        this.executedLastPeriod = 0;
        this.executedTotal = 0;
        this.mid = arrivalPrice;
        this.spread = 0;
        this.lastPeriodMarketVolume = 0;
        this.expectedLastPeriodVolume = 0;
        this.expectedPeriodVolume = 0;
        this.cumulativeMarketVolume = 0;
        this.volatilityEstimate = referenceVolatility;
        this.orderFlowImbalance = 0;
        this.expectedRemainingVolume = Double.NaN;
        this.participationLimit = Double.NaN;
        return this;
    }

    /** Records the fills of the period that just ended and moves to the next decision time. */
    public DecisionContext endPeriod(final long executed, final double marketVolume, final double expectedVolume) {
        this.executedLastPeriod = executed;
        this.executedTotal += executed;
        this.remaining -= executed;
        this.lastPeriodMarketVolume = marketVolume;
        this.expectedLastPeriodVolume = expectedVolume;
        this.cumulativeMarketVolume += marketVolume;
        this.period++;
        return this;
    }

    public DecisionContext market(final double mid, final double spread, final double volatilityEstimate) {
        this.mid = mid;
        this.spread = spread;
        this.volatilityEstimate = volatilityEstimate;
        return this;
    }

    public DecisionContext expectedPeriodVolume(final double expected) {
        this.expectedPeriodVolume = expected;
        return this;
    }

    /**
     * Expected market volume of the current period and every later one up to the horizon (NaN: unknown, the
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

    public DecisionContext orderFlowImbalance(final double ofi) {
        this.orderFlowImbalance = ofi;
        return this;
    }

    /** Live engine only: fills arrive at any time, not at period ends. */
    public DecisionContext remaining(final long remaining) {
        this.remaining = remaining;
        this.executedTotal = parentQuantity - remaining;
        return this;
    }

    /** Live engine only: the engine's own clock of slice boundaries. */
    public DecisionContext period(final int period) {
        this.period = period;
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

    public int periods() {
        return periods;
    }

    public int period() {
        return period;
    }

    public int periodsLeft() {
        return periods - period;
    }

    public boolean isLastPeriod() {
        return period >= periods - 1;
    }

    public long remaining() {
        return remaining;
    }

    public long executedLastPeriod() {
        return executedLastPeriod;
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

    public double lastPeriodMarketVolume() {
        return lastPeriodMarketVolume;
    }

    public double expectedLastPeriodVolume() {
        return expectedLastPeriodVolume;
    }

    public double expectedPeriodVolume() {
        return expectedPeriodVolume;
    }

    /** Expected market volume of this period and all later ones; NaN when the feed does not say. */
    public double expectedRemainingVolume() {
        return expectedRemainingVolume;
    }

    /** Expected market volume of the periods after this one; NaN when unknown. */
    public double expectedVolumeAfterThisPeriod() {
        return Math.max(0.0, expectedRemainingVolume - expectedPeriodVolume);
    }

    /** The desk's participation limit, or NaN for none. */
    public double participationLimit() {
        return participationLimit;
    }

    public boolean hasParticipationLimit() {
        return !Double.isNaN(participationLimit);
    }

    public double cumulativeMarketVolume() {
        return cumulativeMarketVolume;
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
}
