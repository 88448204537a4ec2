package io.slicer.journal.format;

import io.slicer.journal.sbe.AmendOrderDecoder;
import io.slicer.journal.sbe.AmendTermsDecoder;
import io.slicer.journal.sbe.ApprovalDecoder;
import io.slicer.journal.sbe.AnomalyDecoder;
import io.slicer.journal.sbe.CancelOrderDecoder;
import io.slicer.journal.sbe.ChildAckDecoder;
import io.slicer.journal.sbe.ChildCancelDecoder;
import io.slicer.journal.sbe.ChildCancelledDecoder;
import io.slicer.journal.sbe.ChildRejectDecoder;
import io.slicer.journal.sbe.ControlDecoder;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.FillDecoder;
import io.slicer.journal.sbe.NewOrderDecoder;
import io.slicer.journal.sbe.QuoteDecoder;
import io.slicer.journal.sbe.SealDecoder;
import io.slicer.journal.sbe.SessionDecoder;
import io.slicer.journal.sbe.ShadowDecisionDecoder;
import io.slicer.journal.sbe.StrategyChoiceDecoder;
import io.slicer.journal.sbe.TimerDecoder;
import io.slicer.journal.sbe.TradeDecoder;
import io.slicer.journal.sbe.TransitionDecoder;

/**
 * What a journal record is to replay and recovery: the SESSION of an engine start, the SEAL of its clean close, an
 * INPUT (one message per event type), one of the engine's outputs (DECISION, CHILD_CANCEL, TRANSITION, ANOMALY,
 * SHADOW) or a
 * governance note after a SESSION (APPROVAL, STRATEGY_CHOICE). The SBE template id says which; the answers
 * are the generated codecs' constants, so the writer (on the engine thread) and the reader never consult the schema
 * document ({@link JournalLayout} is for names and documentation).
 */
public enum RecordType {
    SESSION,
    SEAL,
    INPUT,
    DECISION,
    TRANSITION,
    ANOMALY,
    /** A shadow strategy's decision (an output: replay reproduces it bit for bit). */
    SHADOW,
    /** A cancel request the engine sent the venue, and why (an output: replay reproduces it bit for bit). */
    CHILD_CANCEL,
    /** The approval a live model trades under, after its SESSION (neither input nor output: replay skips it). */
    APPROVAL,
    /** A governance decision on the strategy the session's orders use (e.g. demoted to TWAP); replay skips it. */
    STRATEGY_CHOICE;

    /** The kind of record with template id {@code templateId}, or null for none (a corrupt or newer journal). */
    public static RecordType ofTemplate(final int templateId) {
        return switch (templateId) {
            case SessionDecoder.TEMPLATE_ID -> SESSION;
            case SealDecoder.TEMPLATE_ID -> SEAL;
            case QuoteDecoder.TEMPLATE_ID, TradeDecoder.TEMPLATE_ID, NewOrderDecoder.TEMPLATE_ID,
                    CancelOrderDecoder.TEMPLATE_ID, AmendOrderDecoder.TEMPLATE_ID, AmendTermsDecoder.TEMPLATE_ID,
                    ControlDecoder.TEMPLATE_ID,
                    ChildAckDecoder.TEMPLATE_ID, FillDecoder.TEMPLATE_ID, ChildRejectDecoder.TEMPLATE_ID,
                    ChildCancelledDecoder.TEMPLATE_ID, TimerDecoder.TEMPLATE_ID -> INPUT;
            case DecisionDecoder.TEMPLATE_ID -> DECISION;
            case TransitionDecoder.TEMPLATE_ID -> TRANSITION;
            case AnomalyDecoder.TEMPLATE_ID -> ANOMALY;
            case ShadowDecisionDecoder.TEMPLATE_ID -> SHADOW;
            case ChildCancelDecoder.TEMPLATE_ID -> CHILD_CANCEL;
            case ApprovalDecoder.TEMPLATE_ID -> APPROVAL;
            case StrategyChoiceDecoder.TEMPLATE_ID -> STRATEGY_CHOICE;
            default -> null;
        };
    }

    /**
     * The fixed block length of template {@code templateId}'s message at schema {@code version} (this build's or
     * {@link JournalFrame#FORMAT_4}), or -1 for an unknown template: version 5 appended one byte to TRADE
     * ({@code aggressor}) and DECISION ({@code tactic}).
     */
    public static int blockLength(final int templateId, final int version) {
        final int current = blockLength(templateId);
        if (version == JournalFrame.FORMAT_4
                && (templateId == TradeDecoder.TEMPLATE_ID || templateId == DecisionDecoder.TEMPLATE_ID)) {
            return current - 1;
        }
        return current;
    }

    /** The fixed block length of template {@code templateId}'s message, or -1 for an unknown template. */
    public static int blockLength(final int templateId) {
        return switch (templateId) {
            case SessionDecoder.TEMPLATE_ID -> SessionDecoder.BLOCK_LENGTH;
            case SealDecoder.TEMPLATE_ID -> SealDecoder.BLOCK_LENGTH;
            case QuoteDecoder.TEMPLATE_ID -> QuoteDecoder.BLOCK_LENGTH;
            case TradeDecoder.TEMPLATE_ID -> TradeDecoder.BLOCK_LENGTH;
            case NewOrderDecoder.TEMPLATE_ID -> NewOrderDecoder.BLOCK_LENGTH;
            case CancelOrderDecoder.TEMPLATE_ID -> CancelOrderDecoder.BLOCK_LENGTH;
            case AmendOrderDecoder.TEMPLATE_ID -> AmendOrderDecoder.BLOCK_LENGTH;
            case AmendTermsDecoder.TEMPLATE_ID -> AmendTermsDecoder.BLOCK_LENGTH;
            case ControlDecoder.TEMPLATE_ID -> ControlDecoder.BLOCK_LENGTH;
            case ChildAckDecoder.TEMPLATE_ID -> ChildAckDecoder.BLOCK_LENGTH;
            case FillDecoder.TEMPLATE_ID -> FillDecoder.BLOCK_LENGTH;
            case ChildRejectDecoder.TEMPLATE_ID -> ChildRejectDecoder.BLOCK_LENGTH;
            case ChildCancelledDecoder.TEMPLATE_ID -> ChildCancelledDecoder.BLOCK_LENGTH;
            case TimerDecoder.TEMPLATE_ID -> TimerDecoder.BLOCK_LENGTH;
            case DecisionDecoder.TEMPLATE_ID -> DecisionDecoder.BLOCK_LENGTH;
            case TransitionDecoder.TEMPLATE_ID -> TransitionDecoder.BLOCK_LENGTH;
            case AnomalyDecoder.TEMPLATE_ID -> AnomalyDecoder.BLOCK_LENGTH;
            case ShadowDecisionDecoder.TEMPLATE_ID -> ShadowDecisionDecoder.BLOCK_LENGTH;
            case ChildCancelDecoder.TEMPLATE_ID -> ChildCancelDecoder.BLOCK_LENGTH;
            case ApprovalDecoder.TEMPLATE_ID -> ApprovalDecoder.BLOCK_LENGTH;
            case StrategyChoiceDecoder.TEMPLATE_ID -> StrategyChoiceDecoder.BLOCK_LENGTH;
            default -> -1;
        };
    }
}
