package io.slicer.engine.core;

import io.slicer.engine.api.ChildOrderSink;
import io.slicer.engine.order.ChildOrder;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.PreTradeChecks;

/**
 * What the engine does to a parent order besides deciding its slices: cancel its working children, halt it (or,
 * for a policy fault with the TWAP fallback on, finish it on TWAP), move it to a terminal status, and publish its
 * progress for readers on other threads. Every halt is journaled with its reason and detail before anything is
 * cancelled, and every cancel counts against the pre-trade message throttle.
 *
 * <p>Allocation-free. Engine thread.
 */
final class OrderControl {
    private final boolean twapFallback;
    private final EngineClock clock;
    private final EngineJournal journal;
    private final ChildOrderSink sink;
    private final PreTradeChecks checks;
    private final MarketState market;

    OrderControl(final boolean twapFallback, final EngineClock clock, final EngineJournal journal,
                 final ChildOrderSink sink, final PreTradeChecks checks, final MarketState market) {
        this.twapFallback = twapFallback;
        this.clock = clock;
        this.journal = journal;
        this.sink = sink;
        this.checks = checks;
        this.market = market;
    }

    /**
     * Halts an order (cancels its working children, sends nothing more), or — for a policy fault when the TWAP
     * fallback is on — cancels its working children and finishes it on TWAP. Returns true if the order stopped.
     */
    boolean halt(final ParentOrder o, final HaltReason reason, final double detail, final int detailIndex) {
        journal.onHalt(clock.currentSequence(), clock.now(), HaltScope.ORDER, o.orderId(), reason, detail,
                detailIndex);
        cancelWorking(o);
        if (reason.policyFault() && twapFallback && !o.fallback()) {
            o.fallBackToTwap(reason);
            publish(o);
            return false;
        }
        o.halt(reason);
        sink.onParentStatus(o.orderId(), OrderStatus.HALTED);
        publish(o);
        return true;
    }

    /** Asks the venue to cancel each of the order's children that can still be cancelled. */
    void cancelWorking(final ParentOrder o) {
        for (int i = 0; i < o.liveChildCount(); i++) {
            final ChildOrder c = o.liveChild(i);
            if (c.cancellable()) {
                o.childCancelRequested(c);
                sink.onCancelChild(c.childId(), o.orderId());
                checks.recordCancel(clock.now());
            }
        }
    }

    /** Moves the order to {@code status} and tells the OMS. */
    void finish(final ParentOrder o, final OrderStatus status) {
        o.status(status);
        sink.onParentStatus(o.orderId(), status);
    }

    void publish(final ParentOrder o) {
        publish(o, market.symbol(o.symbol()));
    }

    static void publish(final ParentOrder o, final SymbolState sym) {
        o.publishProgress(sym.cumulativeVolume());
    }
}
