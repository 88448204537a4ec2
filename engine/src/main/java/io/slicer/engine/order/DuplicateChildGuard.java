package io.slicer.engine.order;

/**
 * Remembers the last child an order sent, so that the pre-trade checks can refuse the same child (same quantity and
 * price) sent again within a short window: the symptom of a strategy or OMS loop rather than a decision.
 *
 * <p>Allocation-free. Engine thread.
 */
public final class DuplicateChildGuard {
    private long lastQuantity;
    private double lastPrice = Double.NaN;
    private long lastTime = Long.MIN_VALUE;

    void reset() {
        lastQuantity = 0;
        lastPrice = Double.NaN;
        lastTime = Long.MIN_VALUE;
    }

    /** The same quantity at the same price as the last child, less than {@code window} nanoseconds after it. */
    public boolean isDuplicate(final long quantity, final double price, final long time, final long window) {
        return quantity == lastQuantity && price == lastPrice && lastTime != Long.MIN_VALUE
                && time - lastTime < window;
    }

    /** A child left at {@code time}. */
    public void sent(final long quantity, final double price, final long time) {
        lastQuantity = quantity;
        lastPrice = price;
        lastTime = time;
    }
}
