package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.port.ShadowRecord;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.SliceStrategy;

/**
 * Shadow mode: a second strategy ({@code shadowStrategy} in the config) decides every slice of every live order from
 * the same context and features the live decision used, right after it, and is journaled beside it. It sends
 * nothing: its only way out is {@link Outbox#shadow}, never the venue's child path.
 *
 * <p><b>Isolation.</b> The shadow has its own instance per order, its own {@link SliceDecision} and its own scratch
 * record; it reads the order's context and never writes it. A shadow that cannot be made or begun, that throws,
 * returns NaN or an action out of range ({@link PolicyCall#checkedDecide}, the live call's own fault definition) is
 * journaled once with that fault and stops for the order; the live order is not touched, and no kill-switch
 * transition is made.
 *
 * <p><b>Estimated cost (a counterfactual estimate).</b> The shadow's would-be child of slice k is {@code q_k}: what it
 * proposes, within what it has left of the order and its own participation cap times the expected slice volume (the
 * whole rest in the last slice). It is priced like the {@link TwapBenchmark}'s slices, with the order's impact model
 * (eta, gamma, tau) on the path the engine observed:
 * {@code m_k - s*gamma*(F_k - S_k) + s*(h_k + eta*q_k/tau)}, with {@code F_k} the order's fills and {@code S_k} the
 * shadow's would-be units before boundary k (the permanent impact in the observed mid is the live order's; the
 * shadow's replaces it) and liquidity as expected (multiplier 1: the slice's volume is not known yet when the shadow
 * decides). Its IS is the estimated shortfall of those units against the arrival mid, in bps, by the one formula
 * ({@link ParentOrder#shortfallBps(double, long, double)}). No fill stands behind it: it says what the impact model
 * expects, not what the market would have done.
 *
 * <p>Allocation-free after construction, except for opening an order, which makes the shadow's strategy instance.
 * Engine thread.
 */
final class ShadowCall {
    private final int strategyIndex;
    private final RegisteredStrategy registered;
    private final SliceStrategy[] strategies;
    private final long[] shares;
    private final double[] cost;
    private final boolean[] stopped;
    private final SliceDecision decision = new SliceDecision();
    private final DecisionRecord scratch = new DecisionRecord();
    private final ShadowRecord record = new ShadowRecord();
    private final Outbox outbox;
    private final EngineClock clock;
    private final double eta;
    private final double gamma;

    ShadowCall(final CoreContext ctx) {
        this.strategyIndex = ctx.config.shadowStrategy;
        if (strategyIndex >= ctx.strategies.length) {
            throw new IllegalArgumentException("shadowStrategy " + strategyIndex + " is not a registered strategy"
                    + " index (0.." + (ctx.strategies.length - 1) + ")");
        }
        this.registered = strategyIndex >= 0 ? ctx.strategies[strategyIndex] : null;
        final int n = ctx.config.maxOrders;
        this.strategies = new SliceStrategy[n];
        this.shares = new long[n];
        this.cost = new double[n];
        this.stopped = new boolean[n];
        this.outbox = ctx.outbox;
        this.clock = ctx.outbox.clock();
        this.eta = ctx.config.temporaryImpact / ctx.config.sliceLength;
        this.gamma = ctx.config.permanentImpact;
    }

    /** True when the engine runs a shadow. */
    boolean enabled() {
        return registered != null;
    }

    /**
     * A live order was accepted: with a reference price ({@code priced}), makes and begins the shadow's instance from
     * the same terms and context (a failure is kept and journaled at the order's first decision); without one the
     * order is halted at entry and its shadow does nothing.
     */
    void open(final ParentOrder o, final OrderTerms terms, final boolean priced) {
        if (registered == null) {
            return;
        }
        final int slot = o.slot();
        shares[slot] = 0;
        cost[slot] = 0;
        stopped[slot] = !priced;
        strategies[slot] = null;
        if (!priced) {
            return;
        }
        try {
            final SliceStrategy s = registered.factory().create(terms);
            s.begin(o.context());
            strategies[slot] = s;
        } catch (final RuntimeException ex) {
            strategies[slot] = null;
        }
    }

    /**
     * The shadow's decision on slice {@code slice} of {@code o}, after the live one, at mid {@code mid} and half-spread
     * {@code halfSpread} (the order's context is already filled for the slice).
     */
    void decide(final ParentOrder o, final int slice, final double mid, final double halfSpread) {
        if (registered == null) {
            return;
        }
        final int slot = o.slot();
        if (stopped[slot]) {
            return;
        }
        record.reset(clock.currentSequence(), clock.now(), o.orderId(), strategyIndex, slice);
        final SliceStrategy strategy = strategies[slot];
        final HaltReason fault = strategy == null ? HaltReason.POLICY_THREW
                : PolicyCall.checkedDecide(strategy, o, decision, scratch);
        if (fault != null) {
            stopped[slot] = true;
            record.fault(fault);
            record.running(shares[slot], ParentOrder.shortfallBps(cost[slot], shares[slot], o.arrivalPrice()));
            outbox.shadow(record);
            return;
        }
        record.action(scratch.actionIndex(), scratch.actionValue());
        record.proposedShares(decision.shares());
        final long q = wouldTrade(o, slot);
        if (q > 0) {
            final int sign = o.side().sign();
            final double price = mid - sign * gamma * (o.sliceClock().filledAtBoundary() - shares[slot])
                    + sign * (halfSpread + eta * q);
            shares[slot] += q;
            cost[slot] += sign * q * (price - o.arrivalPrice());
            record.wouldTrade(q, price);
        }
        record.running(shares[slot], ParentOrder.shortfallBps(cost[slot], shares[slot], o.arrivalPrice()));
        outbox.shadow(record);
    }

    /** The would-be child: the proposal within what the shadow has left and its own cap; the rest at the end. */
    private long wouldTrade(final ParentOrder o, final int slot) {
        final long left = o.quantity() - shares[slot];
        final DecisionContext c = o.context();
        if (c.isLastSlice()) {
            return left;
        }
        long q = Math.min(decision.shares(), left);
        final double cap = decision.participationCap();
        if (!Double.isNaN(cap) && c.expectedSliceVolume() > 0) {
            q = Math.min(q, (long) (cap * c.expectedSliceVolume()));
        }
        return Math.max(0, q);
    }
}
