package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.port.ShadowRecord;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test journal: copies every input and renders every output as a line, so two runs can be compared exactly. */
final class RecordingJournal implements EngineJournal {
    final List<EngineEvent> inputs = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();
    final List<HaltReason> halts = new ArrayList<>();
    final List<InputAnomaly> anomalies = new ArrayList<>();
    final List<DecisionRecordCopy> decisions = new ArrayList<>();
    final List<ShadowCopy> shadows = new ArrayList<>();
    final List<CancelCopy> cancels = new ArrayList<>();
    /** The sink the same core sends to, when set: each cancel record notes how many cancels it had sent before. */
    RecordingSink sink;

    record CancelCopy(long sequence, long timestamp, long orderId, long childId, int symbol, double limitPrice,
                      long openQuantity, CancelReason reason, HaltReason haltReason, int cancelsSentBefore) {
    }

    record ShadowCopy(long sequence, long orderId, int strategy, int slice, HaltReason fault, long proposed,
                      long quantity, double estimatedPrice, long shares, double estimatedIsBps) {
    }

    @Override
    public void onShadowDecision(final ShadowRecord r) {
        shadows.add(new ShadowCopy(r.sequence(), r.orderId(), r.strategy(), r.slice(), r.fault(),
                r.proposedShares(), r.quantity(), r.estimatedPrice(), r.shares(), r.estimatedIsBps()));
    }

    record DecisionRecordCopy(long orderId, int slice, long childId, long childQuantity, double limit,
                              io.slicer.engine.risk.RiskVerdict verdict, boolean fallback, float[] features,
                              io.slicer.engine.order.ChildTactic tactic) {
    }

    @Override
    public void onInput(final long sequence, final EngineEvent event) {
        if (sequence != inputs.size()) {
            throw new AssertionError("sequence " + sequence + " after " + inputs.size() + " inputs");
        }
        inputs.add(new EngineEvent().copyFrom(event));
    }

    @Override
    public void onDecision(final DecisionRecord r) {
        outputs.add("D " + r + " f=" + Arrays.toString(r.features()) + " raw="
                + Arrays.toString(Arrays.copyOf(r.rawOutput(), r.rawOutputLength())));
        decisions.add(new DecisionRecordCopy(r.orderId(), r.slice(), r.childId(), r.childQuantity(),
                r.childLimitPrice(), r.verdict(), r.fallback(), r.features().clone(), r.tactic()));
    }

    @Override
    public void onTransition(final long sequence, final long timestamp, final HaltScope scope, final long id,
                             final TradingState state, final boolean twapFallback, final HaltReason reason,
                             final double detail, final int detailIndex) {
        outputs.add("T " + sequence + " " + timestamp + " " + scope + " " + id + " " + state
                + (twapFallback ? " fallback " : " ") + reason + " " + detail + " " + detailIndex);
        if (state == TradingState.HALTED || twapFallback) {
            halts.add(reason);
        }
    }

    @Override
    public void onAnomaly(final long sequence, final long timestamp, final InputAnomaly anomaly, final long orderId,
                          final long childId) {
        outputs.add("A " + sequence + " " + timestamp + " " + anomaly + " " + orderId + " " + childId);
        anomalies.add(anomaly);
    }

    @Override
    public void onChildCancel(final long sequence, final long timestamp, final long orderId, final long childId,
                              final int symbol, final double limitPrice, final long openQuantity,
                              final CancelReason reason, final HaltReason haltReason) {
        outputs.add("C " + sequence + " " + timestamp + " " + orderId + " " + childId + " " + symbol + " "
                + limitPrice + " " + openQuantity + " " + reason + " " + haltReason);
        cancels.add(new CancelCopy(sequence, timestamp, orderId, childId, symbol, limitPrice, openQuantity, reason,
                haltReason, sink == null ? -1 : sink.cancels.size()));
    }
}
