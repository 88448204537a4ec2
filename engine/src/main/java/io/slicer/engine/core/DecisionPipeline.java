package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ChildOrder;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.TacticFeatures;
import io.slicer.engine.order.TradeFlow;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.risk.RiskVerdict;

/**
 * One slice decision, as a short sequence of named stages:
 * <pre>
 *   what the order sees     DecisionContext from the order and its symbol's market, ExecutionFeatures.build
 *   policy call             PolicyCall: kill-switch screening, the strategy, its faults   (paused: nothing)
 *   child sizing            ChildSizing: quantity in lots within the caps, limit price on tick
 *   pre-trade checks        PreTradeChecks: reference price, capacity, size, collar, notional, duplicate, throttle
 *   outbox                  Outbox: the child (if accepted), then the decision record, then the progress
 *   shadow                  ShadowCall: the shadow strategy on the same context, journaled, sends nothing
 * </pre>
 * Every decision is journaled, whatever stage ended it, with the verdict that ended it.
 *
 * <p>What a strategy is told about participation: the limit is {@code policyParticipationLimit} (soft: only the
 * hard {@code participationCap} clamps children, in the sizing); the market volume expected from the current slice
 * to the end is {@link ExpectedVolume#remaining}, the OMS's own number when it sent one. The volatility estimate is
 * the order's {@link io.slicer.engine.market.SliceVolatilityEstimator}, fed the mid at every priced boundary; the
 * simulators run the same estimator, so a policy sees the estimate it was trained on.
 *
 * <p>Allocation-free after construction (the strategy's own decide aside). Engine thread.
 */
final class DecisionPipeline {
    private final DecisionRecord record = new DecisionRecord();
    private final PolicyCall policy;
    private final ChildSizing sizing;
    private final PreTradeChecks checks;
    private final Outbox outbox;
    private final EngineClock clock;
    private final KillSwitch killSwitch;
    private final ChildBook children;
    private final OrderLifecycle lifecycle;
    private final ShadowCall shadow;
    private long decisions;
    private long childrenSent;

    DecisionPipeline(final CoreContext ctx) {
        this.policy = new PolicyCall(ctx);
        this.sizing = new ChildSizing(ctx.config);
        this.checks = new PreTradeChecks(ctx.config, ctx.children, ctx.throttle);
        this.outbox = ctx.outbox;
        this.clock = ctx.outbox.clock();
        this.killSwitch = ctx.killSwitch;
        this.children = ctx.children;
        this.lifecycle = ctx.lifecycle;
        this.shadow = ctx.shadow;
    }

    /**
     * Decides slice {@code slice} of order {@code o} ({@code boundary}: its first decision in the slice);
     * {@code lastVolume} is the market volume printed since the last boundary.
     */
    void decide(final ParentOrder o, final SymbolState sym, final int slice, final boolean boundary,
                final double lastVolume) {
        final boolean priced = sym.hasReferencePrice();
        final double mid = sym.mid();
        see(o, sym, slice, priced, mid);
        decideLive(o, sym, slice, boundary, lastVolume, priced, mid);
        // The shadow decides after the live decision is journaled, from the same context, at slice boundaries only
        // (between them the live order sweeps what remains, which is no policy's decision).
        if (boundary && priced) {
            shadow.decide(o, slice, mid, sym.halfSpread());
        }
    }

    /** The live decision's stages after {@link #see}: each ends in {@link #finish}. */
    private void decideLive(final ParentOrder o, final SymbolState sym, final int slice, final boolean boundary,
                            final double lastVolume, final boolean priced, final double mid) {
        if (boundary) {
            // Until a child is accepted, the new slice has nothing for its tactic to work.
            o.sliceTarget(0);
        }
        if (killSwitch.paused(o)) {
            finish(o, RiskVerdict.NOT_ACTIVE);
            return;
        }
        final long proposed = policy.propose(o, record, slice, boundary);
        if (proposed == PolicyCall.STOPPED) {
            finish(o, RiskVerdict.NOT_ACTIVE);
            return;
        }
        record.proposedShares(proposed);
        if (!priced) {
            finish(o, RiskVerdict.NO_REFERENCE_PRICE);
            return;
        }
        final long quantity = sizing.quantity(o, sym, slice, boundary, proposed, policy.participationCap(),
                lastVolume);
        if (boundary && o.chooser() != null) {
            // The learned chooser picks the tactic of the slice's child, once, when it is sent; the repricing and
            // the deadline's cross that follow work the tactic it picked, as they work a fixed one.
            o.childTactic(quantity > 0 ? chooseTactic(o, sym, slice, quantity) : null);
        }
        record.tactic(o.tactic());
        final double price = sizing.limitPrice(o, sym, o.restsChild(boundary));
        record.child(quantity, price);
        if (quantity == 0) {
            if (o.tacticDecision()) {
                // What the slice's child left is below the minimum child (or the cap has no room for it): the next
                // boundary's schedule picks it up. Left as the slice's shortfall, every timer to the boundary would
                // decide it again and journal another empty decision.
                o.sliceTarget(o.filled() - o.sliceClock().filledAtBoundary());
            } else if (!boundary) {
                // Likewise an I-would touch the cap leaves no room for: nothing changes it until a fill, an amend or
                // the next boundary, so the timer does not decide (and journal) it again.
                o.sliceClock().sizedNothing(o.filled());
            }
            finish(o, RiskVerdict.NOTHING_TO_SEND);
            return;
        }
        final long now = clock.now();
        final RiskVerdict verdict = checks.check(o, quantity, price, mid, now);
        if (verdict == RiskVerdict.ACCEPTED) {
            final ChildOrder child = children.open(o, quantity, price, now, slice);
            o.duplicateGuard().sent(quantity, price, now);
            childrenSent++;
            record.childId(child.childId());
            outbox.newChild(child);
            if (boundary) {
                o.sliceTarget(quantity);
            }
        }
        finish(o, verdict);
    }

    /**
     * The chooser's tactic for a child of {@code shares} sent now in slice {@code slice}, from the readings the
     * historical simulator gives it ({@link TacticFeatures}): the touch in whole ticks (rounded away from the mid,
     * {@link SymbolState#bidTicks}) and its displayed sizes, the fraction of the slice still ahead (1 at
     * its start), the order's unexecuted shares over its quantity, and the symbol's buyer- and seller-initiated volume
     * over the last {@link TacticFeatures#FLOW_WINDOW_NANOS}.
     */
    private ChildTactic chooseTactic(final ParentOrder o, final SymbolState sym, final int slice, final long shares) {
        final long now = clock.now();
        final long from = o.sliceClock().timeInSlice(slice, 0.0);
        final long to = o.sliceClock().timeInSlice(slice, 1.0);
        final double timeLeft = to > from ? Math.min(1.0, Math.max(0.0, (double) (to - now) / (to - from))) : 0.0;
        final double inventory = (double) (o.quantity() - o.filled()) / o.quantity();
        final TradeFlow flow = sym.flow();
        flow.window(now);
        return o.chooser().choose(o.side() == Side.BUY ? 1 : -1, sym.bidTicks(), sym.askTicks(), sym.bidSize(),
                sym.askSize(), shares, timeLeft, inventory, flow.buyVolume(), flow.sellVolume());
    }

    /** Fills the order's context from its symbol's market and starts the record with the features it yields. */
    private void see(final ParentOrder o, final SymbolState sym, final int slice, final boolean priced,
                     final double mid) {
        final DecisionContext c = o.context();
        c.slice(slice);
        c.remaining(o.remaining());
        if (priced) {
            c.market(mid, sym.spread(), o.volatility().estimate());
        }
        c.expectedSliceVolume(o.expectedVolume()).expectedRemainingVolume(ExpectedVolume.remaining(o, slice));
        c.orderFlowImbalance(sym.orderFlowImbalance());
        record.reset(clock.currentSequence(), clock.now(), o.orderId(), o.symbol(), o.side(), o.strategyIndex(),
                slice);
        ExecutionFeatures.build(c, record.features());
        record.referencePrice(priced ? mid : Double.NaN);
        decisions++;
    }

    private void finish(final ParentOrder o, final RiskVerdict verdict) {
        // Whatever stage ended the decision, the order is on the TWAP fallback exactly when the kill switch put it
        // there (before this decision or during its screening or policy call).
        record.fallback(o.fallback());
        record.verdict(verdict);
        outbox.decision(record);
        lifecycle.publish(o);
    }

    long decisions() {
        return decisions;
    }

    long childrenSent() {
        return childrenSent;
    }
}
