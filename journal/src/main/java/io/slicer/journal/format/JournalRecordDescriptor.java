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
 *
 * <h2>SESSION ({@link RecordType#SESSION}): one per engine start, before any input of that start</h2>
 * <pre>
 *  0  int    formatVersion        {@link #FORMAT_VERSION}
 *  4  int    modelCount           number of model entries below
 *  8  long   firstInputSequence   the input sequence this session's first INPUT carries
 * 16  string engineVersion
 *  .. string config               free text: the engine configuration this session ran with
 *  .. modelCount x { string name; 32 bytes SHA-256 of the model directory }
 * </pre>
 *
 * <h2>ORDER ({@link RecordType#ORDER}): a parent order's strategy, written before the INPUT that creates it</h2>
 * <pre>
 *  0  long   orderId
 *  8  string strategySpec         e.g. {@code twap}, {@code dqn:<sha256>} (replay rebuilds the strategy from it)
 * </pre>
 *
 * <h2>INPUT ({@link RecordType#INPUT}): one engine input, in ring sequence order</h2>
 * <pre>
 *  0  long   inputSequence        ring sequence (dense within a journal; recovery continues the count)
 *  8  int    eventType            the engine's event type code
 * 12  int    side                 0 none, 1 buy, -1 sell
 * 16  long   timestampNanos       event time (never wall clock)
 * 24  long   orderId              parent order id, or 0
 * 32  long   childId              child order id, or 0
 * 40  long   quantity             shares
 * 48  double price                currency per share
 * 56  double price2               second price (e.g. ask when price is bid), NaN if unused
 * 64  double value                event-specific number (e.g. market volume), NaN if unused
 * 72  long   aux                  event-specific integer (e.g. periods), 0 if unused
 * 80  (end)
 * </pre>
 *
 * <h2>DECISION ({@link RecordType#DECISION}): one slicing decision and its child order</h2>
 * <pre>
 *  0  long   inputSequence        the input that triggered the decision
 *  8  long   orderId
 * 16  long   timestampNanos
 * 24  long   childId              0 if no child was sent
 * 32  long   requestedQuantity    what the strategy asked for (after clamping to remaining)
 * 40  long   childQuantity        what risk let through
 * 48  double childLimitPrice      NaN for a market child
 * 56  double participationCap     NaN for none
 * 64  double actionValue          NaN for schedules
 * 72  int    actionIndex          -1 for schedules and continuous policies
 * 76  int    riskVerdict          0 = accepted; otherwise the bit set of the checks that fired
 * 80  long   remainingBefore      parent shares left before this child
 * 88  int    featureCount         F
 * 92  int    outputCount          N (Q-values or actor mean; 0 for schedules)
 * 96  float[F] features           {@code ExecutionFeatures} order
 * 96+4F float[N] policy output
 * </pre>
 *
 * <h2>HALT ({@link RecordType#HALT}): an order (or the whole engine) stopped, with its reason</h2>
 * <pre>
 *  0  long   inputSequence
 *  8  long   orderId              0 when the kill switch halts the engine
 * 16  int    reasonCode
 * 20  string reason
 * </pre>
 */
public final class JournalRecordDescriptor {
    public static final int MAGIC = 0x314A4C53; // "SLJ1" in little-endian byte order
    public static final short LAYOUT_VERSION = 1;
    public static final int FORMAT_VERSION = 1;

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
    public static final int SESSION_MODEL_COUNT = 4;
    public static final int SESSION_FIRST_INPUT_SEQUENCE = 8;
    public static final int SESSION_STRINGS = 16;

    // ORDER
    public static final int ORDER_ORDER_ID = 0;
    public static final int ORDER_STRATEGY_SPEC = 8;

    // INPUT
    public static final int INPUT_SEQUENCE = 0;
    public static final int INPUT_EVENT_TYPE = 8;
    public static final int INPUT_SIDE = 12;
    public static final int INPUT_TIMESTAMP = 16;
    public static final int INPUT_ORDER_ID = 24;
    public static final int INPUT_CHILD_ID = 32;
    public static final int INPUT_QUANTITY = 40;
    public static final int INPUT_PRICE = 48;
    public static final int INPUT_PRICE2 = 56;
    public static final int INPUT_VALUE = 64;
    public static final int INPUT_AUX = 72;
    public static final int INPUT_LENGTH = 80;

    // DECISION
    public static final int DECISION_INPUT_SEQUENCE = 0;
    public static final int DECISION_ORDER_ID = 8;
    public static final int DECISION_TIMESTAMP = 16;
    public static final int DECISION_CHILD_ID = 24;
    public static final int DECISION_REQUESTED_QUANTITY = 32;
    public static final int DECISION_CHILD_QUANTITY = 40;
    public static final int DECISION_CHILD_LIMIT_PRICE = 48;
    public static final int DECISION_PARTICIPATION_CAP = 56;
    public static final int DECISION_ACTION_VALUE = 64;
    public static final int DECISION_ACTION_INDEX = 72;
    public static final int DECISION_RISK_VERDICT = 76;
    public static final int DECISION_REMAINING_BEFORE = 80;
    public static final int DECISION_FEATURE_COUNT = 88;
    public static final int DECISION_OUTPUT_COUNT = 92;
    public static final int DECISION_FEATURES = 96;

    // HALT
    public static final int HALT_INPUT_SEQUENCE = 0;
    public static final int HALT_ORDER_ID = 8;
    public static final int HALT_REASON_CODE = 16;
    public static final int HALT_REASON = 20;

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
