package io.slicer.bench.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A busy synthetic day for the journal benchmarks: one symbol quoting {@link #QUOTES_PER_SECOND} times and trading
 * {@link #TRADES_PER_SECOND} times a second, a timer every second, {@link #ORDERS} parent orders working at once in
 * ten-second slices (re-submitted as they finish), and a venue that acknowledges and fills each child in full one
 * second later. Also the {@link ChildOrderSink} that collects the children it must answer.
 */
final class SyntheticDay implements ChildOrderSink {
    static final long SECOND = 1_000_000_000L;
    static final int QUOTES_PER_SECOND = 8;
    static final int TRADES_PER_SECOND = 2;
    static final int ORDERS = 16;
    private static final int ORDER_SECONDS = 600;

    private final SplittableRandom random;
    private final EngineEvent event = new EngineEvent();
    private long[] pendingChild = new long[1024];
    private long[] pendingParent = new long[1024];
    private long[] pendingQty = new long[1024];
    private double[] pendingPrice = new double[1024];
    private int pending;
    private long nextOrderId = 1;
    private double mid = 100;

    SyntheticDay(final long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                           final long quantity, final double limitPrice) {
        if (pending == pendingChild.length) {
            pendingChild = java.util.Arrays.copyOf(pendingChild, pending * 2);
            pendingParent = java.util.Arrays.copyOf(pendingParent, pending * 2);
            pendingQty = java.util.Arrays.copyOf(pendingQty, pending * 2);
            pendingPrice = java.util.Arrays.copyOf(pendingPrice, pending * 2);
        }
        pendingChild[pending] = childId;
        pendingParent[pending] = parentId;
        pendingQty[pending] = quantity;
        pendingPrice[pending] = limitPrice;
        pending++;
    }

    @Override
    public void onCancelChild(final long childId, final long parentId) {
    }

    /** Emits second {@code t} of the day; the timer (which triggers decisions) is the last event. */
    void second(final long t, final Consumer<EngineEvent> out) {
        final long ts = t * SECOND;
        final int answered = pending;
        for (int i = 0; i < answered; i++) {
            out.accept(event.childAck(ts, pendingParent[i], pendingChild[i]));
            out.accept(event.fill(ts, pendingParent[i], pendingChild[i], 2 * pendingChild[i], pendingQty[i],
                    pendingPrice[i]));
        }
        pending = 0;
        if (t % ORDER_SECONDS == 0) {
            for (int i = 0; i < ORDERS; i++) {
                out.accept(event.quote(ts, 0, mid - 0.01, mid + 0.01, 500, 500));
                out.accept(event.newOrder(ts, nextOrderId++, 0, i % 2 == 0 ? Side.BUY : Side.SELL, 60_000, ts,
                        ts + ORDER_SECONDS * SECOND, ORDER_SECONDS / 10, 0, Double.NaN, Double.NaN, Double.NaN, 0.05,
                        20_000));
            }
        }
        for (int q = 0; q < QUOTES_PER_SECOND; q++) {
            mid = Math.max(1, mid + 0.01 * random.nextGaussian());
            final double m = Math.round(mid * 100) / 100.0;
            out.accept(event.quote(ts + q, 0, m - 0.01, m + 0.01, 300 + random.nextInt(400),
                    300 + random.nextInt(400)));
            if (q < TRADES_PER_SECOND) {
                out.accept(event.trade(ts + q, 0, m, 1_000 + random.nextInt(2_000), 0));
            }
        }
        out.accept(event.timer(ts + QUOTES_PER_SECOND));
    }
}
