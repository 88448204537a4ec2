package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.port.ShadowRecord;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.OperatorRole;
import io.slicer.engine.risk.TradingState;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.sbe.AmendOrderDecoder;
import io.slicer.journal.sbe.AmendOrderEncoder;
import io.slicer.journal.sbe.AmendTermsDecoder;
import io.slicer.journal.sbe.AmendTermsEncoder;
import io.slicer.journal.sbe.AnomalyDecoder;
import io.slicer.journal.sbe.AnomalyEncoder;
import io.slicer.journal.sbe.CancelOrderDecoder;
import io.slicer.journal.sbe.CancelOrderEncoder;
import io.slicer.journal.sbe.ChildAckDecoder;
import io.slicer.journal.sbe.ChildAckEncoder;
import io.slicer.journal.sbe.ChildCancelDecoder;
import io.slicer.journal.sbe.ChildCancelEncoder;
import io.slicer.journal.sbe.ChildCancelledDecoder;
import io.slicer.journal.sbe.ChildCancelledEncoder;
import io.slicer.journal.sbe.ChildRejectDecoder;
import io.slicer.journal.sbe.ChildRejectEncoder;
import io.slicer.journal.sbe.ControlDecoder;
import io.slicer.journal.sbe.ControlEncoder;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.DecisionEncoder;
import io.slicer.journal.sbe.FillDecoder;
import io.slicer.journal.sbe.FillEncoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.MessageHeaderEncoder;
import io.slicer.journal.sbe.NewOrderDecoder;
import io.slicer.journal.sbe.NewOrderEncoder;
import io.slicer.journal.sbe.QuoteDecoder;
import io.slicer.journal.sbe.QuoteEncoder;
import io.slicer.journal.sbe.ShadowDecisionDecoder;
import io.slicer.journal.sbe.ShadowDecisionEncoder;
import io.slicer.journal.sbe.TimerDecoder;
import io.slicer.journal.sbe.TimerEncoder;
import io.slicer.journal.sbe.TradeDecoder;
import io.slicer.journal.sbe.TradeEncoder;
import io.slicer.journal.sbe.TransitionDecoder;
import io.slicer.journal.sbe.TransitionEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Encodes the engine's inputs and outputs into journal records with the codecs SBE generated from
 * {@code slicer-journal.xml}, one message per event type, and decodes inputs back into ring events. The mapping
 * between an {@link EngineEvent} type and its message is written here once in each direction; every offset is the
 * generated codec's.
 *
 * <p>Holds one flyweight per message, so one instance per thread. Allocation-free.
 */
public final class EngineRecords {
    private static final int AT = JournalFrame.MESSAGE_OFFSET;
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerIn = new MessageHeaderDecoder();
    private final DecisionDecoder decisionIn = new DecisionDecoder();
    private final TransitionDecoder transitionIn = new TransitionDecoder();
    private final AnomalyDecoder anomalyIn = new AnomalyDecoder();
    private final ChildCancelEncoder childCancel = new ChildCancelEncoder();
    private final ChildCancelDecoder childCancelIn = new ChildCancelDecoder();
    private final QuoteEncoder quote = new QuoteEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancel = new CancelOrderEncoder();
    private final AmendOrderEncoder amend = new AmendOrderEncoder();
    private final AmendTermsEncoder amendTerms = new AmendTermsEncoder();
    private final ControlEncoder control = new ControlEncoder();
    private final ChildAckEncoder ack = new ChildAckEncoder();
    private final FillEncoder fill = new FillEncoder();
    private final ChildRejectEncoder reject = new ChildRejectEncoder();
    private final ChildCancelledEncoder cancelled = new ChildCancelledEncoder();
    private final TimerEncoder timer = new TimerEncoder();
    private final DecisionEncoder decision = new DecisionEncoder();
    private final TransitionEncoder transition = new TransitionEncoder();
    private final AnomalyEncoder anomaly = new AnomalyEncoder();
    private final ShadowDecisionEncoder shadow = new ShadowDecisionEncoder();
    private final ShadowDecisionDecoder shadowIn = new ShadowDecisionDecoder();
    private final QuoteDecoder quoteIn = new QuoteDecoder();
    private final TradeDecoder tradeIn = new TradeDecoder();
    private final NewOrderDecoder newOrderIn = new NewOrderDecoder();
    private final CancelOrderDecoder cancelIn = new CancelOrderDecoder();
    private final AmendOrderDecoder amendIn = new AmendOrderDecoder();
    private final AmendTermsDecoder amendTermsIn = new AmendTermsDecoder();
    private final ControlDecoder controlIn = new ControlDecoder();
    private final ChildAckDecoder ackIn = new ChildAckDecoder();
    private final FillDecoder fillIn = new FillDecoder();
    private final ChildRejectDecoder rejectIn = new ChildRejectDecoder();
    private final ChildCancelledDecoder cancelledIn = new ChildCancelledDecoder();
    private final TimerDecoder timerIn = new TimerDecoder();

    /** Writes the input message of {@code e} (input {@code sequence}) into {@code r}; returns its length. */
    public int encodeInput(final JournalRecord r, final long sequence, final EngineEvent e) {
        final UnsafeBuffer b = r.buffer();
        return HEADER + switch (e.type()) {
            case QUOTE -> quote.wrapAndApplyHeader(b, AT, header).inputSequence(sequence).timestamp(e.timestamp())
                    .symbol(e.symbol()).bid(e.bid()).ask(e.ask()).bidSize(e.bidSize()).askSize(e.askSize())
                    .encodedLength();
            case TRADE -> trade.wrapAndApplyHeader(b, AT, header).inputSequence(sequence).timestamp(e.timestamp())
                    .symbol(e.symbol()).price(e.price()).size(e.size()).aggressor((byte) e.aggressor()).encodedLength();
            case NEW_ORDER -> newOrder.wrapAndApplyHeader(b, AT, header).inputSequence(sequence)
                    .timestamp(e.timestamp()).orderId(e.orderId()).symbol(e.symbol()).side(side(e.side()))
                    .quantity(e.quantity()).startTime(e.startTime()).endTime(e.endTime()).slices(e.slices())
                    .strategy(e.strategy()).limitPrice(e.limitPrice()).wouldPrice(e.wouldPrice())
                    .urgency(e.urgency()).referenceVolatility(e.referenceVolatility())
                    .expectedVolume(e.expectedVolume()).expectedRemainingVolume(e.expectedRemainingVolume())
                    .encodedLength();
            case CANCEL_ORDER -> cancel.wrapAndApplyHeader(b, AT, header).inputSequence(sequence)
                    .timestamp(e.timestamp()).orderId(e.orderId()).encodedLength();
            // An amend of limit, urgency or volumes only keeps its original record, so journals written before
            // AmendTerms existed and after it hold the same bytes for it.
            case AMEND_ORDER -> e.amendsTerms() ? amendTerms.wrapAndApplyHeader(b, AT, header)
                    .inputSequence(sequence).timestamp(e.timestamp()).orderId(e.orderId())
                    .limitPrice(e.limitPrice()).urgency(e.urgency()).expectedVolume(e.expectedVolume())
                    .expectedRemainingVolume(e.expectedRemainingVolume()).quantity(e.quantity())
                    .endTime(e.endTime()).encodedLength()
                    : amend.wrapAndApplyHeader(b, AT, header).inputSequence(sequence)
                    .timestamp(e.timestamp()).orderId(e.orderId()).limitPrice(e.limitPrice()).urgency(e.urgency())
                    .expectedVolume(e.expectedVolume()).expectedRemainingVolume(e.expectedRemainingVolume())
                    .encodedLength();
            case PAUSE, RESUME, HALT -> control.wrapAndApplyHeader(b, AT, header).inputSequence(sequence)
                    .timestamp(e.timestamp()).target(e.scopeId()).eventType((short) e.type().code())
                    .scope((short) e.scope().code()).role((short) e.role().code())
                    .reason((short) e.reason().code()).encodedLength();
            case CHILD_ACK -> ack.wrapAndApplyHeader(b, AT, header).inputSequence(sequence).timestamp(e.timestamp())
                    .orderId(e.orderId()).childId(e.childId()).encodedLength();
            case FILL -> fill.wrapAndApplyHeader(b, AT, header).inputSequence(sequence).timestamp(e.timestamp())
                    .orderId(e.orderId()).childId(e.childId()).execId(e.execId()).quantity(e.quantity())
                    .price(e.price()).encodedLength();
            case CHILD_REJECT -> reject.wrapAndApplyHeader(b, AT, header).inputSequence(sequence)
                    .timestamp(e.timestamp()).orderId(e.orderId()).childId(e.childId()).encodedLength();
            case CHILD_CANCELLED -> cancelled.wrapAndApplyHeader(b, AT, header).inputSequence(sequence)
                    .timestamp(e.timestamp()).orderId(e.orderId()).childId(e.childId())
                    .cumQuantity(e.cumQuantity()).encodedLength();
            case TIMER -> timer.wrapAndApplyHeader(b, AT, header).inputSequence(sequence).timestamp(e.timestamp())
                    .encodedLength();
        };
    }

    /**
     * Rebuilds the ring event of an input record into {@code into}.
     *
     * @throws IllegalArgumentException when the record is no input, or a code (event type, side, scope) is unknown
     */
    public EngineEvent decodeInput(final JournalRecord r, final EngineEvent into) {
        final UnsafeBuffer b = r.buffer();
        headerIn.wrap(b, AT);
        final int block = headerIn.blockLength();
        final int version = headerIn.version();
        final int body = JournalFrame.BODY_OFFSET;
        switch (headerIn.templateId()) {
            case QuoteDecoder.TEMPLATE_ID -> {
                final QuoteDecoder d = quoteIn.wrap(b, body, block, version);
                return into.quote(d.timestamp(), d.symbol(), d.bid(), d.ask(), d.bidSize(), d.askSize());
            }
            case TradeDecoder.TEMPLATE_ID -> {
                final TradeDecoder d = tradeIn.wrap(b, body, block, version);
                // A format-4 trade carries no aggressor: its decoder gives the null value, read as unknown.
                final byte aggressor = d.aggressor();
                return into.trade(d.timestamp(), d.symbol(), d.price(), d.size(),
                        aggressor == TradeDecoder.aggressorNullValue() ? 0 : aggressor);
            }
            case NewOrderDecoder.TEMPLATE_ID -> {
                final NewOrderDecoder d = newOrderIn.wrap(b, body, block, version);
                return into.newOrder(d.timestamp(), d.orderId(), d.symbol(), side(r, d.side()), d.quantity(),
                        d.startTime(), d.endTime(), d.slices(), d.strategy(), d.limitPrice(), d.wouldPrice(),
                        d.urgency(), d.referenceVolatility(), d.expectedVolume(), d.expectedRemainingVolume());
            }
            case CancelOrderDecoder.TEMPLATE_ID -> {
                final CancelOrderDecoder d = cancelIn.wrap(b, body, block, version);
                return into.cancelOrder(d.timestamp(), d.orderId());
            }
            case AmendOrderDecoder.TEMPLATE_ID -> {
                final AmendOrderDecoder d = amendIn.wrap(b, body, block, version);
                return into.amendOrder(d.timestamp(), d.orderId(), d.limitPrice(), d.urgency(), d.expectedVolume(),
                        d.expectedRemainingVolume());
            }
            case AmendTermsDecoder.TEMPLATE_ID -> {
                final AmendTermsDecoder d = amendTermsIn.wrap(b, body, block, version);
                return into.amendOrder(d.timestamp(), d.orderId(), d.limitPrice(), d.urgency(), d.expectedVolume(),
                        d.expectedRemainingVolume(), d.quantity(), d.endTime());
            }
            case ControlDecoder.TEMPLATE_ID -> {
                final ControlDecoder d = controlIn.wrap(b, body, block, version);
                return into.control(EventType.ofCode(d.eventType()), d.timestamp(), HaltScope.ofCode(d.scope()),
                        d.target(), OperatorRole.ofCode(d.role()), ControlReason.ofCode(d.reason()));
            }
            case ChildAckDecoder.TEMPLATE_ID -> {
                final ChildAckDecoder d = ackIn.wrap(b, body, block, version);
                return into.childAck(d.timestamp(), d.orderId(), d.childId());
            }
            case FillDecoder.TEMPLATE_ID -> {
                final FillDecoder d = fillIn.wrap(b, body, block, version);
                return into.fill(d.timestamp(), d.orderId(), d.childId(), d.execId(), d.quantity(), d.price());
            }
            case ChildRejectDecoder.TEMPLATE_ID -> {
                final ChildRejectDecoder d = rejectIn.wrap(b, body, block, version);
                return into.childReject(d.timestamp(), d.orderId(), d.childId());
            }
            case ChildCancelledDecoder.TEMPLATE_ID -> {
                final ChildCancelledDecoder d = cancelledIn.wrap(b, body, block, version);
                return into.childCancelled(d.timestamp(), d.orderId(), d.childId(), d.cumQuantity());
            }
            case TimerDecoder.TEMPLATE_ID -> {
                final TimerDecoder d = timerIn.wrap(b, body, block, version);
                return into.timer(d.timestamp());
            }
            default -> throw new IllegalArgumentException("journal record " + r.sequence() + ": template "
                    + headerIn.templateId() + " is no engine input");
        }
    }

    /** Writes the DECISION message of {@code d} into {@code r}; returns its length. */
    public int encodeDecision(final JournalRecord r, final DecisionRecord d) {
        final DecisionEncoder m = decision.wrapAndApplyHeader(r.buffer(), AT, header)
                .inputSequence(d.sequence()).timestamp(d.timestamp()).orderId(d.orderId())
                .proposedShares(d.proposedShares()).childId(d.childId()).childQuantity(d.childQuantity())
                .childLimitPrice(d.childLimitPrice()).referencePrice(d.referencePrice()).actionValue(d.actionValue())
                .symbol(d.symbol()).strategy(d.strategy()).slice(d.slice()).actionIndex(d.actionIndex())
                .side(side(d.side())).fallback((short) (d.fallback() ? 1 : 0)).verdict((short) d.verdict().code())
                .tactic((short) d.tactic().ordinal());
        final float[] features = d.features();
        final DecisionEncoder.FeaturesEncoder f = m.featuresCount(features.length);
        for (final float v : features) {
            f.next().value(v);
        }
        final float[] raw = d.rawOutput();
        final DecisionEncoder.RawOutputEncoder o = m.rawOutputCount(d.rawOutputLength());
        for (int i = 0; i < d.rawOutputLength(); i++) {
            o.next().value(raw[i]);
        }
        return HEADER + m.encodedLength();
    }

    /** Writes the SHADOW_DECISION message of {@code d} into {@code r}; returns its length. */
    public int encodeShadow(final JournalRecord r, final ShadowRecord d) {
        return HEADER + shadow.wrapAndApplyHeader(r.buffer(), AT, header).inputSequence(d.sequence())
                .timestamp(d.timestamp()).orderId(d.orderId()).proposedShares(d.proposedShares())
                .quantity(d.quantity()).shares(d.shares()).estimatedPrice(d.estimatedPrice())
                .estimatedIsBps(d.estimatedIsBps()).actionValue(d.actionValue()).strategy(d.strategy())
                .slice(d.slice()).actionIndex(d.actionIndex())
                .fault((short) (d.fault() == null ? 0 : d.fault().code())).encodedLength();
    }

    /** The SHADOW_DECISION message of {@code r}, decoded in place (this instance's flyweight). */
    public ShadowDecisionDecoder shadow(final JournalRecord r) {
        return shadowIn.wrapAndApplyHeader(r.buffer(), AT, headerIn);
    }

    /** Writes a TRANSITION message into {@code r}; returns its length. */
    public int encodeTransition(final JournalRecord r, final long sequence, final long timestamp,
                                final HaltScope scope, final long id, final TradingState state,
                                final boolean twapFallback, final HaltReason reason, final double detail,
                                final int detailIndex) {
        return HEADER + transition.wrapAndApplyHeader(r.buffer(), AT, header).inputSequence(sequence)
                .timestamp(timestamp).id(id).detail(detail).detailIndex(detailIndex).scope((short) scope.code())
                .state((short) state.code()).twapFallback((short) (twapFallback ? 1 : 0))
                .reason((short) reason.code()).encodedLength();
    }

    /** Writes a CHILD_CANCEL message into {@code r} ({@code haltReason} null: none); returns its length. */
    public int encodeChildCancel(final JournalRecord r, final long sequence, final long timestamp, final long orderId,
                                 final long childId, final int symbol, final double limitPrice,
                                 final long openQuantity, final CancelReason reason, final HaltReason haltReason) {
        return HEADER + childCancel.wrapAndApplyHeader(r.buffer(), AT, header).inputSequence(sequence)
                .timestamp(timestamp).orderId(orderId).childId(childId).openQuantity(openQuantity)
                .limitPrice(limitPrice).symbol(symbol).reason((short) reason.code())
                .haltReason((short) (haltReason == null ? 0 : haltReason.code())).encodedLength();
    }

    /** Writes an ANOMALY message into {@code r}; returns its length. */
    public int encodeAnomaly(final JournalRecord r, final long sequence, final long timestamp,
                             final InputAnomaly code, final long orderId, final long childId) {
        return HEADER + anomaly.wrapAndApplyHeader(r.buffer(), AT, header).inputSequence(sequence)
                .timestamp(timestamp).orderId(orderId).childId(childId).anomaly((short) code.code()).encodedLength();
    }

    /** The DECISION message of {@code r}, decoded in place (this instance's flyweight: valid until the next call). */
    public DecisionDecoder decision(final JournalRecord r) {
        return decisionIn.wrapAndApplyHeader(r.buffer(), AT, headerIn);
    }

    /** The TRANSITION message of {@code r}, decoded in place (this instance's flyweight: valid until the next call). */
    public TransitionDecoder transition(final JournalRecord r) {
        return transitionIn.wrapAndApplyHeader(r.buffer(), AT, headerIn);
    }

    /** The CHILD_CANCEL message of {@code r}, decoded in place (this instance's flyweight: valid to the next call). */
    public ChildCancelDecoder childCancel(final JournalRecord r) {
        return childCancelIn.wrapAndApplyHeader(r.buffer(), AT, headerIn);
    }

    /** The ANOMALY message of {@code r}, decoded in place (this instance's flyweight: valid until the next call). */
    public AnomalyDecoder anomaly(final JournalRecord r) {
        return anomalyIn.wrapAndApplyHeader(r.buffer(), AT, headerIn);
    }

    /**
     * The input sequence a record belongs to: every message's first field (an input's own sequence, the input an
     * output answers, a SESSION's first input).
     */
    public static long inputSequence(final JournalRecord r) {
        return r.buffer().getLong(JournalFrame.BODY_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    private static byte side(final Side side) {
        return (byte) side.sign();
    }

    private static Side side(final JournalRecord r, final byte sign) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("journal record " + r.sequence() + ": side is " + sign
                    + ", expected 1 (buy) or -1 (sell)");
        }
        return sign == 1 ? Side.BUY : Side.SELL;
    }
}
