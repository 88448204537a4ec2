package io.slicer.engine.port;

import io.slicer.engine.risk.HaltReason;

/**
 * What a shadow strategy decided on one slice of a live order, beside the live decision: it decided from the same
 * features, sent nothing, and its would-be child is priced on the path the engine observed with the order's impact
 * model (the TWAP benchmark's). That price, and the IS built from it, are <b>counterfactual estimates</b>: no child
 * was sent, so no fill says what it would have cost. A shadow that threw, returned NaN or an action out of range is
 * journaled with its {@link #fault()} and never touches the live order.
 *
 * <p>A flyweight like {@link DecisionRecord}: valid only during the journal call. Allocation-free. Engine thread.
 */
public final class ShadowRecord {
    private long sequence;
    private long timestamp;
    private long orderId;
    private int strategy;
    private int slice;
    private HaltReason fault;
    private int actionIndex;
    private double actionValue;
    private long proposedShares;
    private long quantity;
    private double estimatedPrice;
    private long shares;
    private double estimatedIsBps;

    /** Starts the record of the shadow's decision on {@code order}'s slice; every output field is cleared. */
    public ShadowRecord reset(final long inputSequence, final long time, final long order, final int strategyIndex,
                              final int sliceIndex) {
        this.sequence = inputSequence;
        this.timestamp = time;
        this.orderId = order;
        this.strategy = strategyIndex;
        this.slice = sliceIndex;
        this.fault = null;
        this.actionIndex = -1;
        this.actionValue = Double.NaN;
        this.proposedShares = 0;
        this.quantity = 0;
        this.estimatedPrice = Double.NaN;
        this.shares = 0;
        this.estimatedIsBps = Double.NaN;
        return this;
    }

    // ---- written by the shadow stage ----

    public void fault(final HaltReason why) { fault = why; }
    public void action(final int index, final double value) { actionIndex = index; actionValue = value; }
    public void proposedShares(final long v) { proposedShares = v; }
    /** The would-be child and its estimated price (NaN when it would send nothing). */
    public void wouldTrade(final long q, final double price) { quantity = q; estimatedPrice = price; }
    /** The shadow's would-be units so far (this slice included) and their estimated IS. */
    public void running(final long units, final double isBps) { shares = units; estimatedIsBps = isBps; }

    // ---- read by the journal ----

    public long sequence() { return sequence; }
    public long timestamp() { return timestamp; }
    public long orderId() { return orderId; }
    /** Index of the registered strategy that ran in shadow. */
    public int strategy() { return strategy; }
    public int slice() { return slice; }
    /** Why the shadow's decision was not used (a policy fault), or null when it decided. */
    public HaltReason fault() { return fault; }
    public int actionIndex() { return actionIndex; }
    public double actionValue() { return actionValue; }
    public long proposedShares() { return proposedShares; }
    /** Units the shadow would have sent this slice. */
    public long quantity() { return quantity; }
    /** Estimated (counterfactual) average price of the would-be child. */
    public double estimatedPrice() { return estimatedPrice; }
    /** Units the shadow would have traded so far. */
    public long shares() { return shares; }
    /** Estimated (counterfactual) IS of the shadow's would-be units so far, bps of their arrival value. */
    public double estimatedIsBps() { return estimatedIsBps; }
}
