package io.slicer.engine.order;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.market.SliceVolatilityEstimator;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.ScopeState;

/**
 * A parent order as the engine keeps it: its {@link OrderTerms}, the OMS's amendments to them, its lifecycle
 * ({@link OrderStatus}), its kill-switch state ({@link ScopeState}, written by the kill switch alone), its children
 * and its exact share accounting. Four parts are classes of their own: the {@link SliceClock}, the
 * {@link TwapYardstick} it is held against, the {@link DuplicateChildGuard} and the {@link ProgressPublisher} that
 * other threads read. A pooled slot, reused for a new order by {@link #open}.
 *
 * <p>Share accounting, kept exact under partial fills, rejects, cancels, late fills and duplicate reports:
 * <pre>
 *   quantity = filled + inFlight + remaining,   filled, inFlight, remaining >= 0
 *   inFlight = sum of outstanding() over the order's unresolved children
 * </pre>
 * Every change to a child goes through this class so {@code inFlight} moves by exactly the change of that child's
 * outstanding quantity.
 *
 * <p>Lifecycle: {@link #open} makes it OPEN; {@link #finish} moves an open order to one terminal status, once.
 *
 * <p>Allocation-free after construction. Engine thread, except {@link #progress()} (any thread reads it).
 */
public final class ParentOrder {
    private final DecisionContext context = new DecisionContext();
    private final SliceVolatilityEstimator volatility;
    private final SliceClock clock = new SliceClock();
    private final TwapYardstick yardstick = new TwapYardstick();
    private final DuplicateChildGuard duplicates = new DuplicateChildGuard();
    private final ProgressPublisher progress = new ProgressPublisher();
    private final ScopeState killSwitchState = new ScopeState();
    private final ChildOrder[] live;
    private final int slot;
    private int liveCount;

    private long orderId;
    private int symbol;
    private int strategyIndex;
    private ChildTactic tactic = ChildTactic.CROSS;
    /** The strategy's base tactic: every child's when {@link #chooser} is null, else the child's without a choice. */
    private ChildTactic baseTactic = ChildTactic.CROSS;
    /** Picks each slice's child's tactic ({@code SPEC/learned:DIR}); null for a fixed tactic. The core's, per strategy. */
    private TacticChooser chooser;
    private long sliceTarget;
    private boolean tacticDecision;
    private boolean tacticCross;
    private OrderTerms terms;
    // Copies of the terms the decision path reads on every event: a field of this object, not a load through terms.
    private Side side = Side.BUY;
    private long quantity;
    private int slices;
    private double arrivalPrice = Double.NaN;
    private OrderStatus status = OrderStatus.REJECTED;

    // The OMS's amendments.
    private double limitPrice = Double.NaN;
    /** {@link #limitPrice} on the instrument's tick, rounded towards the mid; kept with it, not recomputed per child. */
    private double limitOnTick = Double.NaN;
    private double urgency = Double.NaN;
    private double expectedVolume;
    /** Slice from which {@link #expectedVolume} applies; slices before it keep {@link #earlierExpectedVolume}. */
    private int expectedVolumeSlice;
    private double earlierExpectedVolume;
    /** The OMS's expected market volume from {@link #expectedRemainingSlice} to the end, NaN when unknown. */
    private double expectedRemainingVolume = Double.NaN;
    private int expectedRemainingSlice;
    /** Amends of quantity or horizon the OMS sent (applied or refused), and why the last one was refused. */
    private int termsAmends;
    private AmendRefusal lastAmendRefusal;

    // Accounting.
    private long filled;
    private long inFlight;
    private long overfilled;
    /** Children the venue rejected since the last acknowledgement or fill of any of this order's children. */
    private int consecutiveRejects;
    private double filledNotional;
    private double shortfallCost;

    /**
     * Slot {@code slot} of an order book whose orders keep at most {@code maxLiveChildren} unresolved children and
     * estimate volatility with decay {@code volatilityDecay} ({@link SliceVolatilityEstimator}).
     */
    public ParentOrder(final int slot, final int maxLiveChildren, final double volatilityDecay) {
        this.slot = slot;
        this.live = new ChildOrder[maxLiveChildren];
        this.volatility = new SliceVolatilityEstimator(volatilityDecay);
    }

    /**
     * Starts a new order in this slot on symbol {@code symbol} with these terms (their expected volume per slice is
     * the OMS's flat estimate), run by the registered strategy {@code strategyIndex}. {@code slice} is the slice the
     * volume expectations were given in (0 for an order that has not started). The strategy's {@code begin} is the
     * caller's job.
     */
    public void open(final long id, final int sym, final OrderTerms orderTerms, final int strategy,
                     final double expectedRemaining, final int slice) {
        this.orderId = id;
        this.symbol = sym;
        this.terms = orderTerms;
        this.side = orderTerms.side();
        this.quantity = orderTerms.quantity();
        this.slices = orderTerms.slices();
        this.arrivalPrice = orderTerms.arrivalPrice();
        this.strategyIndex = strategy;
        this.tactic = ChildTactic.CROSS;
        this.baseTactic = ChildTactic.CROSS;
        this.chooser = null;
        this.sliceTarget = 0;
        this.tacticDecision = false;
        this.tacticCross = false;
        this.status = OrderStatus.OPEN;
        this.killSwitchState.reset();
        limit(orderTerms.limitPrice());
        this.urgency = orderTerms.urgency();
        this.expectedVolume = orderTerms.expectedVolume(0);
        this.earlierExpectedVolume = expectedVolume;
        this.expectedVolumeSlice = slice;
        this.expectedRemainingVolume = expectedRemaining;
        this.expectedRemainingSlice = slice;
        this.termsAmends = 0;
        this.lastAmendRefusal = null;
        this.filled = 0;
        this.inFlight = 0;
        this.overfilled = 0;
        this.consecutiveRejects = 0;
        this.filledNotional = 0;
        this.shortfallCost = 0;
        this.clock.start(orderTerms.startTime(), orderTerms.endTime(), orderTerms.slices());
        this.yardstick.start(orderTerms.side(), orderTerms.quantity(), orderTerms.slices(), orderTerms.arrivalPrice());
        this.duplicates.reset();
        this.volatility.start(orderTerms.sigmaPerSlice());
        for (int i = 0; i < liveCount; i++) {
            live[i] = null;
        }
        this.liveCount = 0;
    }

    // ---- child tactic ----

    /**
     * How this order's children work the book, set once at entry: its strategy's {@code /TACTIC}, or with a
     * {@code chooser} ({@code SPEC/learned:DIR}) the tactic picked for each slice's child ({@link #childTactic}).
     */
    public void tactic(final ChildTactic childTactic, final TacticChooser tacticChooser) {
        this.baseTactic = childTactic;
        this.tactic = childTactic;
        this.chooser = tacticChooser;
    }

    /** The tactic the current slice's child works (the order's fixed one, or the one chosen for the child). */
    public ChildTactic tactic() {
        return tactic;
    }

    /** The order's learned tactic chooser; null when its tactic is fixed. */
    public TacticChooser chooser() {
        return chooser;
    }

    /**
     * A slice boundary's decision picked {@code chosen} for its child (null: no child, the base tactic stands): what
     * the slice's child works until the next boundary, peg repricing and the deadline's cross included.
     */
    public void childTactic(final ChildTactic chosen) {
        this.tactic = chosen == null ? baseTactic : chosen;
    }

    /** The slice's child was sent at its boundary for {@code units}: what the tactic works until the deadline. */
    public void sliceTarget(final long units) {
        this.sliceTarget = units;
    }

    /** What the slice's child has yet to fill: its target less the fills since the boundary, within what remains. */
    public long sliceShortfall() {
        return Math.max(0, Math.min(remaining(), sliceTarget - (filled - clock.filledAtBoundary())));
    }

    /**
     * The next decision between boundaries is the tactic's: a passive child sent again after a peg's cancel, or
     * ({@code cross}) the marketable child for what the passive one left at the deadline. Either works
     * {@link #sliceShortfall()}; cleared when the decision is done.
     */
    public void tacticDecision(final boolean decision, final boolean cross) {
        this.tacticDecision = decision;
        this.tacticCross = cross;
    }

    /** The decision under way is the tactic's (see {@link #tacticDecision}). */
    public boolean tacticDecision() {
        return tacticDecision;
    }

    /** The decision under way rests its child in the book: a boundary's or a peg's, never the deadline's cross. */
    public boolean restsChild(final boolean boundary) {
        return tactic.passive() && (boundary || (tacticDecision && !tacticCross));
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
        consecutiveRejects = 0;
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
        consecutiveRejects = 0;
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
            consecutiveRejects++;
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

    /** Units neither filled nor in flight: what the strategy may still place. */
    public long remaining() {
        return quantity - filled - inFlight;
    }

    // ---- lifecycle ----

    /** The order's one lifecycle transition: OPEN to a terminal status. An order finishes once. */
    public void finish(final OrderStatus terminal) {
        if (status != OrderStatus.OPEN || terminal == OrderStatus.OPEN) {
            throw new IllegalStateException("order " + orderId + " is " + status + ", cannot become " + terminal);
        }
        this.status = terminal;
    }

    /**
     * NaN leaves a field unchanged. {@code expected} is per slice, from {@code slice} (the current slice) on:
     * slices before it keep the expectation they had, so an amend that lands at a boundary before the timer prices
     * the closing slice with its own expectation. {@code expectedRemaining} is the market volume expected from
     * {@code slice} to the end.
     *
     * <p>Only the latest expectation and the one it replaced are kept: the design is one amend per slice, answered by
     * a decision. When timers are skipped and several amends arrive between two decisions, the slices in between are
     * all priced (by the kill switch's TWAP yardstick) with the expectation in force before the latest amend, and a
     * remaining total is aged by the latest per-slice expectation. Neither touches replay, which sees the same inputs.
     */
    public void amend(final double limit, final double urgencyMultiplier, final double expected,
                      final double expectedRemaining, final int slice) {
        clock.termsChanged();
        if (!Double.isNaN(expectedRemaining)) {
            this.expectedRemainingVolume = expectedRemaining;
            this.expectedRemainingSlice = slice;
        }
        if (!Double.isNaN(expected) && slice > expectedVolumeSlice) {
            this.earlierExpectedVolume = this.expectedVolume;
            this.expectedVolumeSlice = slice;
        }
        if (!Double.isNaN(limit)) {
            limit(limit);
        }
        if (!Double.isNaN(urgencyMultiplier)) {
            this.urgency = urgencyMultiplier;
        }
        if (!Double.isNaN(expected)) {
            this.expectedVolume = expected;
        }
    }

    /**
     * Why an amend of this order's quantity to {@code newQuantity} and end to {@code newEnd} at time {@code now}
     * cannot be applied, or null when it can: a quantity only goes down and never below what is filled plus working;
     * an end must be after {@code now} and after the start.
     */
    public AmendRefusal checkTermsAmend(final long newQuantity, final long newEnd, final long now) {
        if (newQuantity > quantity) {
            return AmendRefusal.QUANTITY_UP;
        }
        if (newQuantity < filled + inFlight) {
            return AmendRefusal.QUANTITY_BELOW_DONE;
        }
        if (newEnd != terms.endTime() && (newEnd <= now || newEnd <= terms.startTime())) {
            return AmendRefusal.END_NOT_AHEAD;
        }
        return null;
    }

    /** Records a refused amend of quantity or horizon; nothing else changes. */
    public void termsAmendRefused(final AmendRefusal why) {
        this.termsAmends++;
        this.lastAmendRefusal = why;
    }

    /**
     * Applies amended terms ({@link #checkTermsAmend} passed) at time {@code now}: the quantity the accounting and
     * the kill switch measure against, the slice clock (a moved end re-cuts the slices not yet finished,
     * {@link SliceClock#moveEnd}), and the TWAP yardstick's slices still to price. Fills, children, the slices
     * already decided and the yardstick's priced slices stay. The caller re-makes the strategy from {@code amended}.
     */
    public void amendTerms(final OrderTerms amended, final long now) {
        clock.termsChanged();
        final long previousEnd = terms.endTime();
        this.terms = amended;
        this.quantity = amended.quantity();
        if (amended.endTime() != previousEnd) {
            clock.moveEnd(now, amended.endTime());
        }
        yardstick.amendQuantity(amended.quantity(), slices);
        context.amendQuantity(amended.quantity());
        this.termsAmends++;
        this.lastAmendRefusal = null;
    }

    private void limit(final double limit) {
        this.limitPrice = limit;
        this.limitOnTick = Double.isNaN(limit) ? Double.NaN
                : side == Side.BUY ? terms.instrument().roundDown(limit) : terms.instrument().roundUp(limit);
    }

    // ---- running IS ----

    /** Running IS of what has filled, bps of its arrival value; 0 before any fill. */
    public double shortfallBps() {
        return shortfallBps(shortfallCost, filled, arrivalPrice);
    }

    /**
     * A shortfall {@code cost} (signed: positive is cost, in price x units) over {@code units} in bps of their
     * arrival value; 0 before any unit. The order's IS, the TWAP yardstick's and the progress a monitor reads all use
     * this one formula.
     */
    public static double shortfallBps(final double cost, final long units, final double arrivalPrice) {
        return units > 0 ? cost / (units * arrivalPrice) * 1e4 : 0.0;
    }

    /** Running shortfall of the fills against the arrival price, in price x units. */
    double shortfallCost() {
        return shortfallCost;
    }

    // ---- getters ----

    public DecisionContext context() { return context; }
    public SliceClock sliceClock() { return clock; }
    public TwapYardstick yardstick() { return yardstick; }
    public DuplicateChildGuard duplicateGuard() { return duplicates; }
    /** Progress for readers on any thread. */
    public ProgressPublisher progress() { return progress; }
    /** The order's kill-switch state (the kill switch writes it, everyone reads). */
    public ScopeState killSwitchState() { return killSwitchState; }
    /** Index of this slot in its order book. */
    public int slot() { return slot; }
    public long orderId() { return orderId; }
    public int symbol() { return symbol; }
    public Instrument instrument() { return terms.instrument(); }
    public Side side() { return side; }
    public long quantity() { return quantity; }
    public long endTime() { return terms.endTime(); }
    public long startTime() { return terms.startTime(); }
    /** The terms the order's strategy was made from (the amended ones after an amend of quantity or horizon). */
    public OrderTerms terms() { return terms; }
    /** Amends of quantity or horizon the OMS sent, applied or refused. */
    public int termsAmends() { return termsAmends; }
    /** Why the latest amend of quantity or horizon was refused; null when it was applied or there was none. */
    public AmendRefusal lastAmendRefusal() { return lastAmendRefusal; }
    public int slices() { return slices; }
    public int strategyIndex() { return strategyIndex; }
    public double limitPrice() { return limitPrice; }
    /**
     * The limit every child must respect, on tick: a buy's limit rounded down, a sell's rounded up (so a child priced
     * at it stays within the parent's limit); NaN when the order has none.
     */
    public double limitOnTick() { return limitOnTick; }
    public double wouldPrice() { return terms.wouldPrice(); }
    /** Multiplier on the strategy's slice size; 1 when the OMS gave none. */
    public double urgency() { return Double.isNaN(urgency) ? 1.0 : urgency; }
    public double expectedVolume() { return expectedVolume; }

    /** Expected market volume per slice of the slices before {@code slice} that the latest expectation followed. */
    public double expectedVolumeBefore(final int slice) {
        return slice > expectedVolumeSlice ? expectedVolume : earlierExpectedVolume;
    }

    /** The OMS's latest expected market volume to the order's end, NaN when it gave none. */
    public double expectedRemainingVolume() { return expectedRemainingVolume; }

    /** The slice {@link #expectedRemainingVolume()} was given for (counted from). */
    public int expectedRemainingSlice() { return expectedRemainingSlice; }
    /** The mid when the order arrived; NaN when there was none. */
    public double arrivalPrice() { return arrivalPrice; }
    public OrderStatus status() { return status; }
    public boolean isOpen() { return status == OrderStatus.OPEN; }
    public boolean paused() { return killSwitchState.paused(); }
    /** True when a policy fault handed the order to the TWAP fallback. */
    public boolean fallback() { return killSwitchState.twapFallback(); }
    /** Why the order was halted (or fell back to TWAP); null if never. */
    public HaltReason haltReason() { return killSwitchState.reason(); }
    public long filled() { return filled; }
    public long inFlight() { return inFlight; }
    public long overfilled() { return overfilled; }
    /** Children the venue rejected in a row (reset by any acknowledgement or fill of the order's children). */
    public int consecutiveRejects() { return consecutiveRejects; }
    public double filledNotional() { return filledNotional; }
    /** The volatility estimate the order's decisions see, sampled by the engine at slice boundaries. */
    public SliceVolatilityEstimator volatility() { return volatility; }
}
