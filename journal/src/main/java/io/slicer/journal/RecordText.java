package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.engine.risk.TradingState;
import io.slicer.journal.sbe.AnomalyDecoder;
import io.slicer.journal.sbe.ChildCancelDecoder;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.ShadowDecisionDecoder;
import io.slicer.journal.sbe.TransitionDecoder;

/** One line of human-readable text per journal record, for divergence reports and audits. Allocates; not hot. */
public final class RecordText {
    private RecordText() {
    }

    public static String describe(final JournalRecord r) {
        final EngineRecords records = new EngineRecords();
        return switch (r.type()) {
            case SESSION -> "SESSION " + SessionRecord.read(r);
            case SEAL -> "SEAL " + SealRecord.read(r);
            case INPUT -> "INPUT #" + EngineRecords.inputSequence(r) + " " + records.decodeInput(r, new EngineEvent());
            case DECISION -> decision(records.decision(r));
            case TRANSITION -> transition(records.transition(r));
            case CHILD_CANCEL -> childCancel(records.childCancel(r));
            case ANOMALY -> {
                final AnomalyDecoder d = records.anomaly(r);
                yield "ANOMALY input #" + d.inputSequence() + " t=" + d.timestamp() + " " + anomaly(d.anomaly())
                        + " order=" + d.orderId() + " child=" + d.childId();
            }
            case APPROVAL -> "APPROVAL " + StrategyApproval.read(r);
            case STRATEGY_CHOICE -> "STRATEGY_CHOICE " + StrategyChoice.read(r);
            case SHADOW -> {
                final ShadowDecisionDecoder d = records.shadow(r);
                yield "SHADOW input #" + d.inputSequence() + " t=" + d.timestamp() + " order=" + d.orderId()
                        + " slice=" + d.slice() + " strategy=" + d.strategy()
                        + (d.fault() != 0 ? " fault=" + HaltReason.ofCode(d.fault()) : "")
                        + " proposed=" + d.proposedShares() + " would=" + d.quantity() + " @~" + d.estimatedPrice()
                        + " units=" + d.shares() + " estimatedIS=" + d.estimatedIsBps() + "bps action="
                        + d.actionIndex() + "/" + d.actionValue();
            }
        };
    }

    private static String transition(final TransitionDecoder d) {
        return "TRANSITION input #" + d.inputSequence() + " t=" + d.timestamp() + " " + HaltScope.ofCode(d.scope())
                + " " + d.id() + " -> " + TradingState.ofCode(d.state()) + (d.twapFallback() != 0 ? " (TWAP fallback)"
                : "") + " " + HaltReason.ofCode(d.reason()) + " detail=" + d.detail()
                + (d.detailIndex() < 0 ? "" : HaltReason.ofCode(d.reason()) == HaltReason.BAD_MARKET_DATA
                ? " anomaly=" + anomaly(d.detailIndex()) : " feature=" + d.detailIndex());
    }

    private static String childCancel(final ChildCancelDecoder d) {
        return "CHILD_CANCEL input #" + d.inputSequence() + " t=" + d.timestamp() + " order=" + d.orderId()
                + " child=" + d.childId() + " symbol=" + d.symbol() + " open=" + d.openQuantity() + " @"
                + d.limitPrice() + " " + CancelReason.ofCode(d.reason())
                + (d.haltReason() != 0 ? " (" + HaltReason.ofCode(d.haltReason()) + ")" : "");
    }

    private static String anomaly(final int code) {
        for (final InputAnomaly a : InputAnomaly.values()) {
            if (a.code() == code) {
                return a.name();
            }
        }
        return "anomaly code " + code;
    }

    /** A decision's child tactic as written after a spec; {@code ?} in a format-4 record, which has none. */
    private static String tactic(final short ordinal) {
        return ordinal < ChildTactic.values().length ? ChildTactic.values()[ordinal].spec() : "?";
    }

    private static String decision(final DecisionDecoder d) {
        final StringBuilder sb = new StringBuilder("DECISION input #").append(d.inputSequence())
                .append(" t=").append(d.timestamp())
                .append(" order=").append(d.orderId())
                .append(" slice=").append(d.slice())
                .append(" strategy=").append(d.strategy())
                .append(d.fallback() != 0 ? " fallback" : "")
                .append(" proposed=").append(d.proposedShares())
                .append(" child=").append(d.childId())
                .append(" qty=").append(d.childQuantity())
                .append(" @").append(d.childLimitPrice())
                .append(" ref=").append(d.referencePrice())
                .append(" action=").append(d.actionIndex()).append('/').append(d.actionValue())
                .append(' ').append(RiskVerdict.ofCode(d.verdict()))
                .append(" tactic=").append(tactic(d.tactic()))
                .append(" features=[");
        int i = 0;
        for (final DecisionDecoder.FeaturesDecoder f : d.features()) {
            sb.append(i++ == 0 ? "" : ", ").append(f.value());
        }
        sb.append(']');
        final DecisionDecoder.RawOutputDecoder raw = d.rawOutput();
        if (raw.count() > 0) {
            sb.append(" raw=[");
            i = 0;
            for (final DecisionDecoder.RawOutputDecoder o : raw) {
                sb.append(i++ == 0 ? "" : ", ").append(o.value());
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
