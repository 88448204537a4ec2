package io.slicer.engine.core;

import io.slicer.engine.order.ChildOrder;
import io.slicer.engine.order.ParentOrder;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The child orders at the venue: a fixed pool of {@link ChildOrder}s made at construction, the index of the
 * unresolved ones by child id, and the child id counter. Ids are handed out from {@code firstChildId} in the order
 * children are sent (decision order), so a replay reproduces them. A child goes back to the pool once resolved.
 *
 * <p>Allocation-free after construction. Engine thread.
 */
final class ChildBook {
    private final ChildOrder[] free;
    private int freeCount;
    private final Long2ObjectHashMap<ChildOrder> byId;
    private long nextChildId;

    ChildBook(final EngineConfig config) {
        final int maxLiveChildren = config.maxLiveChildren;
        this.free = new ChildOrder[maxLiveChildren];
        for (int i = 0; i < maxLiveChildren; i++) {
            free[freeCount++] = new ChildOrder();
        }
        this.byId = new Long2ObjectHashMap<>(maxLiveChildren * 2, 0.5f);
        this.nextChildId = config.firstChildId;
    }

    /** True while a child can still be sent. */
    boolean hasCapacity() {
        return freeCount > 0;
    }

    /** Unresolved children across all orders. */
    int live() {
        return free.length - freeCount;
    }

    /**
     * Opens a child of {@code parent} under the next child id and attaches it to the parent; the caller checked
     * {@link #hasCapacity} and tells the parent what was sent.
     */
    ChildOrder open(final ParentOrder parent, final long qty, final double price, final long now, final int slice) {
        final ChildOrder c = free[--freeCount];
        final long id = nextChildId++;
        c.open(id, parent, qty, price, now, slice);
        byId.put(id, c);
        parent.addChild(c);
        return c;
    }

    /** The unresolved child with this id if it belongs to {@code orderId} (0: any order), or null. */
    ChildOrder find(final long childId, final long orderId) {
        final ChildOrder c = byId.get(childId);
        if (c == null || (orderId != 0 && c.parent().orderId() != orderId)) {
            return null;
        }
        return c;
    }

    /** Detaches a resolved child from its parent and returns it to the pool. */
    void release(final ChildOrder c) {
        c.parent().removeChild(c);
        byId.remove(c.childId());
        free[freeCount++] = c;
    }
}
