package io.slicer.tools.fix.gateway;

import io.slicer.engine.api.ControlAck;
import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.OperatorRole;
import io.slicer.tools.console.OperatorControls;

/**
 * The one way the gateway's threads (OMS session, venue session, wall-clock timer, operator console) publish into the engine. Each
 * event is stamped with the wall clock under one lock, so events enter the ring in time order (the engine requires
 * non-decreasing timestamps across publishers); every stamp is journaled with its event, so a replay of a FIX day
 * needs no clock. {@link #durable()} waits until the engine has processed (and so journaled) everything published
 * so far: the sessions call it before they let QuickFIX/J count an incoming message as received, so a message whose
 * sequence number was consumed is always in the journal.
 */
final class EngineIngress {
    private final SlicerEngine engine;
    private final long epochOffset;
    private final OperatorControls operator;
    private long last;

    EngineIngress(final SlicerEngine engine, final long notBefore) {
        this.engine = engine;
        this.operator = OperatorControls.direct(engine, this::stamp);
        this.epochOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        this.last = notBefore;
    }

    /** Wall-clock nanoseconds since the epoch, never before the last stamp. Callers hold the lock. */
    private long stamp() {
        final long now = epochOffset + System.nanoTime();
        if (now > last) {
            last = now;
        }
        return last;
    }

    /** The wall clock as the engine will see it now (for defaults such as an order's start). */
    synchronized long now() {
        return stamp();
    }

    synchronized void newOrder(final NewOrder order) {
        engine.newOrder(stamp(), order);
    }

    synchronized void cancel(final long orderId) {
        engine.cancelOrder(stamp(), orderId);
    }

    /** NaN leaves the limit or urgency, {@code EngineEvent.UNCHANGED} the quantity or end, as it is. */
    synchronized void amend(final long orderId, final double limitPrice, final double urgency, final long quantity,
                            final long endTime) {
        engine.amendOrder(stamp(), orderId, limitPrice, urgency, Double.NaN, Double.NaN, quantity, endTime);
    }

    synchronized void halt(final HaltScope scope, final long id) {
        engine.halt(stamp(), scope, id);
    }

    /** An operator's control from the console, stamped and ordered with every other input. */
    synchronized ControlAck control(final OperatorControls.Action action, final HaltScope scope, final long id,
                                    final OperatorRole role, final ControlReason reason) {
        return operator.apply(action, scope, id, role, reason);
    }

    synchronized void timer() {
        engine.timer(stamp());
    }

    synchronized void quote(final int symbol, final double bid, final double ask, final long bidSize,
                            final long askSize) {
        engine.quote(stamp(), symbol, bid, ask, bidSize, askSize);
    }

    synchronized void trade(final int symbol, final double price, final long size, final int aggressor) {
        engine.trade(stamp(), symbol, price, size, aggressor);
    }

    synchronized void childAck(final long orderId, final long childId) {
        engine.childAck(stamp(), orderId, childId);
    }

    synchronized void fill(final long orderId, final long childId, final long execId, final long qty,
                           final double price) {
        engine.fill(stamp(), orderId, childId, execId, qty, price);
    }

    synchronized void childReject(final long orderId, final long childId) {
        engine.childReject(stamp(), orderId, childId);
    }

    synchronized void childCancelled(final long orderId, final long childId, final long cumQty) {
        engine.childCancelled(stamp(), orderId, childId, cumQty);
    }

    /** Waits until everything published so far is processed and journaled. */
    void durable() {
        engine.flush();
    }
}
