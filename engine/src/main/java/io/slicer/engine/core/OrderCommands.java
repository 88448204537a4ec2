package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.AmendRefusal;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.order.SliceClock;
import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.SliceStrategy;

/**
 * The OMS's commands on parent orders: NEW_ORDER, CANCEL_ORDER and AMEND_ORDER. A new order with a duplicate id,
 * invalid fields ({@link OrderCommandChecks}) or no free slot is rejected. An accepted order gets its
 * {@link OrderTerms} (the OMS's fields, its symbol's instrument, the arrival mid, the engine's participation limit and
 * impact model) and its own strategy instance made from them; it is halted at once when there is no reference
 * price, when its strategy cannot be created or begun, or when its symbol or the engine is halted. A cancel cancels
 * the working children and ends the order CANCELLED; an amend changes the limit price and urgency, the volume
 * expectations from the current slice on, and may lower the quantity or move the end of the horizon (re-making the
 * order's terms and strategy, {@link #amendTerms}).
 *
 * <p>Allocation-free after construction except for accepting a new order, which makes its terms and its strategy
 * instance, and an amend of quantity or horizon, which re-makes them. Engine thread.
 */
final class OrderCommands {
    private final EngineConfig config;
    private final RegisteredStrategy[] strategies;
    private final TacticChooser[] choosers;
    private final OrderCommandChecks checks;
    private final Outbox outbox;
    private final MarketState market;
    private final OrderBook book;
    private final OrderLifecycle lifecycle;
    private final KillSwitch killSwitch;
    private final ShadowCall shadow;
    private final AbAllocation ab;

    OrderCommands(final CoreContext ctx) {
        this.config = ctx.config;
        this.strategies = ctx.strategies;
        this.choosers = ctx.choosers;
        this.checks = new OrderCommandChecks(ctx.market, ctx.config.maxSlices, ctx.strategies.length);
        this.outbox = ctx.outbox;
        this.market = ctx.market;
        this.book = ctx.book;
        this.lifecycle = ctx.lifecycle;
        this.killSwitch = ctx.killSwitch;
        this.shadow = ctx.shadow;
        this.ab = ctx.ab;
    }

    void onNewOrder(final EngineEvent e) {
        final long id = e.orderId();
        if (book.contains(id)) {
            reject(InputAnomaly.DUPLICATE_ORDER_ID, id);
            return;
        }
        // The shadow is never an order's own strategy: it may be a model approved for shadow only.
        if (!checks.validNewOrder(e) || e.strategy() == config.shadowStrategy) {
            reject(InputAnomaly.INVALID_ORDER, id);
            return;
        }
        final ParentOrder order = book.takeSlot();
        if (order == null) {
            reject(InputAnomaly.ORDER_CAPACITY, id);
            return;
        }
        final SymbolState sym = market.symbol(e.symbol());
        final double arrival = sym.mid();
        final boolean priced = sym.hasReferencePrice();
        final OrderTerms terms = terms(e, sym, arrival, priced);
        // Under an A/B test the order's arm is its strategy, whatever the OMS named; every decision record of the
        // order carries it.
        final int strategyIndex = ab.enabled() ? ab.arm(id) : e.strategy();
        SliceStrategy strategy = null;
        boolean creationFailed = false;
        if (priced) {
            try {
                strategy = strategies[strategyIndex].factory().create(terms);
            } catch (final RuntimeException ex) {
                creationFailed = true;
            }
        }
        order.open(id, e.symbol(), terms, strategyIndex, e.expectedRemainingVolume(),
                Math.max(0, SliceClock.sliceAt(outbox.clock().now(), e.startTime(), e.endTime(), e.slices())));
        order.tactic(strategies[strategyIndex].factory().tactic(), choosers[strategyIndex]);
        book.enter(order, strategy);
        final DecisionContext ctx = order.context();
        ctx.beginOrder(e.side(), e.quantity(), priced ? arrival : 0.0, e.slices(), e.referenceVolatility());
        ctx.expectedSliceVolume(e.expectedVolume()).participationLimit(config.policyParticipationLimit);
        ctx.expectedRemainingVolume(ExpectedVolume.remaining(order, 0));
        if (!priced) {
            killSwitch.noReferencePrice(order, arrival);
        } else if (creationFailed) {
            killSwitch.policyFault(order, HaltReason.POLICY_THREW, Double.NaN, -1);
        } else if (killSwitch.halted(e.symbol())) {
            killSwitch.scopeHalted(order);
        } else {
            try {
                strategy.begin(ctx);
            } catch (final RuntimeException ex) {
                killSwitch.policyFault(order, HaltReason.POLICY_THREW, Double.NaN, -1);
            }
        }
        // Always, so that the slot's shadow state is this order's even when it was halted at entry.
        shadow.open(order, terms, priced);
        lifecycle.publish(order);
    }

    /**
     * The terms a strategy is made from: the OMS's fields, the symbol's instrument, the arrival mid, the engine's
     * participation limit and its impact model with the half-spread at arrival. The OMS's expected volume per slice
     * is the same in every slice.
     */
    private OrderTerms terms(final EngineEvent e, final SymbolState sym, final double arrival, final boolean priced) {
        return OrderTerms.builder(sym.instrument(), e.side(), e.quantity(), e.slices())
                .times(e.startTime(), e.endTime())
                .limitPrice(e.limitPrice())
                .wouldPrice(e.wouldPrice())
                .urgency(e.urgency())
                .participationLimit(config.policyParticipationLimit)
                .arrivalPrice(arrival)
                .sigmaPerSlice(e.referenceVolatility())
                .flatExpectedVolume(e.expectedVolume())
                .impact(MarketImpact.of(config.permanentImpact, config.temporaryImpact,
                        priced ? sym.halfSpread() : 0.0, config.sliceLength))
                .build();
    }

    private void reject(final InputAnomaly why, final long id) {
        outbox.anomaly(why, id, 0);
        outbox.rejected(id);
    }

    void onCancelOrder(final EngineEvent e) {
        final ParentOrder o = lifecycle.openOrder(e.orderId());
        if (o == null) {
            return;
        }
        lifecycle.cancelWorking(o, CancelReason.OMS_CANCEL, null);
        lifecycle.finish(o, OrderStatus.CANCELLED);
        lifecycle.publish(o);
    }

    void onAmendOrder(final EngineEvent e) {
        final ParentOrder o = lifecycle.openOrder(e.orderId());
        if (o == null) {
            return;
        }
        if (!OrderCommandChecks.validAmend(e)) {
            outbox.anomaly(InputAnomaly.INVALID_ORDER, o.orderId(), 0);
            return;
        }
        if (e.amendsTerms() && !amendTerms(o, e)) {
            return;
        }
        o.amend(e.limitPrice(), e.urgency(), e.expectedVolume(), e.expectedRemainingVolume(),
                Math.max(0, Math.min(o.sliceClock().sliceAt(outbox.clock().now()), o.slices() - 1)));
        if (o.isOpen() && o.filled() == o.quantity()) {
            // Cut to exactly what has filled: nothing is left to work.
            lifecycle.finish(o, OrderStatus.FILLED);
        }
        lifecycle.publish(o);
    }

    /**
     * An amend of the order's quantity or the end of its horizon: refused whole (journaled, nothing changes) when
     * {@link ParentOrder#checkTermsAmend} says so; otherwise the order's terms are re-made with the new quantity and
     * end, the order re-bases its clock, yardstick and context on them, and the strategy is re-made from them and
     * begun on the order's context as it stands (executed shares, current slice), exactly as a new order's is. A
     * schedule therefore follows its plan for the amended terms from the current slice on. Allocates, like a new
     * order: the terms and the strategy instance. False when refused.
     */
    private boolean amendTerms(final ParentOrder o, final EngineEvent e) {
        final long now = outbox.clock().now();
        final long quantity = e.quantity() == EngineEvent.UNCHANGED ? o.quantity() : e.quantity();
        final long end = e.endTime() == EngineEvent.UNCHANGED ? o.endTime() : e.endTime();
        final AmendRefusal refusal = o.checkTermsAmend(quantity, end, now);
        if (refusal != null) {
            o.termsAmendRefused(refusal);
            outbox.anomaly(anomalyOf(refusal), o.orderId(), 0);
            lifecycle.publish(o);
            return false;
        }
        final OrderTerms amended = o.terms().amended(quantity, end);
        o.amendTerms(amended, now);
        if (book.strategy(o) == null) {
            // Halted at entry (no reference price or no strategy): nothing to re-make.
            return true;
        }
        try {
            final SliceStrategy strategy = strategies[o.strategyIndex()].factory().create(amended);
            book.replaceStrategy(o, strategy);
            strategy.begin(o.context());
        } catch (final RuntimeException ex) {
            book.replaceStrategy(o, null);
            killSwitch.policyFault(o, HaltReason.POLICY_THREW, Double.NaN, -1);
        }
        return true;
    }

    private static InputAnomaly anomalyOf(final AmendRefusal refusal) {
        return switch (refusal) {
            case QUANTITY_UP -> InputAnomaly.AMEND_QUANTITY_UP;
            case QUANTITY_BELOW_DONE -> InputAnomaly.AMEND_QUANTITY_BELOW_DONE;
            case END_NOT_AHEAD -> InputAnomaly.AMEND_END_NOT_AHEAD;
        };
    }
}
