package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.order.ChildOrder;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.port.ShadowRecord;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;

/**
 * The one way out of the core, as Aeron's {@code ConsensusModuleAgent} sends only through its publishers: every
 * child order and cancel to the venue, every parent status to the OMS, every journal record (inputs, decisions,
 * cancel requests, kill-switch transitions, anomalies), stamped with the {@link EngineClock}'s sequence and time,
 * and every progress snapshot other threads read. It owns the {@link ChildOrderSink}, the {@link EngineJournal} and
 * the clock; no other class of the engine calls either port ({@code EngineArchitectureTest} pins it). Each message to
 * the venue counts against the {@link MessageThrottle}; each cancel is journaled before it leaves.
 *
 * <p>Allocation-free. Engine thread.
 */
final class Outbox {
    private final ChildOrderSink venue;
    private final EngineJournal journal;
    private final EngineClock clock;
    private final MessageThrottle throttle;
    private final EngineCounters counters = new EngineCounters();
    private long cancelsSent;

    Outbox(final ChildOrderSink venue, final EngineJournal journal, final EngineClock clock,
           final MessageThrottle throttle) {
        this.venue = venue;
        this.journal = journal;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** Starts the next input: journals it under its sequence number, before it is applied. */
    void input(final EngineEvent event) {
        journal.onInput(clock.nextEvent(), event);
        counters.input(event);
    }

    /** A slice decision, whatever its verdict. */
    void decision(final DecisionRecord record) {
        journal.onDecision(record);
        counters.decision(record.childId());
    }

    /** A shadow strategy's decision: journaled only; a shadow never reaches the venue. */
    void shadow(final ShadowRecord record) {
        journal.onShadowDecision(record);
    }

    /** A kill-switch transition of a scope; journaled before anything it causes. */
    void transition(final HaltScope scope, final long id, final TradingState state, final boolean twapFallback,
                    final HaltReason reason, final double detail, final int detailIndex) {
        journal.onTransition(clock.currentSequence(), clock.now(), scope, id, state, twapFallback, reason, detail,
                detailIndex);
        counters.transition(scope, state, reason);
    }

    /** An input the core could not apply as given. */
    void anomaly(final InputAnomaly anomaly, final long orderId, final long childId) {
        journal.onAnomaly(clock.currentSequence(), clock.now(), anomaly, orderId, childId);
        counters.anomaly();
    }

    /** A new child to the venue. */
    void newChild(final ChildOrder c) {
        throttle.record(clock.now());
        final ParentOrder o = c.parent();
        venue.onNewChild(c.childId(), o.orderId(), o.symbol(), o.side(), c.quantity(), c.limitPrice());
    }

    /**
     * A cancel request to the venue, journaled before it leaves: the record names the child, its price and open
     * quantity, and why ({@code haltReason}: the kill switch's, or null).
     */
    void cancelChild(final ChildOrder c, final CancelReason reason, final HaltReason haltReason) {
        final ParentOrder o = c.parent();
        journal.onChildCancel(clock.currentSequence(), clock.now(), o.orderId(), c.childId(), o.symbol(),
                c.limitPrice(), c.quantity() - c.filled(), reason, haltReason);
        venue.onCancelChild(c.childId(), o.orderId());
        throttle.record(clock.now());
        cancelsSent++;
    }

    /** The order's lifecycle status to the OMS. */
    void parentStatus(final ParentOrder o) {
        venue.onParentStatus(o.orderId(), o.status());
    }

    /** An order the OMS sent was refused at entry. */
    void rejected(final long orderId) {
        venue.onParentStatus(orderId, OrderStatus.REJECTED);
        counters.orderRejected();
    }

    /** The order's progress for readers on other threads; {@code cumulativeVolume} of its symbol. */
    void progress(final ParentOrder o, final double cumulativeVolume) {
        o.progress().publish(o, cumulativeVolume);
    }

    /** Cancel requests sent to the venue (each journaled as a cancel record before it left). */
    long cancelsSent() {
        return cancelsSent;
    }

    EngineCounters counters() {
        return counters;
    }

    EngineClock clock() {
        return clock;
    }
}
