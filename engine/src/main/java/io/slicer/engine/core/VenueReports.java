package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.ChildOrder;
import io.slicer.engine.order.ChildStatus;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;

/**
 * The venue's reports on children: acknowledgements, fills, rejects and cancel confirmations. A report for a child
 * the engine does not hold (or of another order) changes nothing. A fill is applied once per exec id, at most up to
 * what the child has outstanding; a fill without a usable price is applied at the child's limit; quantity beyond
 * what is outstanding is recorded as an overfill and halts the order (the {@link KillSwitch}'s venue-overfill trigger). A resolved child goes back to the
 * {@link ChildBook}; an order whose fills reach its quantity is FILLED. A rejected or unsolicitedly cancelled child
 * gives its unfilled shares back to the order, which the next decision re-slices; {@link
 * KillSwitch#MAX_CONSECUTIVE_REJECTS} rejects in a row halt the order. Every irregularity is journaled as an
 * {@link InputAnomaly}.
 *
 * <p>Allocation-free. Engine thread.
 */
final class VenueReports {
    private final ChildBook children;
    private final OrderLifecycle lifecycle;
    private final KillSwitch killSwitch;
    private final Outbox outbox;

    VenueReports(final CoreContext ctx) {
        this.children = ctx.children;
        this.lifecycle = ctx.lifecycle;
        this.killSwitch = ctx.killSwitch;
        this.outbox = ctx.outbox;
    }

    void onChildAck(final EngineEvent e) {
        final ChildOrder c = childOf(e);
        if (c != null) {
            c.parent().childAcknowledged(c);
        }
    }

    void onFill(final EngineEvent e) {
        final ChildOrder c = childOf(e);
        if (c == null) {
            return;
        }
        final ParentOrder o = c.parent();
        final long qty = e.quantity();
        if (qty <= 0) {
            outbox.anomaly(InputAnomaly.BAD_FILL_QUANTITY, o.orderId(), c.childId());
            return;
        }
        if (!o.recordExecOf(c, e.execId())) {
            outbox.anomaly(InputAnomaly.DUPLICATE_FILL, o.orderId(), c.childId());
            return;
        }
        double price = e.price();
        if (!(price > 0) || Double.isInfinite(price)) {
            outbox.anomaly(InputAnomaly.BAD_FILL_PRICE, o.orderId(), c.childId());
            price = c.limitPrice();
        }
        final long outstanding = c.outstanding();
        final long applied = Math.min(qty, outstanding);
        final boolean afterCancel = c.status() == ChildStatus.CANCELLED;
        if (applied > 0) {
            o.applyFill(c, applied, price);
        }
        if (qty > applied) {
            o.recordOverfill(qty - applied);
            outbox.anomaly(afterCancel ? InputAnomaly.LATE_FILL_EXCEEDS_CUM_QUANTITY : InputAnomaly.OVERFILL,
                    o.orderId(), c.childId());
            if (o.isOpen()) {
                killSwitch.venueOverfill(o, qty - applied);
            }
        }
        afterChildChange(o, c);
    }

    void onChildReject(final EngineEvent e) {
        final ChildOrder c = childOf(e);
        if (c == null) {
            return;
        }
        final ParentOrder o = c.parent();
        o.childRejected(c);
        if (o.isOpen() && o.consecutiveRejects() >= KillSwitch.MAX_CONSECUTIVE_REJECTS) {
            killSwitch.venueRejects(o, o.consecutiveRejects());
        }
        afterChildChange(o, c);
    }

    void onChildCancelled(final EngineEvent e) {
        final ChildOrder c = childOf(e);
        if (c == null) {
            return;
        }
        final ParentOrder o = c.parent();
        long cum = e.cumQuantity();
        if (cum > c.quantity()) {
            outbox.anomaly(InputAnomaly.CUM_QUANTITY_EXCEEDS_CHILD, o.orderId(), c.childId());
            cum = c.quantity();
        }
        o.childCancelConfirmed(c, Math.max(0, cum));
        afterChildChange(o, c);
    }

    private ChildOrder childOf(final EngineEvent e) {
        final ChildOrder c = children.find(e.childId(), e.orderId());
        if (c == null) {
            outbox.anomaly(InputAnomaly.UNKNOWN_CHILD, e.orderId(), e.childId());
            return null;
        }
        return c;
    }

    private void afterChildChange(final ParentOrder o, final ChildOrder c) {
        if (c.resolved()) {
            children.release(c);
        }
        if (o.isOpen() && o.filled() == o.quantity()) {
            lifecycle.finish(o, OrderStatus.FILLED);
        }
        lifecycle.publish(o);
    }
}
