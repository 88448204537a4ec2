package io.slicer.engine.core;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.TwapYardstick;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.TrainingDomain;
import io.slicer.engine.strategy.InspectablePolicy;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.SliceStrategy;

/**
 * The decision's first stage: what the order's strategy proposes for the slice, after the kill switch's checks on
 * what it is about to see and on what came back.
 * <ol>
 *   <li>Before the call: the features must lie in a learned policy's training domain, and the order's running IS
 *       must not exceed its {@link TwapBenchmark}'s by more than the allowance. Either failing halts the order, or
 *       hands it to the TWAP fallback.</li>
 *   <li>The call, at a slice boundary; between boundaries (a sweep or an I-would touch) the order proposes all that
 *       remains, or, for its child tactic (a peg sent again, the deadline's cross), what the slice's child has yet
 *       to fill; an order on the TWAP fallback proposes an exact TWAP of what remains.</li>
 *   <li>After the call: a strategy that throws ({@link HaltReason#POLICY_THREW}), a NaN in a policy's raw output or
 *       action value ({@link HaltReason#POLICY_NAN}), or shares outside {@code [0, quantity]}, an action index
 *       outside the policy's action space or a participation cap outside {@code [0, 1]}
 *       ({@link HaltReason#POLICY_ACTION_OUT_OF_RANGE}) is a policy fault, and its decision is not used.</li>
 * </ol>
 *
 * <p>Allocation-free after construction (the strategy's own decide aside). Engine thread.
 */
final class PolicyCall {
    /** What {@link #propose} returns when the kill switch stopped the order. */
    static final long STOPPED = -1;

    private final SliceDecision decision = new SliceDecision();
    private final RegisteredStrategy[] strategies;
    private final OrderBook book;
    private final KillSwitch killSwitch;
    private final TwapBenchmark benchmark;
    /** The order's policy inputs as its training domain sees them (its card's features, in its order). */
    private final float[] domainFeatures;
    private double participationCap;

    PolicyCall(final CoreContext ctx) {
        this.strategies = ctx.strategies;
        int width = 0;
        for (final RegisteredStrategy s : ctx.strategies) {
            width = Math.max(width, s.domain() == null ? 0 : s.domain().width());
        }
        this.domainFeatures = new float[width];
        this.book = ctx.book;
        this.killSwitch = ctx.killSwitch;
        this.benchmark = ctx.benchmark;
    }

    /**
     * Units the order's strategy proposes for slice {@code slice} ({@code boundary}: the slice's first decision), with
     * the record's features already built; {@link #STOPPED} when the kill switch halted the order. Writes the action
     * and the raw output into {@code r}.
     */
    long propose(final ParentOrder o, final DecisionRecord r, final int slice, final boolean boundary) {
        participationCap = Double.NaN;
        if (!o.fallback() && stoppedByScreening(o, r)) {
            return STOPPED;
        }
        if (!boundary) {
            return o.tacticDecision() ? o.sliceShortfall() : o.remaining();
        }
        if (o.fallback()) {
            return fallbackTwapShares(o, slice);
        }
        final HaltReason fault = call(o, r);
        if (fault != null) {
            if (killSwitch.policyFault(o, fault, r.actionValue(), r.actionIndex())) {
                return STOPPED;
            }
            return fallbackTwapShares(o, slice);
        }
        participationCap = decision.participationCap();
        return decision.shares();
    }

    /** The participation cap of the last proposal: the strategy's own, NaN when it gave none or did not decide. */
    double participationCap() {
        return participationCap;
    }

    /**
     * Training domain and running-IS checks; true when the kill switch stopped the order (a failed check that hands
     * the order to the TWAP fallback leaves it trading).
     */
    private boolean stoppedByScreening(final ParentOrder o, final DecisionRecord r) {
        final TrainingDomain domain = strategies[o.strategyIndex()].domain();
        if (domain != null) {
            final int bad = domain.firstViolation(o.context(), domainFeatures);
            if (bad >= 0) {
                return killSwitch.featureOutOfDomain(o, bad, domain.zScore(bad, domainFeatures));
            }
        }
        if (benchmark.exceeded(o)) {
            return killSwitch.isAboveBenchmark(o, benchmark.overrun(o));
        }
        return false;
    }

    /** Exact TWAP of what remains over the slices left. */
    private static long fallbackTwapShares(final ParentOrder o, final int slice) {
        return TwapYardstick.sliceShares(o.remaining(), o.slices() - slice, 0);
    }

    /** Calls the strategy and checks what it returned: the fault, or null when {@link #decision} is usable. */
    private HaltReason call(final ParentOrder o, final DecisionRecord r) {
        return checkedDecide(book.strategy(o), o, decision, r);
    }

    /**
     * The one definition of a policy fault: calls {@code strategy} on the order's context into {@code decision} and
     * checks what it returned (action and raw output written into {@code r}); the fault, or null when the decision
     * is usable. The live call and the shadow ({@link ShadowCall}) both use it.
     */
    static HaltReason checkedDecide(final SliceStrategy strategy, final ParentOrder o, final SliceDecision decision,
                                    final DecisionRecord r) {
        decision.clear();
        try {
            strategy.decide(o.context(), decision);
        } catch (final RuntimeException ex) {
            return HaltReason.POLICY_THREW;
        }
        r.action(decision.actionIndex(), decision.actionValue());
        int actionCount = -1;
        if (strategy instanceof InspectablePolicy inspectable) {
            final float[] raw = r.rawOutput();
            final int n = Math.min(DecisionRecord.MAX_RAW_OUTPUT, inspectable.copyRawOutput(raw));
            r.rawOutputLength(n);
            actionCount = inspectable.actionCount();
            for (int i = 0; i < n; i++) {
                if (Float.isNaN(raw[i])) {
                    return HaltReason.POLICY_NAN;
                }
            }
        }
        if (r.actionIndex() >= 0 && Double.isNaN(r.actionValue())) {
            return HaltReason.POLICY_NAN;
        }
        final double cap = decision.participationCap();
        if (decision.shares() < 0 || decision.shares() > o.quantity()
                || (actionCount > 0 && r.actionIndex() >= actionCount)
                || (!Double.isNaN(cap) && !(cap >= 0 && cap <= 1))) {
            return HaltReason.POLICY_ACTION_OUT_OF_RANGE;
        }
        return null;
    }
}
