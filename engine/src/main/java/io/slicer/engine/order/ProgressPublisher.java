package io.slicer.engine.order;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Publishes a parent order's progress from the engine thread to readers on any other thread (a monitor, the OMS)
 * with a sequence lock: the writer makes the version odd, copies the fields, and makes it even again; a reader copies
 * the fields between two reads of the same even version. Kept apart from the order it publishes, as the Disruptor
 * keeps its {@code Sequence} apart from the data it guards: nothing else of the order is ever touched by another
 * thread.
 *
 * <p>Allocation-free. One writer (the engine thread), any number of readers.
 */
public final class ProgressPublisher {
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(ProgressPublisher.class, "version", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Odd while the engine thread writes; accessed through {@link #VERSION} with release and acquire order. */
    @SuppressWarnings("unused")
    private long version;
    /** Written by the engine thread between the odd and the even version; read field by field by readers. */
    private final OrderProgress current = new OrderProgress();

    /**
     * Engine thread: publishes {@code o}'s current progress; {@code cumulativeMarketVolume} of its symbol. Copies
     * the order's running sums only; the reader derives the ratios ({@link OrderProgress}).
     *
     * <p>Release order, not volatile stores: the odd version is ordered before the field writes by a store-store
     * fence and the field writes before the even version by the release store. On x86 neither costs an instruction,
     * where a volatile store costs a locked one (a full fence) and the engine publishes at every decision and fill.
     */
    public void publish(final ParentOrder o, final double cumulativeMarketVolume) {
        final long v = (long) VERSION.getOpaque(this);
        VERSION.setOpaque(this, v + 1);
        VarHandle.storeStoreFence();
        current.capture(o, cumulativeMarketVolume);
        VERSION.setRelease(this, v + 2);
    }

    /** Any thread: copies a consistent snapshot into {@code out}; false if this slot holds another order. */
    public boolean read(final long orderId, final OrderProgress out) {
        while (true) {
            final long v1 = (long) VERSION.getAcquire(this);
            if ((v1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            out.copyFrom(current);
            VarHandle.loadLoadFence();
            if ((long) VERSION.getOpaque(this) == v1) {
                return v1 != 0 && out.orderId() == orderId;
            }
        }
    }
}
