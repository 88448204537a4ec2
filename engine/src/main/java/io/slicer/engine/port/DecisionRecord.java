package io.slicer.engine.port;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.risk.RiskVerdict;

/**
 * Everything about one slice decision that an auditor needs to replay and explain it: the inputs (features), what
 * the policy said (raw output, action), what the engine made of it (sizing, child order) and the pre-trade verdict.
 * A flyweight: the engine's decision pipeline fills one instance, stage by stage, and hands it to the journal; it is
 * only valid during that call. Copy what you keep.
 *
 * <p>Allocation-free after construction. Engine thread.
 */
public final class DecisionRecord {
    /** Longest raw policy output the record carries; longer outputs are truncated to this. */
    public static final int MAX_RAW_OUTPUT = 64;

    private final float[] features = new float[ExecutionFeatures.COUNT];
    private final float[] rawOutput = new float[MAX_RAW_OUTPUT];
    private int rawOutputLength;
    private long sequence;
    private long timestamp;
    private long orderId;
    private int symbol;
    private Side side = Side.BUY;
    private int strategy;
    private int slice;
    private boolean fallback;
    private int actionIndex;
    private double actionValue;
    private long proposedShares;
    private long childId;
    private long childQuantity;
    private double childLimitPrice;
    private double referencePrice;
    private RiskVerdict verdict = RiskVerdict.NOTHING_TO_SEND;
    private ChildTactic tactic = ChildTactic.CROSS;

    /** Starts the record of a decision of {@code orderId}'s slice {@code slice}; every output field is cleared. */
    public DecisionRecord reset(final long inputSequence, final long time, final long order, final int sym,
                                final Side orderSide, final int strategyIndex, final int sliceIndex) {
        this.sequence = inputSequence;
        this.timestamp = time;
        this.orderId = order;
        this.symbol = sym;
        this.side = orderSide;
        this.strategy = strategyIndex;
        this.slice = sliceIndex;
        this.fallback = false;
        this.rawOutputLength = 0;
        this.actionIndex = -1;
        this.actionValue = Double.NaN;
        this.proposedShares = 0;
        this.childId = 0;
        this.childQuantity = 0;
        this.childLimitPrice = Double.NaN;
        this.referencePrice = Double.NaN;
        this.verdict = RiskVerdict.NOTHING_TO_SEND;
        this.tactic = ChildTactic.CROSS;
        return this;
    }

    // ---- written by the pipeline's stages ----

    /** The features array to fill ({@link ExecutionFeatures#build}). */
    public float[] features() { return features; }
    /** The raw-output array to fill; then {@link #rawOutputLength(int)}. */
    public float[] rawOutput() { return rawOutput; }
    public void rawOutputLength(final int n) { rawOutputLength = n; }
    public void action(final int index, final double value) { actionIndex = index; actionValue = value; }
    public void referencePrice(final double price) { referencePrice = price; }
    public void fallback(final boolean onFallback) { fallback = onFallback; }
    public void proposedShares(final long shares) { proposedShares = shares; }
    public void child(final long quantity, final double limitPrice) { childQuantity = quantity; childLimitPrice = limitPrice; }
    public void childId(final long id) { childId = id; }
    public void verdict(final RiskVerdict v) { verdict = v; }
    /** The tactic the slice's child works (its deadline's cross included): fixed, or the learned chooser's pick. */
    public void tactic(final ChildTactic t) { tactic = t; }

    // ---- read by the journal ----

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
    public int slice() { return slice; }
    /** True when the order was finished on the TWAP fallback after a policy halt. */
    public boolean fallback() { return fallback; }
    public int rawOutputLength() { return rawOutputLength; }
    /** Discrete action chosen, or -1. */
    public int actionIndex() { return actionIndex; }
    /** Action in its unit, or NaN for schedules. */
    public double actionValue() { return actionValue; }
    /** Units the strategy asked for, before sizing. */
    public long proposedShares() { return proposedShares; }
    /** Child order id when {@link #verdict()} is ACCEPTED, else 0. */
    public long childId() { return childId; }
    /** Sized child quantity (also when rejected: what would have been sent). */
    public long childQuantity() { return childQuantity; }
    /** The child's limit price, on the instrument's tick. */
    public double childLimitPrice() { return childLimitPrice; }
    /** Reference price (mid) the checks used; NaN when missing. */
    public double referencePrice() { return referencePrice; }
    public RiskVerdict verdict() { return verdict; }
    public ChildTactic tactic() { return tactic; }

    @Override
    public String toString() {
        return "Decision{seq=" + sequence + " t=" + timestamp + " order=" + orderId + " slice=" + slice
                + " action=" + actionIndex + "/" + actionValue + " proposed=" + proposedShares + " child=" + childId
                + " qty=" + childQuantity + " @" + childLimitPrice + " ref=" + referencePrice + " " + verdict + " " + tactic.spec()
                + (fallback ? " fallback" : "") + "}";
    }
}
