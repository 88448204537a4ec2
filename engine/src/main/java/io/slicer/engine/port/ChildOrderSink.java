package io.slicer.engine.port;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;

/**
 * Implemented by the OMS: where the engine's child orders go. Called on the engine's consumer thread, synchronously
 * inside event processing, so an implementation must be quick and must not block; in particular it must not publish
 * into the engine's ring from this thread and wait for capacity (hand the order to the venue gateway's own queue).
 * Every child the engine sends is later answered through the ring with an ack, fills, a reject or a cancel confirm.
 */
public interface ChildOrderSink {
    /** Send a new limit order to the venue; {@code limitPrice} is on the instrument's tick. */
    void onNewChild(long childId, long parentId, int symbol, Side side, long quantity, double limitPrice);

    /** Cancel a working child; the venue confirms with a cancel report carrying its cumulative filled quantity. */
    void onCancelChild(long childId, long parentId);

    /** A parent order changed lifecycle status (filled, cancelled, expired, halted, rejected). */
    default void onParentStatus(long parentId, OrderStatus status) {
    }

    /** Discards everything. */
    ChildOrderSink NONE = new ChildOrderSink() {
        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
        }
    };
}
