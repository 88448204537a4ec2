package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Running totals of what the core did, for a monitor on another thread (the operator console's Prometheus
 * metrics): parent orders received and refused at entry, children sent, fills and child rejects the venue reported,
 * decisions, anomalies, and scopes halted by {@link HaltReason}. Each count equals what the journal holds for the same
 * events (a NEW_ORDER, FILL or CHILD_REJECT input, a DECISION with a child, an ANOMALY, a TRANSITION to HALTED).
 *
 * <p>Written by {@link Outbox} on the engine thread only: a plain read and a release store per count, no allocation,
 * no lock. Read from any thread with acquire loads; a reader sees each count at most one event late.
 */
public final class EngineCounters {
    private static final int ORDERS = 0;
    private static final int ORDERS_REJECTED = 1;
    private static final int CHILDREN = 2;
    private static final int FILLS = 3;
    private static final int CHILD_REJECTS = 4;
    private static final int DECISIONS = 5;
    private static final int ANOMALIES = 6;
    private static final int HALTS = 7;
    private static final HaltReason[] REASONS = HaltReason.values();
    private static final int NEW_ORDER = EventType.NEW_ORDER.ordinal();
    private static final int FILL = EventType.FILL.ordinal();
    private static final int CHILD_REJECT = EventType.CHILD_REJECT.ordinal();

    private final AtomicLongArray counts = new AtomicLongArray(HALTS + REASONS.length);

    EngineCounters() {
    }

    private void increment(final int i) {
        counts.setRelease(i, counts.getPlain(i) + 1);
    }

    void input(final EngineEvent e) {
        final int type = e.type().ordinal();
        if (type == NEW_ORDER) {
            increment(ORDERS);
        } else if (type == FILL) {
            increment(FILLS);
        } else if (type == CHILD_REJECT) {
            increment(CHILD_REJECTS);
        }
    }

    void orderRejected() {
        increment(ORDERS_REJECTED);
    }

    void decision(final long childId) {
        increment(DECISIONS);
        if (childId != 0) {
            increment(CHILDREN);
        }
    }

    void anomaly() {
        increment(ANOMALIES);
    }

    void transition(final HaltScope scope, final TradingState state, final HaltReason reason) {
        if (state == TradingState.HALTED && scope == HaltScope.ORDER) {
            increment(HALTS + reason.ordinal());
        }
    }

    private long read(final int i) {
        return counts.getAcquire(i);
    }

    /** NEW_ORDER inputs received (accepted or not). */
    public long orders() { return read(ORDERS); }
    /** Parent orders refused at entry (duplicate id, invalid, no capacity). */
    public long ordersRejected() { return read(ORDERS_REJECTED); }
    /** Child orders sent to the venue. */
    public long children() { return read(CHILDREN); }
    /** FILL reports received from the venue. */
    public long fills() { return read(FILLS); }
    /** Child orders the venue rejected. */
    public long childRejects() { return read(CHILD_REJECTS); }
    /** Slice decisions, whatever their verdict. */
    public long decisions() { return read(DECISIONS); }
    /** Inputs dropped, clamped or rejected. */
    public long anomalies() { return read(ANOMALIES); }

    /** Parent orders halted for {@code reason} (an order moved to HALTED by the kill switch). */
    public long halts(final HaltReason reason) {
        return read(HALTS + reason.ordinal());
    }
}
