package io.slicer.journal;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;

/**
 * The OMS as a journaled engine sees it: every child order and cancel leaves only after the journal is forced to disk
 * ({@link JournalWriter#forceToDisk()}), so the input that decided it survives a power loss and a restart re-derives
 * the child rather than forgetting one the venue holds. The child's own DECISION record follows the send (the engine
 * journals a decision once it is complete) and is re-derived from that input by recovery.
 */
final class DurableSends implements ChildOrderSink {
    private final JournalWriter writer;
    private final ChildOrderSink oms;

    DurableSends(final JournalWriter writer, final ChildOrderSink oms) {
        this.writer = writer;
        this.oms = oms;
    }

    @Override
    public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                           final long quantity, final double limitPrice) {
        writer.forceToDisk();
        oms.onNewChild(childId, parentId, symbol, side, quantity, limitPrice);
    }

    @Override
    public void onCancelChild(final long childId, final long parentId) {
        writer.forceToDisk();
        oms.onCancelChild(childId, parentId);
    }

    @Override
    public void onParentStatus(final long parentId, final OrderStatus status) {
        oms.onParentStatus(parentId, status);
    }
}
