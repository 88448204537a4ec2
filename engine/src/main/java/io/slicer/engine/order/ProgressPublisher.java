package io.slicer.engine.order;

import io.slicer.engine.risk.HaltReason;

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
    private volatile long version;
    private volatile long publishedOrderId;
    private OrderStatus status = OrderStatus.REJECTED;
    private boolean paused;
    private HaltReason haltReason;
    private boolean fallback;
    private long quantity;
    private long filled;
    private long inFlight;
    private int slice;
    private double shortfallBps;
    private double twapBps;
    private double participation;
    private double averagePrice;

    /** Engine thread: publishes {@code o}'s current progress; {@code cumulativeMarketVolume} of its symbol. */
    public void publish(final ParentOrder o, final double cumulativeMarketVolume) {
        final long v = version;
        version = v + 1;
        VarHandle.storeStoreFence();
        status = o.status();
        paused = o.killSwitchState().paused();
        haltReason = o.killSwitchState().reason();
        fallback = o.killSwitchState().twapFallback();
        quantity = o.quantity();
        filled = o.filled();
        inFlight = o.inFlight();
        slice = o.sliceClock().lastDecidedSlice();
        shortfallBps = o.shortfallBps();
        twapBps = o.yardstick().shortfallBps();
        final double volumeAtStart = o.sliceClock().volumeAtStart();
        final double marketVolume = Double.isNaN(volumeAtStart) ? 0 : cumulativeMarketVolume - volumeAtStart;
        participation = marketVolume > 0 ? o.filled() / marketVolume : 0.0;
        averagePrice = o.filled() > 0 ? o.filledNotional() / o.filled() : Double.NaN;
        publishedOrderId = o.orderId();
        version = v + 2;
    }

    /** Any thread: copies a consistent snapshot into {@code out}; false if this slot holds another order. */
    public boolean read(final long orderId, final OrderProgress out) {
        while (true) {
            final long v1 = version;
            if ((v1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            final long idSeen = publishedOrderId;
            out.set(idSeen, status, paused, haltReason, fallback, quantity, filled, inFlight, slice, shortfallBps,
                    twapBps, participation, averagePrice);
            VarHandle.loadLoadFence();
            if (version == v1) {
                return idSeen == orderId && v1 != 0;
            }
        }
    }
}
