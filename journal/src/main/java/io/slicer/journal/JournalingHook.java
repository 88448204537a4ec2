package io.slicer.journal;

import io.slicer.engine.core.DecisionRecord;
import io.slicer.engine.core.EngineJournal;
import io.slicer.engine.core.InputAnomaly;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.journal.format.RecordType;

/**
 * The engine's journal hook: encodes every input, decision, halt and anomaly into a {@link RecordSink} on the thread
 * that runs the core. While {@link #inputsMuted} (recovery catching up on inputs that are already journaled) inputs
 * are not written again.
 *
 * <p>Allocation-free after construction.
 */
public final class JournalingHook implements EngineJournal {
    private final RecordSink sink;
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
            sink.commit(RecordType.INPUT, EngineRecords.encodeInput(sink.stage(), sequence, event));
        }
    }

    @Override
    public void onDecision(final DecisionRecord record) {
        sink.commit(RecordType.DECISION, EngineRecords.encodeDecision(sink.stage(), record));
    }

    @Override
    public void onHalt(final long sequence, final long timestamp, final HaltScope scope, final long id,
                       final HaltReason reason, final double detail, final int detailIndex) {
        sink.commit(RecordType.HALT, EngineRecords.encodeHalt(sink.stage(), sequence, timestamp, scope, id, reason,
                detail, detailIndex));
    }

    @Override
    public void onAnomaly(final long sequence, final long timestamp, final InputAnomaly anomaly, final long orderId,
                          final long childId) {
        sink.commit(RecordType.ANOMALY, EngineRecords.encodeAnomaly(sink.stage(), sequence, timestamp, anomaly,
                orderId, childId));
    }
}
