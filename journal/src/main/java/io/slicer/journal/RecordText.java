package io.slicer.journal;

import io.slicer.engine.core.InputAnomaly;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.RiskVerdict;

import static io.slicer.journal.format.JournalRecordDescriptor.*;

/** One line of human-readable text per journal record, for divergence reports and audits. Allocates; not hot. */
public final class RecordText {
    private RecordText() {
    }

    public static String describe(final JournalRecord r) {
        return switch (r.type()) {
            case SESSION -> "SESSION " + SessionRecord.read(r);
            case INPUT -> "INPUT #" + r.getLong(INPUT_SEQUENCE) + " "
                    + EngineRecords.decodeInput(r, new EngineEvent());
            case DECISION -> decision(r);
            case HALT -> "HALT input #" + r.getLong(HALT_INPUT_SEQUENCE) + " t=" + r.getLong(HALT_TIMESTAMP) + " "
                    + HaltScope.ofCode(r.getInt(HALT_SCOPE)) + " " + r.getLong(HALT_ID) + " "
                    + HaltReason.ofCode(r.getInt(HALT_REASON)) + " detail=" + r.getDouble(HALT_DETAIL)
                    + (r.getInt(HALT_DETAIL_INDEX) >= 0 ? " feature=" + r.getInt(HALT_DETAIL_INDEX) : "");
            case ANOMALY -> "ANOMALY input #" + r.getLong(ANOMALY_INPUT_SEQUENCE) + " t="
                    + r.getLong(ANOMALY_TIMESTAMP) + " " + anomaly(r.getInt(ANOMALY_CODE)) + " order="
                    + r.getLong(ANOMALY_ORDER_ID) + " child=" + r.getLong(ANOMALY_CHILD_ID);
        };
    }

    private static String anomaly(final int code) {
        for (final InputAnomaly a : InputAnomaly.values()) {
            if (a.code() == code) {
                return a.name();
            }
        }
        return "anomaly code " + code;
    }

    private static String decision(final JournalRecord r) {
        final StringBuilder sb = new StringBuilder("DECISION input #").append(r.getLong(DECISION_INPUT_SEQUENCE))
                .append(" t=").append(r.getLong(DECISION_TIMESTAMP))
                .append(" order=").append(r.getLong(DECISION_ORDER_ID))
                .append(" period=").append(r.getInt(DECISION_PERIOD))
                .append(" strategy=").append(r.getInt(DECISION_STRATEGY))
                .append(r.getInt(DECISION_FALLBACK) != 0 ? " fallback" : "")
                .append(" proposed=").append(r.getLong(DECISION_PROPOSED_SHARES))
                .append(" child=").append(r.getLong(DECISION_CHILD_ID))
                .append(" qty=").append(r.getLong(DECISION_CHILD_QUANTITY))
                .append(" @").append(r.getDouble(DECISION_CHILD_LIMIT_PRICE))
                .append(" ref=").append(r.getDouble(DECISION_REFERENCE_PRICE))
                .append(" action=").append(r.getInt(DECISION_ACTION_INDEX)).append('/')
                .append(r.getDouble(DECISION_ACTION_VALUE))
                .append(' ').append(RiskVerdict.ofCode(r.getInt(DECISION_RISK_VERDICT)))
                .append(" features=[");
        final int features = r.getInt(DECISION_FEATURE_COUNT);
        for (int i = 0; i < features; i++) {
            sb.append(i == 0 ? "" : ", ").append(r.getFloat(DECISION_FEATURES + 4 * i));
        }
        sb.append(']');
        final int outputs = r.getInt(DECISION_OUTPUT_COUNT);
        if (outputs > 0) {
            sb.append(" raw=[");
            final int at = decisionOutputsOffset(features);
            for (int i = 0; i < outputs; i++) {
                sb.append(i == 0 ? "" : ", ").append(r.getFloat(at + 4 * i));
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
