package io.slicer.tools.console;

import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The console's view of the parent orders it watches: refreshed by {@link #sample()} on the console's own thread from
 * the engine's progress snapshots (and the journal's decisions, when it has the journal), rendered as the JSON rows
 * of {@code GET /api/orders} and the live stream. Logs each order's lifecycle (accepted, paused, resumed, halted,
 * filled) as it sees it change.
 */
final class Blotter implements AutoCloseable {
    private final SlicerEngine engine;
    private final LongSupplier eventTime;
    private final Map<Long, WatchedOrder> orders = new LinkedHashMap<>();
    private final DecisionTail decisions;

    Blotter(final SlicerEngine engine, final LongSupplier eventTime, final Path journalDir) {
        this.engine = engine;
        this.eventTime = eventTime;
        this.decisions = journalDir == null ? null : new DecisionTail(journalDir);
    }

    synchronized void watch(final WatchedOrder order) {
        orders.put(order.orderId, order);
    }

    synchronized WatchedOrder order(final long orderId) {
        return orders.get(orderId);
    }

    synchronized List<WatchedOrder> orders() {
        return new ArrayList<>(orders.values());
    }

    /** Journal records the decision tail has read (0 without a journal). */
    synchronized long journalRecordsRead() {
        return decisions == null ? 0 : decisions.recordsRead();
    }

    /** The console's thread: one refresh of every watched order. */
    void sample() {
        final long now = eventTime.getAsLong();
        for (final WatchedOrder o : orders()) {
            synchronized (o) {
                if (!engine.progress(o.orderId, o.progress)) {
                    continue;
                }
                o.record(now);
                logChanges(o);
            }
        }
        synchronized (this) {
            if (decisions != null) {
                decisions.poll(orders::get);
            }
        }
    }

    private static void logChanges(final WatchedOrder o) {
        if (!o.seen) {
            o.seen = true;
            LifecycleLog.event("order.accepted", "orderId", o.orderId, "symbol", o.symbol, "side", o.side.name(),
                    "quantity", o.quantity, "strategy", o.strategy);
        }
        final OrderStatus status = o.progress.status();
        if (o.progress.paused() != o.loggedPaused) {
            o.loggedPaused = o.progress.paused();
            LifecycleLog.event(o.loggedPaused ? "order.paused" : "order.resumed", "orderId", o.orderId);
        }
        if (status != o.loggedStatus) {
            o.loggedStatus = status;
            if (status == OrderStatus.HALTED) {
                LifecycleLog.event("order.halted", "orderId", o.orderId, "reason",
                        String.valueOf(o.progress.haltReason()), "filled", o.progress.filled());
            } else if (status == OrderStatus.FILLED) {
                LifecycleLog.event("order.filled", "orderId", o.orderId, "filled", o.progress.filled(),
                        "isBps", o.progress.shortfallBps(), "benchmarkIsBps", o.progress.twapShortfallBps());
            } else if (status != OrderStatus.OPEN) {
                LifecycleLog.event("order." + status.name().toLowerCase(Locale.ROOT), "orderId", o.orderId);
            }
        }
    }

    /** Open orders among those watched (a gauge). */
    long openOrders() {
        long open = 0;
        for (final WatchedOrder o : orders()) {
            synchronized (o) {
                if (o.seen && o.progress.status() == OrderStatus.OPEN) {
                    open++;
                }
            }
        }
        return open;
    }

    /** One order's row with its chart history ({@code GET /api/orders/{id}}), or null when not watched. */
    Map<String, Object> row(final long orderId) {
        final WatchedOrder o = order(orderId);
        if (o == null) {
            return null;
        }
        synchronized (o) {
            return row(o, eventTime.getAsLong(), true);
        }
    }

    /** The rows of {@code GET /api/orders}, with chart history when {@code withHistory}. */
    List<Map<String, Object>> rows(final boolean withHistory) {
        final long now = eventTime.getAsLong();
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (final WatchedOrder o : orders()) {
            synchronized (o) {
                rows.add(row(o, now, withHistory));
            }
        }
        return rows;
    }

    private static Map<String, Object> row(final WatchedOrder o, final long now, final boolean withHistory) {
        final Map<String, Object> r = new LinkedHashMap<>();
        final var p = o.progress;
        r.put("id", o.orderId);
        r.put("symbol", o.symbol);
        r.put("side", o.side == Side.BUY ? "BUY" : "SELL");
        r.put("quantity", o.quantity);
        r.put("filled", o.seen ? p.filled() : 0);
        r.put("inFlight", o.seen ? p.inFlight() : 0);
        r.put("filledPct", o.seen ? 100.0 * p.filled() / o.quantity : 0.0);
        r.put("schedulePct", 100 * o.schedule(now));
        r.put("status", o.seen ? p.status().name() : "PENDING");
        r.put("paused", o.seen && p.paused());
        r.put("isBps", o.seen ? number(p.shortfallBps()) : null);
        r.put("benchmarkIsBps", o.seen ? number(p.twapShortfallBps()) : null);
        r.put("participation", o.seen ? number(p.participation()) : null);
        r.put("averagePrice", o.seen ? number(p.averagePrice()) : null);
        r.put("slice", o.seen ? p.slice() : -1);
        r.put("strategy", o.strategy);
        r.put("modelHash", o.modelHash);
        r.put("killSwitch", !o.seen ? "-" : p.status() == OrderStatus.HALTED ? "HALTED"
                : p.paused() ? "PAUSED" : p.fallback() ? "TWAP_FALLBACK" : "ACTIVE");
        r.put("haltReason", o.seen && p.haltReason() != null ? p.haltReason().name() : null);
        final WatchedOrder.LastDecision d = o.lastDecision;
        if (d != null) {
            final Map<String, Object> last = new LinkedHashMap<>();
            last.put("timestamp", d.timestamp());
            last.put("slice", d.slice());
            last.put("actionIndex", d.actionIndex());
            last.put("actionValue", number(d.actionValue()));
            last.put("proposedShares", d.proposedShares());
            last.put("childId", d.childId());
            last.put("childQuantity", d.childQuantity());
            last.put("verdict", d.verdict());
            last.put("features", floats(d.features()));
            last.put("rawOutput", floats(d.rawOutput()));
            r.put("lastDecision", last);
        } else {
            r.put("lastDecision", null);
        }
        if (withHistory) {
            r.put("history", new ArrayList<>(o.history));
        }
        return r;
    }

    private static Double number(final double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<Double> floats(final float[] values) {
        final List<Double> out = new ArrayList<>(values.length);
        for (final float v : values) {
            out.add(Double.isFinite(v) ? (double) v : null);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (decisions != null) {
            decisions.close();
        }
    }
}
