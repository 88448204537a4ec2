package io.slicer.engine.order;

import org.agrona.collections.LongHashSet;

/**
 * One child order and its fills. A pooled slot: {@link #open} reuses it for a new child.
 *
 * <p>Quantity accounting: {@link #outstanding()} is what the parent counts as "in flight" for this child — shares
 * that may still fill. While the child lives that is {@code quantity - filled}; after a cancel confirm it is what the
 * venue said it filled but whose fill reports have not arrived yet ({@code cumQuantity - filled}); after a reject
 * or a complete fill it is 0. A child whose outstanding quantity is 0 and that can get no more fills is resolved.
 *
 * <p>Allocation-free after construction, except that the exec-id set grows (once, then stays grown) for a child
 * with more fills than its initial capacity.
 */
public final class ChildOrder {
    private final LongHashSet execIds = new LongHashSet(32);

    private long childId;
    private ParentOrder parent;
    private long quantity;
    private double limitPrice;
    private long filled;
    private long cumQuantityAtCancel;
    private long sentAt;
    private int slice;
    private ChildStatus status = ChildStatus.FILLED;

    public void open(final long childId, final ParentOrder parent, final long quantity, final double limitPrice,
              final long sentAt, final int slice) {
        this.childId = childId;
        this.parent = parent;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.filled = 0;
        this.cumQuantityAtCancel = 0;
        this.sentAt = sentAt;
        this.slice = slice;
        this.status = ChildStatus.PENDING_NEW;
        this.execIds.clear();
    }

    /** Shares that may still fill (see class comment). */
    public long outstanding() {
        switch (status) {
            case PENDING_NEW:
            case WORKING:
            case PENDING_CANCEL:
                return quantity - filled;
            case CANCELLED:
                return Math.max(0, cumQuantityAtCancel - filled);
            default:
                return 0;
        }
    }

    /** True when no further fill can legitimately arrive. */
    public boolean resolved() {
        return outstanding() == 0 && status != ChildStatus.PENDING_NEW && status != ChildStatus.WORKING
                && status != ChildStatus.PENDING_CANCEL;
    }

    /** True when a cancel may be sent (the child is live and no cancel is pending). */
    public boolean cancellable() {
        return status == ChildStatus.PENDING_NEW || status == ChildStatus.WORKING;
    }

    /** Records {@code execId}; false when it was already seen (a duplicate report). */
    boolean recordExec(final long execId) {
        return execIds.add(execId);
    }

    void addFill(final long shares) {
        filled += shares;
        if ((status == ChildStatus.PENDING_NEW || status == ChildStatus.WORKING
                || status == ChildStatus.PENDING_CANCEL) && filled >= quantity) {
            status = ChildStatus.FILLED;
        }
    }

    void status(final ChildStatus status) {
        this.status = status;
    }

    void cancelConfirmed(final long cumQuantity) {
        this.cumQuantityAtCancel = cumQuantity;
        this.status = ChildStatus.CANCELLED;
    }

    public long childId() {
        return childId;
    }

    public ParentOrder parent() {
        return parent;
    }

    public long quantity() {
        return quantity;
    }

    public double limitPrice() {
        return limitPrice;
    }

    public long filled() {
        return filled;
    }

    public long sentAt() {
        return sentAt;
    }

    public int slice() {
        return slice;
    }

    public ChildStatus status() {
        return status;
    }
}
