package io.slicer.journal;

import io.slicer.engine.core.DecisionRecord;
import io.slicer.engine.core.InputAnomaly;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;

import static io.slicer.journal.format.JournalRecordDescriptor.*;

/**
 * Encodes engine inputs and outputs into journal records and decodes inputs back into ring events, at the offsets of
 * {@link io.slicer.journal.format.JournalRecordDescriptor}. Allocation-free.
 */
public final class EngineRecords {
    private EngineRecords() {
    }

    /** Writes the INPUT payload of {@code e}; returns its length. */
    public static int encodeInput(final JournalRecord r, final long sequence, final EngineEvent e) {
        r.putLong(INPUT_SEQUENCE, sequence)
                .putInt(INPUT_EVENT_TYPE, e.type().code())
                .putInt(INPUT_SYMBOL, e.symbol())
                .putLong(INPUT_TIMESTAMP, e.timestamp())
                .putLong(INPUT_ORDER_ID, e.orderId())
                .putLong(INPUT_CHILD_ID, e.childId())
                .putLong(INPUT_EXEC_ID, e.execId())
                .putInt(INPUT_SIDE, e.side() == null ? 0 : e.side().sign())
                .putInt(INPUT_SLICES, e.slices())
                .putLong(INPUT_QUANTITY, e.quantity())
                .putLong(INPUT_CUM_QUANTITY, e.cumQuantity())
                .putDouble(INPUT_PRICE, e.price())
                .putLong(INPUT_SIZE, e.size())
                .putDouble(INPUT_BID, e.bid())
                .putDouble(INPUT_ASK, e.ask())
                .putLong(INPUT_BID_SIZE, e.bidSize())
                .putLong(INPUT_ASK_SIZE, e.askSize())
                .putLong(INPUT_START_TIME, e.startTime())
                .putLong(INPUT_END_TIME, e.endTime())
                .putInt(INPUT_STRATEGY, e.strategy())
                .putInt(INPUT_SCOPE, e.scope().code())
                .putDouble(INPUT_LIMIT_PRICE, e.limitPrice())
                .putDouble(INPUT_WOULD_PRICE, e.wouldPrice())
                .putDouble(INPUT_URGENCY, e.urgency())
                .putDouble(INPUT_REFERENCE_VOLATILITY, e.referenceVolatility())
                .putDouble(INPUT_EXPECTED_VOLUME, e.expectedVolume())
                .putLong(INPUT_SCOPE_ID, e.scopeId())
                .putDouble(INPUT_EXPECTED_REMAINING_VOLUME, e.expectedRemainingVolume());
        return INPUT_LENGTH;
    }

    /**
     * Rebuilds the ring event of an INPUT record into {@code into}.
     *
     * @throws IllegalArgumentException when a code (event type, side, scope) is unknown
     */
    public static EngineEvent decodeInput(final JournalRecord r, final EngineEvent into) {
        final int side = r.getInt(INPUT_SIDE);
        if (side != 1 && side != -1) {
            throw new IllegalArgumentException("journal record " + r.sequence() + ": INPUT side is " + side
                    + ", expected 1 (buy) or -1 (sell)");
        }
        return into.clear()
                .type(EventType.ofCode(r.getInt(INPUT_EVENT_TYPE)))
                .symbol(r.getInt(INPUT_SYMBOL))
                .timestamp(r.getLong(INPUT_TIMESTAMP))
                .orderId(r.getLong(INPUT_ORDER_ID))
                .childId(r.getLong(INPUT_CHILD_ID))
                .execId(r.getLong(INPUT_EXEC_ID))
                .side(side == 1 ? Side.BUY : Side.SELL)
                .slices(r.getInt(INPUT_SLICES))
                .quantity(r.getLong(INPUT_QUANTITY))
                .cumQuantity(r.getLong(INPUT_CUM_QUANTITY))
                .price(r.getDouble(INPUT_PRICE))
                .size(r.getLong(INPUT_SIZE))
                .bid(r.getDouble(INPUT_BID))
                .ask(r.getDouble(INPUT_ASK))
                .bidSize(r.getLong(INPUT_BID_SIZE))
                .askSize(r.getLong(INPUT_ASK_SIZE))
                .startTime(r.getLong(INPUT_START_TIME))
                .endTime(r.getLong(INPUT_END_TIME))
                .strategy(r.getInt(INPUT_STRATEGY))
                .scope(HaltScope.ofCode(r.getInt(INPUT_SCOPE)))
                .limitPrice(r.getDouble(INPUT_LIMIT_PRICE))
                .wouldPrice(r.getDouble(INPUT_WOULD_PRICE))
                .urgency(r.getDouble(INPUT_URGENCY))
                .referenceVolatility(r.getDouble(INPUT_REFERENCE_VOLATILITY))
                .expectedVolume(r.getDouble(INPUT_EXPECTED_VOLUME))
                .scopeId(r.getLong(INPUT_SCOPE_ID))
                .expectedRemainingVolume(r.getDouble(INPUT_EXPECTED_REMAINING_VOLUME));
    }

    /** Writes the DECISION payload of {@code d}; returns its length. */
    public static int encodeDecision(final JournalRecord r, final DecisionRecord d) {
        final float[] features = d.features();
        final int outputs = d.rawOutputLength();
        r.putLong(DECISION_INPUT_SEQUENCE, d.sequence())
                .putLong(DECISION_TIMESTAMP, d.timestamp())
                .putLong(DECISION_ORDER_ID, d.orderId())
                .putInt(DECISION_SYMBOL, d.symbol())
                .putInt(DECISION_SIDE, d.side().sign())
                .putInt(DECISION_STRATEGY, d.strategy())
                .putInt(DECISION_PERIOD, d.period())
                .putInt(DECISION_FALLBACK, d.fallback() ? 1 : 0)
                .putInt(DECISION_RISK_VERDICT, d.verdict().code())
                .putLong(DECISION_PROPOSED_SHARES, d.proposedShares())
                .putLong(DECISION_CHILD_ID, d.childId())
                .putLong(DECISION_CHILD_QUANTITY, d.childQuantity())
                .putDouble(DECISION_CHILD_LIMIT_PRICE, d.childLimitPrice())
                .putDouble(DECISION_REFERENCE_PRICE, d.referencePrice())
                .putDouble(DECISION_ACTION_VALUE, d.actionValue())
                .putInt(DECISION_ACTION_INDEX, d.actionIndex())
                .putInt(DECISION_FEATURE_COUNT, features.length)
                .putInt(DECISION_OUTPUT_COUNT, outputs)
                .putInt(DECISION_RESERVED, 0);
        int at = DECISION_FEATURES;
        for (final float f : features) {
            r.putFloat(at, f);
            at += Float.BYTES;
        }
        final float[] raw = d.rawOutput();
        for (int i = 0; i < outputs; i++) {
            r.putFloat(at, raw[i]);
            at += Float.BYTES;
        }
        return at;
    }

    public static int encodeHalt(final JournalRecord r, final long sequence, final long timestamp,
                                 final HaltScope scope, final long id, final HaltReason reason, final double detail,
                                 final int detailIndex) {
        r.putLong(HALT_INPUT_SEQUENCE, sequence)
                .putLong(HALT_TIMESTAMP, timestamp)
                .putLong(HALT_ID, id)
                .putInt(HALT_SCOPE, scope.code())
                .putInt(HALT_REASON, reason.code())
                .putDouble(HALT_DETAIL, detail)
                .putInt(HALT_DETAIL_INDEX, detailIndex)
                .putInt(HALT_RESERVED, 0);
        return HALT_LENGTH;
    }

    public static int encodeAnomaly(final JournalRecord r, final long sequence, final long timestamp,
                                    final InputAnomaly anomaly, final long orderId, final long childId) {
        r.putLong(ANOMALY_INPUT_SEQUENCE, sequence)
                .putLong(ANOMALY_TIMESTAMP, timestamp)
                .putLong(ANOMALY_ORDER_ID, orderId)
                .putLong(ANOMALY_CHILD_ID, childId)
                .putInt(ANOMALY_CODE, anomaly.code())
                .putInt(ANOMALY_RESERVED, 0);
        return ANOMALY_LENGTH;
    }

    /** The input sequence an output record (DECISION, HALT, ANOMALY) belongs to; all carry it at offset 0. */
    public static long outputInputSequence(final JournalRecord r) {
        return r.getLong(DECISION_INPUT_SEQUENCE);
    }

    /** Name of the DECISION/HALT/ANOMALY/INPUT field at payload {@code offset}, for divergence reports. */
    public static String fieldAt(final io.slicer.journal.format.RecordType type, final int offset) {
        return switch (type) {
            case INPUT -> name(offset, INPUT_NAMES);
            case DECISION -> offset >= DECISION_FEATURES ? "features/raw output float #"
                    + (offset - DECISION_FEATURES) / Float.BYTES : name(offset, DECISION_NAMES);
            case HALT -> name(offset, HALT_NAMES);
            case ANOMALY -> name(offset, ANOMALY_NAMES);
            case SESSION -> "session byte " + offset;
        };
    }

    private static String name(final int offset, final String[][] names) {
        String found = "byte " + offset;
        for (final String[] entry : names) {
            if (offset >= Integer.parseInt(entry[0])) {
                found = entry[1];
            }
        }
        return found;
    }

    private static final String[][] INPUT_NAMES = {
            {"0", "inputSequence"}, {"8", "eventType"}, {"12", "symbol"}, {"16", "timestamp"}, {"24", "orderId"},
            {"32", "childId"}, {"40", "execId"}, {"48", "side"}, {"52", "slices"}, {"56", "quantity"},
            {"64", "cumQuantity"}, {"72", "price"}, {"80", "size"}, {"88", "bid"}, {"96", "ask"},
            {"104", "bidSize"}, {"112", "askSize"}, {"120", "startTime"}, {"128", "endTime"}, {"136", "strategy"},
            {"140", "scope"}, {"144", "limitPrice"}, {"152", "wouldPrice"}, {"160", "urgency"},
            {"168", "referenceVolatility"}, {"176", "expectedVolume"}, {"184", "scopeId"},
            {"192", "expectedRemainingVolume"}};
    private static final String[][] DECISION_NAMES = {
            {"0", "inputSequence"}, {"8", "timestamp"}, {"16", "orderId"}, {"24", "symbol"}, {"28", "side"},
            {"32", "strategy"}, {"36", "period"}, {"40", "fallback"}, {"44", "riskVerdict"},
            {"48", "proposedShares"}, {"56", "childId"}, {"64", "childQuantity"}, {"72", "childLimitPrice"},
            {"80", "referencePrice"}, {"88", "actionValue"}, {"96", "actionIndex"}, {"100", "featureCount"},
            {"104", "outputCount"}, {"108", "reserved"}};
    private static final String[][] HALT_NAMES = {
            {"0", "inputSequence"}, {"8", "timestamp"}, {"16", "id"}, {"24", "scope"}, {"28", "reason"},
            {"32", "detail"}, {"40", "detailIndex"}, {"44", "reserved"}};
    private static final String[][] ANOMALY_NAMES = {
            {"0", "inputSequence"}, {"8", "timestamp"}, {"16", "orderId"}, {"24", "childId"}, {"32", "anomaly"},
            {"36", "reserved"}};
}
