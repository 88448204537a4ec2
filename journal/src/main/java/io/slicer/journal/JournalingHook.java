package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.port.ShadowRecord;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;

/**
 * The engine's journal port, implemented: encodes every input, decision, cancel request, kill-switch transition and
 * anomaly into a
 * {@link RecordSink} on the thread that runs the core; a control input (PAUSE, RESUME, HALT) is on disk before
 * this returns ({@link JournalWriter} forces it), so the engine acknowledges it only once it would survive a crash.
 * While {@link #inputsMuted} (recovery catching up on inputs that are already journaled) inputs are not written
 * again.
 *
 * <p>Allocation-free after construction.
 */
public final class JournalingHook implements EngineJournal {
    private final RecordSink sink;
    private final EngineRecords records = new EngineRecords();
    private boolean inputsMuted;

    public JournalingHook(final RecordSink sink) {
        this.sink = sink;
    }

    public void inputsMuted(final boolean muted) {
        this.inputsMuted = muted;
    }

    @Override
    public void onInput(final long sequence, final EngineEvent event) {
        if (!inputsMuted) {
            // A CONTROL record is forced to disk before commit returns (the journal writer's durability policy),
            // so the engine, which acknowledges a control once this returns and the control is processed, never
            // acknowledges one that a crash could lose.
            sink.commit(records.encodeInput(sink.stage(), sequence, event));
        }
    }

    @Override
    public void onDecision(final DecisionRecord record) {
        sink.commit(records.encodeDecision(sink.stage(), record));
    }

    @Override
    public void onShadowDecision(final ShadowRecord record) {
        sink.commit(records.encodeShadow(sink.stage(), record));
    }

    @Override
    public void onTransition(final long sequence, final long timestamp, final HaltScope scope, final long id,
                             final TradingState state, final boolean twapFallback, final HaltReason reason,
                             final double detail, final int detailIndex) {
        sink.commit(records.encodeTransition(sink.stage(), sequence, timestamp, scope, id, state, twapFallback,
                reason, detail, detailIndex));
    }

    @Override
    public void onChildCancel(final long sequence, final long timestamp, final long orderId, final long childId,
                              final int symbol, final double limitPrice, final long openQuantity,
                              final CancelReason reason, final HaltReason haltReason) {
        sink.commit(records.encodeChildCancel(sink.stage(), sequence, timestamp, orderId, childId, symbol, limitPrice,
                openQuantity, reason, haltReason));
    }

    @Override
    public void onAnomaly(final long sequence, final long timestamp, final InputAnomaly anomaly, final long orderId,
                          final long childId) {
        sink.commit(records.encodeAnomaly(sink.stage(), sequence, timestamp, anomaly, orderId, childId));
    }
}
