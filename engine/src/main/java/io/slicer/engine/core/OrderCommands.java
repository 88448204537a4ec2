package io.slicer.engine.core;

import io.slicer.engine.api.ChildOrderSink;
import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.order.LiveOrderScenario;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.strategy.SliceStrategy;

/**
 * The OMS's commands on parent orders: NEW_ORDER, CANCEL_ORDER and AMEND_ORDER. A new order with a duplicate id,
 * invalid fields ({@link OrderCommandChecks}) or no free slot is rejected. An accepted order enters the book with
 * its arrival price (the mid when it arrived) and its own strategy instance; it is halted at once when there is no
 * reference price, when its strategy cannot be created or begun, or when its symbol or the engine is halted. A cancel
 * cancels the working children and ends the order CANCELLED; an amend changes the limit price and urgency, and the
 * volume expectations from the current slice on.
 *
 * <p>Allocation-free after construction except for accepting a new order, which creates its strategy instance.
 * Engine thread.
 */
final class OrderCommands {
    private final EngineConfig config;
    private final RegisteredStrategy[] strategies;
    private final MarketState market;
    private final TradingStates states;
    private final OrderCommandChecks checks;
    private final OrderBook book;
    private final OrderControl control;
    private final ChildOrderSink sink;
    private final EngineClock clock;
    private final InputAnomalies anomalies;

    OrderCommands(final EngineConfig config, final RegisteredStrategy[] strategies, final MarketState market,
                  final TradingStates states, final OrderBook book, final OrderControl control,
                  final ChildOrderSink sink, final EngineClock clock, final InputAnomalies anomalies) {
        this.config = config;
        this.strategies = strategies;
        this.market = market;
        this.states = states;
        this.checks = new OrderCommandChecks(market, config.maxSlices, strategies.length);
        this.book = book;
        this.control = control;
        this.sink = sink;
        this.clock = clock;
        this.anomalies = anomalies;
    }

    void onNewOrder(final EngineEvent e) {
        final long id = e.orderId();
        if (book.contains(id)) {
            anomalies.report(InputAnomaly.DUPLICATE_ORDER_ID, id, 0);
            sink.onParentStatus(id, OrderStatus.REJECTED);
            return;
        }
        if (!checks.validNewOrder(e)) {
            anomalies.report(InputAnomaly.INVALID_ORDER, id, 0);
            sink.onParentStatus(id, OrderStatus.REJECTED);
            return;
        }
        final ParentOrder order = book.takeSlot();
        if (order == null) {
            anomalies.report(InputAnomaly.ORDER_CAPACITY, id, 0);
            sink.onParentStatus(id, OrderStatus.REJECTED);
            return;
        }
        final SymbolState sym = market.symbol(e.symbol());
        final RegisteredStrategy registered = strategies[e.strategy()];
        final double arrival = sym.mid();
        final boolean priced = sym.hasReferencePrice();
        SliceStrategy strategy = null;
        RuntimeException creationFailure = null;
        if (priced) {
            try {
                strategy = registered.factory().create(new LiveOrderScenario(id, e.side(), e.quantity(),
                        e.slices(), arrival, e.referenceVolatility(), config.periodLength, config.permanentImpact,
                        config.temporaryImpact, sym.spread() * 0.5, e.expectedVolume(),
                        config.policyParticipationLimit));
            } catch (final RuntimeException ex) {
                creationFailure = ex;
            }
        }
        order.open(id, e.symbol(), e.side(), e.quantity(), e.startTime(), e.endTime(), e.slices(), e.strategy(),
                strategy, e.limitPrice(), e.wouldPrice(), e.urgency(), e.referenceVolatility(), e.expectedVolume(),
                e.expectedRemainingVolume(), Math.max(0, OrderCommandChecks.periodAt(e, clock.now())));
        book.enter(order);
        order.arrivalPrice(arrival);
        final DecisionContext ctx = order.context();
        ctx.beginOrder(e.side(), e.quantity(), priced ? arrival : 0.0, e.slices(), e.referenceVolatility());
        ctx.expectedPeriodVolume(e.expectedVolume()).participationLimit(config.policyParticipationLimit);
        ctx.expectedRemainingVolume(ExpectedVolume.remaining(order, 0));
        if (!priced) {
            control.halt(order, HaltReason.NO_REFERENCE_PRICE, arrival, -1);
        } else if (creationFailure != null) {
            control.halt(order, HaltReason.POLICY_THREW, Double.NaN, -1);
        } else if (states.halted(e.symbol())) {
            control.halt(order, HaltReason.PARENT_SCOPE_HALTED, Double.NaN, -1);
        } else {
            try {
                strategy.begin(ctx);
            } catch (final RuntimeException ex) {
                control.halt(order, HaltReason.POLICY_THREW, Double.NaN, -1);
            }
        }
        order.publishProgress(sym.cumulativeVolume());
    }

    /** The open order an OMS or desk command names; null, with the anomaly journaled, if unknown or terminal. */
    ParentOrder openOrder(final long id) {
        final ParentOrder o = book.get(id);
        if (o == null) {
            anomalies.report(InputAnomaly.UNKNOWN_ORDER, id, 0);
            return null;
        }
        if (!o.isOpen()) {
            anomalies.report(InputAnomaly.ORDER_NOT_OPEN, id, 0);
            return null;
        }
        return o;
    }

    void onCancelOrder(final EngineEvent e) {
        final ParentOrder o = openOrder(e.orderId());
        if (o == null) {
            return;
        }
        control.cancelWorking(o);
        control.finish(o, OrderStatus.CANCELLED);
        control.publish(o);
    }

    void onAmendOrder(final EngineEvent e) {
        final ParentOrder o = openOrder(e.orderId());
        if (o == null) {
            return;
        }
        final double volume = e.expectedVolume();
        if (!OrderCommandChecks.validAmend(e)) {
            anomalies.report(InputAnomaly.INVALID_ORDER, o.orderId(), 0);
            return;
        }
        o.amend(e.limitPrice(), e.urgency(), volume, e.expectedRemainingVolume(),
                Math.max(0, Math.min(o.periodAt(clock.now()), o.slices() - 1)));
    }
}
