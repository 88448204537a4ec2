package io.slicer.engine.core;

import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.order.ChildOrder;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.risk.HaltReason;

/**
 * The parent order's lifecycle as the OMS sees it: finding the open order a command names, asking the venue to
 * cancel its working children, moving it to its one terminal status (FILLED, CANCELLED, EXPIRED, HALTED) and telling
 * the OMS, and publishing its progress. {@link ParentOrder#finish} is called from here alone.
 *
 * <p>Allocation-free. Engine thread.
 */
final class OrderLifecycle {
    private final Outbox outbox;
    private final MarketState market;
    private final OrderBook book;

    OrderLifecycle(final Outbox outbox, final MarketState market, final OrderBook book) {
        this.outbox = outbox;
        this.market = market;
        this.book = book;
    }

    /** The open order an OMS or desk command names; null, with the anomaly journaled, if unknown or terminal. */
    ParentOrder openOrder(final long id) {
        final ParentOrder o = book.get(id);
        if (o == null) {
            outbox.anomaly(InputAnomaly.UNKNOWN_ORDER, id, 0);
            return null;
        }
        if (!o.isOpen()) {
            outbox.anomaly(InputAnomaly.ORDER_NOT_OPEN, id, 0);
            return null;
        }
        return o;
    }

    /**
     * Asks the venue to cancel each of the order's children that can still be cancelled, for {@code reason}
     * ({@code haltReason}: the kill switch's when it caused the cancel, else null); each request is journaled first.
     */
    void cancelWorking(final ParentOrder o, final CancelReason reason, final HaltReason haltReason) {
        for (int i = 0; i < o.liveChildCount(); i++) {
            final ChildOrder c = o.liveChild(i);
            if (c.cancellable()) {
                o.childCancelRequested(c);
                outbox.cancelChild(c, reason, haltReason);
            }
        }
    }

    /** Moves the open order to {@code status} and tells the OMS. */
    void finish(final ParentOrder o, final OrderStatus status) {
        o.finish(status);
        outbox.parentStatus(o);
    }

    /** Publishes the order's progress for other threads. */
    void publish(final ParentOrder o) {
        outbox.progress(o, market.symbol(o.symbol()).cumulativeVolume());
    }
}
