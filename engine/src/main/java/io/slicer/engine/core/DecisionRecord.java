package io.slicer.engine.core;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.market.Side;
import io.slicer.engine.risk.RiskVerdict;

/**
 * Everything about one slicing decision that an auditor needs to replay and explain it: the inputs (features),
 * what the policy said (raw output, action), what the engine made of it (sizing, child order) and the pre-trade
 * verdict. A flyweight: the core fills one instance and hands it to {@link EngineJournal#onDecision}; it is only
 * valid during that call. Copy what you keep.
 *
 * <p>Allocation-free after construction.
 */
public final class DecisionRecord {
    /** Longest raw policy output the record carries; longer outputs are truncated to this. */
    public static final int MAX_RAW_OUTPUT = 64;

    final float[] features = new float[ExecutionFeatures.COUNT];
    final float[] rawOutput = new float[MAX_RAW_OUTPUT];
    int rawOutputLength;
    long sequence;
    long timestamp;
    long orderId;
    int symbol;
    Side side = Side.BUY;
    int strategy;
    int period;
    boolean fallback;
    int actionIndex;
    double actionValue;
    long proposedShares;
    long childId;
    long childQuantity;
    double childLimitPrice;
    double referencePrice;
    RiskVerdict verdict = RiskVerdict.NOTHING_TO_SEND;

    void reset(final long sequence, final long timestamp, final long orderId, final int symbol, final Side side,
               final int strategy, final int period, final boolean fallback) {
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.orderId = orderId;
        this.symbol = symbol;
        this.side = side;
        this.strategy = strategy;
        this.period = period;
        this.fallback = fallback;
        this.rawOutputLength = 0;
        this.actionIndex = -1;
        this.actionValue = Double.NaN;
        this.proposedShares = 0;
        this.childId = 0;
        this.childQuantity = 0;
        this.childLimitPrice = Double.NaN;
        this.referencePrice = Double.NaN;
        this.verdict = RiskVerdict.NOTHING_TO_SEND;
    }

    /** Input sequence (0-based count of events the core has processed) of the event that triggered this decision. */
    public long sequence() { return sequence; }
    /** Event time of the decision. */
    public long timestamp() { return timestamp; }
    public long orderId() { return orderId; }
    public int symbol() { return symbol; }
    public Side side() { return side; }
    /** Index of the strategy registered with the engine that decided (the fallback TWAP when {@link #fallback()}). */
    public int strategy() { return strategy; }
    /** Slice index from 0. */
    public int period() { return period; }
    /** True when the order was finished on the TWAP fallback after a policy halt. */
    public boolean fallback() { return fallback; }
    /** The {@link ExecutionFeatures#COUNT} features the policy saw; do not modify. */
    public float[] features() { return features; }
    /** The policy's raw output (Q-values or actor mean), valid up to {@link #rawOutputLength()}; 0 for schedules. */
    public float[] rawOutput() { return rawOutput; }
    public int rawOutputLength() { return rawOutputLength; }
    /** Discrete action chosen, or -1. */
    public int actionIndex() { return actionIndex; }
    /** Action in its unit, or NaN for schedules. */
    public double actionValue() { return actionValue; }
    /** Shares the strategy asked for, before sizing. */
    public long proposedShares() { return proposedShares; }
    /** Child order id when {@link #verdict()} is ACCEPTED, else 0. */
    public long childId() { return childId; }
    /** Sized child quantity (also when rejected: what would have been sent). */
    public long childQuantity() { return childQuantity; }
    public double childLimitPrice() { return childLimitPrice; }
    /** Reference price (mid) the checks used; NaN when missing. */
    public double referencePrice() { return referencePrice; }
    public RiskVerdict verdict() { return verdict; }

    @Override
    public String toString() {
        return "Decision{seq=" + sequence + " t=" + timestamp + " order=" + orderId + " period=" + period
                + " action=" + actionIndex + "/" + actionValue + " proposed=" + proposedShares + " child=" + childId
                + " qty=" + childQuantity + " @" + childLimitPrice + " ref=" + referencePrice + " " + verdict
                + (fallback ? " fallback" : "") + "}";
    }
}
