package io.slicer.engine.core;

import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.strategy.SliceStrategy;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The parent orders the engine holds: a fixed pool of {@link ParentOrder} slots made at construction, the strategy
 * instance working each slot's order, the orders in the book in entry order (the order every timer and halt visits
 * them in, for determinism), and the index by order id. A slot is reused once its order is terminal with nothing in
 * flight, oldest first, when no free slot is left.
 *
 * <p>Allocation-free after construction. Engine thread, except {@link #progress} (any thread).
 */
final class OrderBook {
    private final ParentOrder[] slots;
    private final SliceStrategy[] strategies;
    private final ParentOrder[] free;
    private int freeCount;
    private final ParentOrder[] entered;
    private int size;
    private final Long2ObjectHashMap<ParentOrder> byId;

    OrderBook(final EngineConfig config) {
        final int maxOrders = config.maxOrders;
        this.slots = new ParentOrder[maxOrders];
        this.strategies = new SliceStrategy[maxOrders];
        this.free = new ParentOrder[maxOrders];
        for (int i = maxOrders - 1; i >= 0; i--) {
            slots[i] = new ParentOrder(i, config.maxLiveChildrenPerOrder, config.volatilityDecay);
            free[freeCount++] = slots[i];
        }
        this.entered = new ParentOrder[maxOrders];
        this.byId = new Long2ObjectHashMap<>(maxOrders * 2, 0.5f);
    }

    boolean contains(final long orderId) {
        return byId.containsKey(orderId);
    }

    /** The order with this id, or null. */
    ParentOrder get(final long orderId) {
        return byId.get(orderId);
    }

    /** A free slot, or the oldest terminal order with nothing in flight (recycled); null when the book is full. */
    ParentOrder takeSlot() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        for (int i = 0; i < size; i++) {
            final ParentOrder o = entered[i];
            if (!o.isOpen() && o.liveChildCount() == 0) {
                System.arraycopy(entered, i + 1, entered, i, size - i - 1);
                entered[--size] = null;
                byId.remove(o.orderId());
                strategies[o.slot()] = null;
                return o;
            }
        }
        return null;
    }

    /**
     * Enters an order just opened in a slot from {@link #takeSlot}, after every order entered before it, worked by
     * {@code strategy} (null when none could be made: the order is halted at entry).
     */
    void enter(final ParentOrder order, final SliceStrategy strategy) {
        entered[size++] = order;
        strategies[order.slot()] = strategy;
        byId.put(order.orderId(), order);
    }

    /** {@code strategy} works {@code order} from now on (re-made from amended terms; null when it could not be). */
    void replaceStrategy(final ParentOrder order, final SliceStrategy strategy) {
        strategies[order.slot()] = strategy;
    }

    /** The strategy instance working {@code order}. */
    SliceStrategy strategy(final ParentOrder order) {
        return strategies[order.slot()];
    }

    /** Orders in the book, open or terminal. */
    int size() {
        return size;
    }

    /** The i-th order in entry order, {@code 0 <= i < size()}. */
    ParentOrder at(final int i) {
        return entered[i];
    }

    /**
     * Any thread: copies the order's latest published progress into {@code out}; false if no slot holds the order.
     * Scans the slots, so call it at monitoring rates, not per event.
     */
    boolean progress(final long orderId, final OrderProgress out) {
        for (final ParentOrder o : slots) {
            if (o.progress().read(orderId, out)) {
                return true;
            }
        }
        return false;
    }
}
