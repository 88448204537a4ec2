package io.slicer.engine.order;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.market.Side;
import io.slicer.engine.market.SliceVolatilityEstimator;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.strategy.SliceStrategy;

import java.lang.invoke.VarHandle;

/**
 * A parent order as the engine keeps it: the OMS's instructions, the strategy deciding its slices, its children and
 * its exact share accounting. A pooled slot, reused for a new order by {@link #open}.
 *
 * <p>Share accounting, kept exact under partial fills, rejects, cancels, late fills and duplicate reports:
 * <pre>
 *   quantity = filled + inFlight + remaining,   filled, inFlight, remaining >= 0
 *   inFlight = sum of outstanding() over the order's unresolved children
 * </pre>
 * Every change to a child goes through this class so {@code inFlight} moves by exactly the change of that child's
 * outstanding quantity.
 *
 * <p>Progress ({@link #readProgress}) is published with a sequence lock so any thread can read a consistent snapshot
 * while the engine runs. Everything else is touched by the engine thread only.
 *
 * <p>Allocation-free after construction.
 */
public final class ParentOrder {
    private final DecisionContext context = new DecisionContext();
    private final SliceVolatilityEstimator volatility;
    private final ChildOrder[] live;
    private int liveCount;

    // Instructions.
    private long orderId;
    private int symbol;
    private Side side = Side.BUY;
    private long quantity;
    private long startTime;
    private long endTime;
    private int slices;
    private int strategyIndex;
    private SliceStrategy strategy;
    private double limitPrice = Double.NaN;
    private double wouldPrice = Double.NaN;
    private double urgency = Double.NaN;
    private double referenceVolatility;
    private double expectedVolume;
    /** Slice from which {@link #expectedVolume} applies; slices before it keep {@link #earlierExpectedVolume}. */
    private int expectedVolumeSlice;
    private double earlierExpectedVolume;
    /** The OMS's expected market volume from {@link #expectedRemainingSlice} to the end, NaN when unknown. */
    private double expectedRemainingVolume = Double.NaN;
    private int expectedRemainingSlice;
    private double arrivalPrice = Double.NaN;

    // Lifecycle and kill switch.
    private OrderStatus status = OrderStatus.REJECTED;
    private boolean paused;
    private boolean fallback;
    private HaltReason haltReason;

    // Accounting.
    private long filled;
    private long inFlight;
    private long overfilled;
    private double filledNotional;
    private double shortfallCost;

    // Slice clock and the market at the last boundary.
    private int lastDecidedPeriod;
    private long lastDecisionTime;
    private double volumeAtBoundary;
    private double volumeAtStart;
    private long filledAtBoundary;
    private double midAtBoundary;
    private double halfSpreadAtBoundary;

    // TWAP benchmark on the same market path (see SlicerCore for its definition).
    private long twapShares;
    private double twapCost;
    private double twapExecutionCost;
    private int twapSlicesCounted;
    // Schedule deviation from TWAP: sums over passed boundaries j of F_j^2, F_j U_j and U_j^2, where F_j is what the
    // order had filled and U_j what exact TWAP had traded before boundary j.
    private double deviationFF;
    private double deviationFU;
    private double deviationUU;

    // Duplicate-child detection.
    private long lastChildQuantity;
    private double lastChildPrice = Double.NaN;
    private long lastChildTime = Long.MIN_VALUE;

    // Progress, published with a sequence lock.
    private volatile long progressVersion;
    private volatile long publishedOrderId;
    private OrderStatus pStatus = OrderStatus.REJECTED;
    private boolean pPaused;
    private HaltReason pHaltReason;
    private boolean pFallback;
    private long pQuantity;
    private long pFilled;
    private long pInFlight;
    private int pPeriod;
    private double pShortfallBps;
    private double pTwapBps;
    private double pParticipation;
    private double pAveragePrice;

    /** {@code volatilityDecay}: the decay of the order's {@link SliceVolatilityEstimator}. */
    public ParentOrder(final int maxLiveChildren, final double volatilityDecay) {
        this.live = new ChildOrder[maxLiveChildren];
        this.volatility = new SliceVolatilityEstimator(volatilityDecay);
    }

    /**
     * Starts a new order in this slot. The strategy's {@code begin} is the caller's job. {@code slice} is the slice
     * the volume expectations were given in (0 for an order that has not started).
     */
    public void open(final long orderId, final int symbol, final Side side, final long quantity,
                     final long startTime, final long endTime, final int slices, final int strategyIndex,
                     final SliceStrategy strategy, final double limitPrice, final double wouldPrice,
                     final double urgency, final double referenceVolatility, final double expectedVolume,
                     final double expectedRemainingVolume, final int slice) {
        this.orderId = orderId;
        this.symbol = symbol;
        this.side = side;
        this.quantity = quantity;
        this.startTime = startTime;
        this.endTime = endTime;
        this.slices = slices;
        this.strategyIndex = strategyIndex;
        this.strategy = strategy;
        this.limitPrice = limitPrice;
        this.wouldPrice = wouldPrice;
        this.urgency = urgency;
        this.referenceVolatility = referenceVolatility;
        this.expectedVolume = expectedVolume;
        this.earlierExpectedVolume = expectedVolume;
        this.expectedVolumeSlice = slice;
        this.expectedRemainingVolume = expectedRemainingVolume;
        this.expectedRemainingSlice = slice;
        this.arrivalPrice = Double.NaN;
        this.status = OrderStatus.OPEN;
        this.paused = false;
        this.fallback = false;
        this.haltReason = null;
        this.filled = 0;
        this.inFlight = 0;
        this.overfilled = 0;
        this.filledNotional = 0;
        this.shortfallCost = 0;
        this.lastDecidedPeriod = -1;
        this.lastDecisionTime = Long.MIN_VALUE;
        this.volumeAtBoundary = 0;
        this.volumeAtStart = Double.NaN;
        this.filledAtBoundary = 0;
        this.midAtBoundary = Double.NaN;
        this.halfSpreadAtBoundary = Double.NaN;
        this.volatility.start(referenceVolatility);
        this.twapShares = 0;
        this.twapCost = 0;
        this.twapExecutionCost = 0;
        this.twapSlicesCounted = 0;
        this.deviationFF = 0;
        this.deviationFU = 0;
        this.deviationUU = 0;
        this.lastChildQuantity = 0;
        this.lastChildPrice = Double.NaN;
        this.lastChildTime = Long.MIN_VALUE;
        for (int i = 0; i < liveCount; i++) {
            live[i] = null;
        }
        this.liveCount = 0;
    }

    // ---- children and accounting ----

    /** Room for one more unresolved child? */
    public boolean hasChildCapacity() {
        return liveCount < live.length;
    }

    public void addChild(final ChildOrder child) {
        live[liveCount++] = child;
        inFlight += child.outstanding();
    }

    /** Applies {@code shares} (at most the child's outstanding quantity) at {@code price}. */
    public void applyFill(final ChildOrder child, final long shares, final double price) {
        final long before = child.outstanding();
        if (shares > before) {
            throw new IllegalStateException("fill of " + shares + " exceeds child " + child.childId()
                    + " outstanding " + before);
        }
        child.addFill(shares);
        inFlight += child.outstanding() - before;
        filled += shares;
        filledNotional += shares * price;
        shortfallCost += side.sign() * shares * (price - arrivalPrice);
    }

    /** Records a fill's exec id on its child; false when the child already saw it (a duplicate report). */
    public boolean recordExecOf(final ChildOrder child, final long execId) {
        return child.recordExec(execId);
    }

    public void childAcknowledged(final ChildOrder child) {
        if (child.status() == ChildStatus.PENDING_NEW) {
            child.status(ChildStatus.WORKING);
        }
    }

    public void childCancelRequested(final ChildOrder child) {
        child.status(ChildStatus.PENDING_CANCEL);
    }

    public void childRejected(final ChildOrder child) {
        final long before = child.outstanding();
        if (child.filled() > 0) {
            child.cancelConfirmed(child.filled());
        } else {
            child.status(ChildStatus.REJECTED);
        }
        inFlight += child.outstanding() - before;
    }

    /** Cancel confirmed with the venue's cumulative filled quantity (already clamped to the child's quantity). */
    public void childCancelConfirmed(final ChildOrder child, final long cumQuantity) {
        final long before = child.outstanding();
        child.cancelConfirmed(Math.max(cumQuantity, child.filled()));
        inFlight += child.outstanding() - before;
    }

    /** Removes a resolved child from the live list, keeping the others in send order. */
    public void removeChild(final ChildOrder child) {
        for (int i = 0; i < liveCount; i++) {
            if (live[i] == child) {
                System.arraycopy(live, i + 1, live, i, liveCount - i - 1);
                live[--liveCount] = null;
                return;
            }
        }
    }

    public void recordOverfill(final long shares) {
        overfilled += shares;
    }

    public int liveChildCount() {
        return liveCount;
    }

    public ChildOrder liveChild(final int i) {
        return live[i];
    }

    /** Shares neither filled nor in flight: what the strategy may still place. */
    public long remaining() {
        return quantity - filled - inFlight;
    }

    // ---- lifecycle ----

    public void status(final OrderStatus status) {
        this.status = status;
    }

    public void halt(final HaltReason reason) {
        this.status = OrderStatus.HALTED;
        this.haltReason = reason;
    }

    /** A policy halt with the TWAP fallback: the order stays open and finishes on an exact TWAP of what remains. */
    public void fallBackToTwap(final HaltReason reason) {
        this.fallback = true;
        this.haltReason = reason;
    }

    public void paused(final boolean paused) {
        this.paused = paused;
    }

    /**
     * NaN leaves a field unchanged. {@code expectedVolume} is per slice, from {@code slice} (the current slice) on:
     * slices before it keep the expectation they had, so an amend that lands at a boundary before the timer prices
     * the closing slice with its own expectation. {@code expectedRemainingVolume} is the market volume expected from
     * {@code slice} to the end.
     *
     * <p>Only the latest expectation and the one it replaced are kept: the design is one amend per slice, answered by
     * a decision. When timers are skipped and several amends arrive between two decisions, the slices in between are
     * all priced (by the kill switch's TWAP yardstick) with the expectation in force before the latest amend, and a
     * remaining total is aged by the latest per-slice expectation. Neither touches replay, which sees the same inputs.
     */
    public void amend(final double limitPrice, final double urgency, final double expectedVolume,
                      final double expectedRemainingVolume, final int slice) {
        if (!Double.isNaN(expectedRemainingVolume)) {
            this.expectedRemainingVolume = expectedRemainingVolume;
            this.expectedRemainingSlice = slice;
        }
        if (!Double.isNaN(expectedVolume) && slice > expectedVolumeSlice) {
            this.earlierExpectedVolume = this.expectedVolume;
            this.expectedVolumeSlice = slice;
        }
        if (!Double.isNaN(limitPrice)) {
            this.limitPrice = limitPrice;
        }
        if (!Double.isNaN(urgency)) {
            this.urgency = urgency;
        }
        if (!Double.isNaN(expectedVolume)) {
            this.expectedVolume = expectedVolume;
        }
    }

    public void arrivalPrice(final double arrivalPrice) {
        this.arrivalPrice = arrivalPrice;
    }

    // ---- slice clock ----

    /** Slice index of event time {@code t} (may be negative before the start or >= slices after the end). */
    public int periodAt(final long t) {
        if (t < startTime) {
            return -1;
        }
        if (t >= endTime) {
            return slices;
        }
        return (int) ((t - startTime) * slices / (endTime - startTime));
    }

    public void boundary(final int period, final long time, final double cumulativeVolume, final double mid,
                         final double halfSpread) {
        this.lastDecidedPeriod = period;
        this.lastDecisionTime = time;
        this.volumeAtBoundary = cumulativeVolume;
        this.filledAtBoundary = filled;
        this.midAtBoundary = mid;
        this.halfSpreadAtBoundary = halfSpread;
    }

    public void sweepDecided(final long time) {
        this.lastDecisionTime = time;
    }

    public void volumeAtStart(final double v) {
        this.volumeAtStart = v;
    }

    // ---- TWAP benchmark ----

    /**
     * Adds one exact-TWAP slice to the benchmark: executed at {@code price}, of which {@code executionCost} per share
     * (half-spread, temporary and TWAP's own permanent impact) is the cost of trading rather than the market's move.
     */
    public void addTwapSlice(final long shares, final double price, final double executionCost) {
        twapShares += shares;
        twapCost += side.sign() * shares * (price - arrivalPrice);
        twapExecutionCost += shares * executionCost;
        twapSlicesCounted++;
    }

    /** Exact TWAP: Q / N shares per slice, the remainder spread one share each over the first slices. */
    public long twapSliceShares(final int slice) {
        final long base = quantity / slices;
        final long rem = quantity % slices;
        return base + (slice < rem ? 1 : 0);
    }

    /** Shares exact TWAP trades in slices {@code 0..slice-1}. */
    public long twapSharesBefore(final int slice) {
        final long base = quantity / slices;
        final long rem = quantity % slices;
        return base * slice + Math.min(slice, rem);
    }

    /** Records boundary {@code j} for the schedule deviation: the order had filled {@code filledBefore}. */
    public void addDeviationBoundary(final int j, final long filledBefore) {
        final double f = filledBefore;
        final double u = twapSharesBefore(j);
        deviationFF += f * f;
        deviationFU += f * u;
        deviationUU += u * u;
    }

    /**
     * Sum over the passed boundaries j of (F_j / F - U_j / U)^2, with F the shares filled now and U the benchmark's
     * shares so far: the squared gap between the order's cumulative schedule and TWAP's, each as a fraction of its
     * own total. 0 for an order that trades exactly like TWAP.
     */
    public double scheduleDeviation() {
        final double f = filled;
        final double u = twapShares;
        if (f <= 0 || u <= 0) {
            return 0.0;
        }
        return Math.max(0.0, deviationFF / (f * f) - 2 * deviationFU / (f * u) + deviationUU / (u * u));
    }

    /** Running IS of what has filled, bps of its arrival value; 0 before any fill. */
    public double shortfallBps() {
        return filled > 0 ? shortfallCost / (filled * arrivalPrice) * 1e4 : 0.0;
    }

    /** Running IS of the TWAP benchmark's slices so far, bps of their arrival value; 0 before its first slice. */
    public double twapShortfallBps() {
        return twapShares > 0 ? twapCost / (twapShares * arrivalPrice) * 1e4 : 0.0;
    }

    /** The benchmark's cost of trading (its IS without the market's own move), bps of its arrival value. */
    public double twapExecutionCostBps() {
        return twapShares > 0 ? twapExecutionCost / (twapShares * arrivalPrice) * 1e4 : 0.0;
    }

    // ---- duplicate child detection ----

    public boolean isDuplicateChild(final long qty, final double price, final long time, final long window) {
        return qty == lastChildQuantity && price == lastChildPrice && lastChildTime != Long.MIN_VALUE
                && time - lastChildTime < window;
    }

    public void childSent(final long qty, final double price, final long time) {
        lastChildQuantity = qty;
        lastChildPrice = price;
        lastChildTime = time;
    }

    // ---- progress (sequence lock) ----

    /** Engine thread: publishes the current progress for readers on other threads. */
    public void publishProgress(final double cumulativeMarketVolume) {
        final long v = progressVersion;
        progressVersion = v + 1;
        VarHandle.storeStoreFence();
        pStatus = status;
        pPaused = paused;
        pHaltReason = haltReason;
        pFallback = fallback;
        pQuantity = quantity;
        pFilled = filled;
        pInFlight = inFlight;
        pPeriod = lastDecidedPeriod;
        pShortfallBps = shortfallBps();
        pTwapBps = twapShortfallBps();
        final double marketVolume = Double.isNaN(volumeAtStart) ? 0 : cumulativeMarketVolume - volumeAtStart;
        pParticipation = marketVolume > 0 ? filled / marketVolume : 0.0;
        pAveragePrice = filled > 0 ? filledNotional / filled : Double.NaN;
        publishedOrderId = orderId;
        progressVersion = v + 2;
    }

    /** Any thread: copies a consistent snapshot into {@code out}; false if this slot holds another order. */
    public boolean readProgress(final long id, final OrderProgress out) {
        while (true) {
            final long v1 = progressVersion;
            if ((v1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            final long idSeen = publishedOrderId;
            out.set(idSeen, pStatus, pPaused, pHaltReason, pFallback, pQuantity, pFilled, pInFlight, pPeriod,
                    pShortfallBps, pTwapBps, pParticipation, pAveragePrice);
            VarHandle.loadLoadFence();
            if (progressVersion == v1) {
                return idSeen == id && v1 != 0;
            }
        }
    }

    // ---- getters ----

    public DecisionContext context() { return context; }
    public long orderId() { return orderId; }
    public int symbol() { return symbol; }
    public Side side() { return side; }
    public long quantity() { return quantity; }
    public long startTime() { return startTime; }
    public long endTime() { return endTime; }
    public int slices() { return slices; }
    public int strategyIndex() { return strategyIndex; }
    public SliceStrategy strategy() { return strategy; }
    public double limitPrice() { return limitPrice; }
    public double wouldPrice() { return wouldPrice; }
    /** Multiplier on the strategy's slice size; 1 when the OMS gave none. */
    public double urgency() { return Double.isNaN(urgency) ? 1.0 : urgency; }
    public double referenceVolatility() { return referenceVolatility; }
    public double expectedVolume() { return expectedVolume; }

    /** Expected market volume per slice of the slices before {@code slice} that the latest expectation followed. */
    public double expectedVolumeBefore(final int slice) {
        return slice > expectedVolumeSlice ? expectedVolume : earlierExpectedVolume;
    }

    /** The OMS's latest expected market volume to the order's end, NaN when it gave none. */
    public double expectedRemainingVolume() { return expectedRemainingVolume; }

    /** The slice {@link #expectedRemainingVolume()} was given for (counted from). */
    public int expectedRemainingSlice() { return expectedRemainingSlice; }
    public double arrivalPrice() { return arrivalPrice; }
    public OrderStatus status() { return status; }
    public boolean isOpen() { return status == OrderStatus.OPEN; }
    public boolean paused() { return paused; }
    public boolean fallback() { return fallback; }
    /** Why the order was halted (or fell back to TWAP); null if never. */
    public HaltReason haltReason() { return haltReason; }
    public long filled() { return filled; }
    public long inFlight() { return inFlight; }
    public long overfilled() { return overfilled; }
    public double filledNotional() { return filledNotional; }
    public int lastDecidedPeriod() { return lastDecidedPeriod; }
    public long lastDecisionTime() { return lastDecisionTime; }
    public double volumeAtBoundary() { return volumeAtBoundary; }
    public long filledAtBoundary() { return filledAtBoundary; }
    public double midAtBoundary() { return midAtBoundary; }
    public double halfSpreadAtBoundary() { return halfSpreadAtBoundary; }
    /** The volatility estimate the order's decisions see, sampled by the engine at slice boundaries. */
    public SliceVolatilityEstimator volatility() { return volatility; }
    public long twapShares() { return twapShares; }
    public int twapSlicesCounted() { return twapSlicesCounted; }
}
