package io.slicer.engine.core;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;

import java.util.ArrayList;
import java.util.List;

/** Test sink: remembers every child, cancel and status, in order. */
final class RecordingSink implements ChildOrderSink {
    record Child(long childId, long parentId, int symbol, Side side, long quantity, double limitPrice) {
    }

    final List<Child> children = new ArrayList<>();
    final List<Long> cancels = new ArrayList<>();
    final List<String> statuses = new ArrayList<>();

    @Override
    public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                           final long quantity, final double limitPrice) {
        children.add(new Child(childId, parentId, symbol, side, quantity, limitPrice));
    }

    @Override
    public void onCancelChild(final long childId, final long parentId) {
        cancels.add(childId);
    }

    @Override
    public void onParentStatus(final long parentId, final OrderStatus status) {
        statuses.add(parentId + ":" + status);
    }
}
