package io.slicer.tools.console;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * One parent order on the blotter: what the OMS sent (symbol name, side, size, time window, strategy, model hash),
 * the engine's latest {@link OrderProgress}, the last decision the journal holds for it, and a bounded history of
 * schedule vs actual and IS vs benchmark for the charts. Written by the console's sampler thread, read under its
 * monitor by the HTTP threads.
 */
final class WatchedOrder {
    /** Most points a chart keeps; older points are thinned to every other one. */
    private static final int MAX_POINTS = 400;

    final long orderId;
    final String symbol;
    final int symbolIndex;
    final Side side;
    final long quantity;
    final long startTime;
    final long endTime;
    final String strategy;
    final String modelHash;
    final OrderProgress progress = new OrderProgress();
    final List<double[]> history = new ArrayList<>();
    LastDecision lastDecision;
    boolean seen;
    OrderStatus loggedStatus;
    boolean loggedPaused;

    /** A decision as journaled: slice, action, what it proposed and sent, its features and the policy's raw output. */
    record LastDecision(long timestamp, int slice, int actionIndex, double actionValue, long proposedShares,
                        long childId, long childQuantity, String verdict, float[] features, float[] rawOutput) {
    }

    WatchedOrder(final long orderId, final String symbol, final int symbolIndex, final Side side, final long quantity,
                 final long startTime, final long endTime, final String strategy, final String modelHash) {
        this.orderId = orderId;
        this.symbol = symbol;
        this.symbolIndex = symbolIndex;
        this.side = side;
        this.quantity = quantity;
        this.startTime = startTime;
        this.endTime = endTime;
        this.strategy = strategy;
        this.modelHash = modelHash;
    }

    /** The share of the order's time window elapsed at event time {@code now}: where a straight TWAP would be. */
    double schedule(final long now) {
        if (now <= startTime) {
            return 0;
        }
        if (now >= endTime) {
            return 1;
        }
        return (double) (now - startTime) / (endTime - startTime);
    }

    /** Adds a chart point: event time (s since start), schedule %, filled %, IS bps, benchmark IS bps. */
    void record(final long now) {
        final double[] point = {(now - startTime) / 1e9, 100 * schedule(now),
                100.0 * progress.filled() / quantity, finite(progress.shortfallBps()),
                finite(progress.twapShortfallBps())};
        if (!history.isEmpty()) {
            final double[] last = history.get(history.size() - 1);
            if (last[0] == point[0]) {
                history.set(history.size() - 1, point);
                return;
            }
        }
        history.add(point);
        if (history.size() > MAX_POINTS) {
            for (int i = history.size() - 2; i > 0; i -= 2) {
                history.remove(i);
            }
        }
    }

    private static double finite(final double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
