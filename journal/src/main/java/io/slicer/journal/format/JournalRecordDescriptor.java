package io.slicer.journal.format;

/**
 * The binary layout of every journal record, in one place. Each record is one Chronicle Queue document (raw bytes, no
 * wire marshalling) made of a fixed 24-byte header followed by a payload whose layout depends on the record type.
 * All numbers are little-endian; doubles and floats are IEEE-754 bit patterns so a replay compares them bit for bit.
 *
 * <h2>Header (every record)</h2>
 * <pre>
 *  0               4       6       8               12              16                              24
 *  +---------------+-------+-------+---------------+---------------+-------------------------------+----------
 *  | magic  "SLJ1" | type  | layout| payload length| CRC32C        | journal sequence              | payload
 *  |  int          | short | short | int           | int           | long                          | ...
 *  +---------------+-------+-------+---------------+---------------+-------------------------------+----------
 * </pre>
 * The CRC32C covers the header bytes [0, 12) and [16, 24 + payload length), i.e. everything but itself. The journal
 * sequence counts records from 0, densely, across process restarts: a reader that sees a gap knows a record went
 * missing. {@code layout} is {@link #LAYOUT_VERSION}: a reader refuses records of a layout it does not know.
 *
 * <h2>Strings</h2>
 * A string field is an unsigned 16-bit byte count followed by that many UTF-8 bytes ({@link #STRING_LENGTH_BYTES}).
 * Booleans are ints (0/1); enums are their stable engine codes ({@code EventType}, {@code RiskVerdict},
 * {@code HaltReason}, {@code HaltScope}, {@code InputAnomaly}); a side is +1 (buy) or -1 (sell).
 *
 * <h2>SESSION ({@link RecordType#SESSION}): one per engine start, before any input of that start</h2>
 * <pre>
 *  0  int    formatVersion        {@link #FORMAT_VERSION}
 *  4  int    strategyCount        S: strategies registered with the engine, by index
 *  8  long   firstInputSequence   the input sequence this session's first INPUT carries (0, or the count recovered)
 * 16  int    modelCount           M
 * 20  string engineVersion
 *  .. string config               the engine configuration as {@code key=value;...} (see EngineSettings)
 *  .. S x string strategySpec     e.g. {@code twap}, {@code pov:0.1}, {@code policy:<sha256>}
 *  .. M x { string name; 32 bytes SHA-256 of the model directory archived in DIR/models/<sha256>/ }
 * </pre>
 *
 * <h2>INPUT ({@link RecordType#INPUT}): one engine input ({@code EngineEvent}), in ring sequence order</h2>
 * Every field of the event, whatever its type, so the event is rebuilt exactly.
 * <pre>
 *   0 long   inputSequence
 *   8 int    eventType          12 int    symbol
 *  16 long   timestamp          24 long   orderId
 *  32 long   childId            40 long   execId
 *  48 int    side               52 int    slices
 *  56 long   quantity           64 long   cumQuantity
 *  72 double price              80 long   size
 *  88 double bid                96 double ask
 * 104 long   bidSize           112 long   askSize
 * 120 long   startTime         128 long   endTime
 * 136 int    strategy          140 int    scope
 * 144 double limitPrice        152 double wouldPrice
 * 160 double urgency           168 double referenceVolatility
 * 176 double expectedVolume    184 long   scopeId
 * 192 double expectedRemainingVolume (NEW_ORDER, AMEND_ORDER; NaN = unknown / unchanged)
 * 200 (end)
 * </pre>
 * Layout 1 (format 1) ended at 192, without expectedRemainingVolume: a journal written before it is refused
 * (replay it with the build that wrote it) rather than read with a volume nobody recorded.
 *
 * <h2>DECISION ({@link RecordType#DECISION}): one slicing decision ({@code DecisionRecord})</h2>
 * <pre>
 *   0 long   inputSequence       8 long   timestamp
 *  16 long   orderId            24 int    symbol
 *  28 int    side               32 int    strategy (registered index)
 *  36 int    period             40 int    fallback (TWAP fallback after a policy halt)
 *  44 int    riskVerdict        48 long   proposedShares
 *  56 long   childId (0: none)  64 long   childQuantity
 *  72 double childLimitPrice    80 double referencePrice
 *  88 double actionValue        96 int    actionIndex
 * 100 int    featureCount F    104 int    outputCount N (Q-values or actor mean; 0 for schedules)
 * 108 int    reserved (0)
 * 112 float[F] features (ExecutionFeatures order)
 * 112+4F float[N] raw policy output
 * </pre>
 *
 * <h2>HALT ({@link RecordType#HALT}): a scope stopped, and why</h2>
 * <pre>
 *   0 long   inputSequence       8 long   timestamp
 *  16 long   id (order, symbol or 0 for ALL)
 *  24 int    scope              28 int    reason
 *  32 double detail (the measured value that tripped it, NaN for manual)
 *  40 int    detailIndex (feature index, or -1)      44 int reserved (0)
 *  48 (end)
 * </pre>
 *
 * <h2>ANOMALY ({@link RecordType#ANOMALY}): an input dropped, clamped or rejected</h2>
 * <pre>
 *   0 long   inputSequence       8 long   timestamp
 *  16 long   orderId            24 long   childId
 *  32 int    anomaly            36 int    reserved (0)
 *  40 (end)
 * </pre>
 */
public final class JournalRecordDescriptor {
    public static final int MAGIC = 0x314A4C53; // "SLJ1" in little-endian byte order
    /** 2: INPUT carries expectedRemainingVolume (layout 1 ended at byte 192). */
    public static final short LAYOUT_VERSION = 2;
    /** 2: written with {@link #LAYOUT_VERSION} 2. */
    public static final int FORMAT_VERSION = 2;

    public static final int MAGIC_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int LAYOUT_OFFSET = 6;
    public static final int LENGTH_OFFSET = 8;
    public static final int CRC_OFFSET = 12;
    public static final int SEQUENCE_OFFSET = 16;
    public static final int HEADER_LENGTH = 24;

    /** Largest payload a record may carry; bounds the reader's buffer and catches a corrupt length early. */
    public static final int MAX_PAYLOAD_LENGTH = 1 << 16;
    public static final int STRING_LENGTH_BYTES = 2;
    public static final int MAX_STRING_BYTES = 0xFFFF;
    public static final int SHA256_BYTES = 32;

    // SESSION
    public static final int SESSION_FORMAT_VERSION = 0;
    public static final int SESSION_STRATEGY_COUNT = 4;
    public static final int SESSION_FIRST_INPUT_SEQUENCE = 8;
    public static final int SESSION_MODEL_COUNT = 16;
    public static final int SESSION_STRINGS = 20;

    // INPUT
    public static final int INPUT_SEQUENCE = 0;
    public static final int INPUT_EVENT_TYPE = 8;
    public static final int INPUT_SYMBOL = 12;
    public static final int INPUT_TIMESTAMP = 16;
    public static final int INPUT_ORDER_ID = 24;
    public static final int INPUT_CHILD_ID = 32;
    public static final int INPUT_EXEC_ID = 40;
    public static final int INPUT_SIDE = 48;
    public static final int INPUT_SLICES = 52;
    public static final int INPUT_QUANTITY = 56;
    public static final int INPUT_CUM_QUANTITY = 64;
    public static final int INPUT_PRICE = 72;
    public static final int INPUT_SIZE = 80;
    public static final int INPUT_BID = 88;
    public static final int INPUT_ASK = 96;
    public static final int INPUT_BID_SIZE = 104;
    public static final int INPUT_ASK_SIZE = 112;
    public static final int INPUT_START_TIME = 120;
    public static final int INPUT_END_TIME = 128;
    public static final int INPUT_STRATEGY = 136;
    public static final int INPUT_SCOPE = 140;
    public static final int INPUT_LIMIT_PRICE = 144;
    public static final int INPUT_WOULD_PRICE = 152;
    public static final int INPUT_URGENCY = 160;
    public static final int INPUT_REFERENCE_VOLATILITY = 168;
    public static final int INPUT_EXPECTED_VOLUME = 176;
    public static final int INPUT_SCOPE_ID = 184;
    public static final int INPUT_EXPECTED_REMAINING_VOLUME = 192;
    public static final int INPUT_LENGTH = 200;

    // DECISION
    public static final int DECISION_INPUT_SEQUENCE = 0;
    public static final int DECISION_TIMESTAMP = 8;
    public static final int DECISION_ORDER_ID = 16;
    public static final int DECISION_SYMBOL = 24;
    public static final int DECISION_SIDE = 28;
    public static final int DECISION_STRATEGY = 32;
    public static final int DECISION_PERIOD = 36;
    public static final int DECISION_FALLBACK = 40;
    public static final int DECISION_RISK_VERDICT = 44;
    public static final int DECISION_PROPOSED_SHARES = 48;
    public static final int DECISION_CHILD_ID = 56;
    public static final int DECISION_CHILD_QUANTITY = 64;
    public static final int DECISION_CHILD_LIMIT_PRICE = 72;
    public static final int DECISION_REFERENCE_PRICE = 80;
    public static final int DECISION_ACTION_VALUE = 88;
    public static final int DECISION_ACTION_INDEX = 96;
    public static final int DECISION_FEATURE_COUNT = 100;
    public static final int DECISION_OUTPUT_COUNT = 104;
    public static final int DECISION_RESERVED = 108;
    public static final int DECISION_FEATURES = 112;

    // HALT
    public static final int HALT_INPUT_SEQUENCE = 0;
    public static final int HALT_TIMESTAMP = 8;
    public static final int HALT_ID = 16;
    public static final int HALT_SCOPE = 24;
    public static final int HALT_REASON = 28;
    public static final int HALT_DETAIL = 32;
    public static final int HALT_DETAIL_INDEX = 40;
    public static final int HALT_RESERVED = 44;
    public static final int HALT_LENGTH = 48;

    // ANOMALY
    public static final int ANOMALY_INPUT_SEQUENCE = 0;
    public static final int ANOMALY_TIMESTAMP = 8;
    public static final int ANOMALY_ORDER_ID = 16;
    public static final int ANOMALY_CHILD_ID = 24;
    public static final int ANOMALY_CODE = 32;
    public static final int ANOMALY_RESERVED = 36;
    public static final int ANOMALY_LENGTH = 40;

    private JournalRecordDescriptor() {
    }

    /** Payload length of a DECISION with {@code features} features and {@code outputs} policy outputs. */
    public static int decisionLength(final int features, final int outputs) {
        return DECISION_FEATURES + Float.BYTES * (features + outputs);
    }

    /** Offset of the first policy output of a DECISION with {@code features} features. */
    public static int decisionOutputsOffset(final int features) {
        return DECISION_FEATURES + Float.BYTES * features;
    }
}
