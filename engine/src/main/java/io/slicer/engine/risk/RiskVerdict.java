package io.slicer.engine.risk;

/**
 * Outcome of the pre-trade checks for one proposed child order. Everything except {@link #ACCEPTED} and
 * {@link #NOTHING_TO_SEND} is a typed rejection: the child is not sent and the decision record carries the reason.
 * Codes are stable (journal).
 */
public enum RiskVerdict {
    ACCEPTED(0),
    /** Sizing left zero shares (schedule says wait, lot/min size, cap exhausted): not a rejection. */
    NOTHING_TO_SEND(1),
    MAX_CHILD_QUANTITY(2),
    MAX_NOTIONAL(3),
    PRICE_COLLAR(4),
    THROTTLE(5),
    DUPLICATE_CHILD(6),
    /** Fail closed: the reference price is missing, zero or NaN. */
    NO_REFERENCE_PRICE(7),
    /** The order, its symbol or the engine is paused or halted. */
    NOT_ACTIVE(8),
    /** The order already has its maximum number of unresolved children, or the engine's child pool is full. */
    CHILD_CAPACITY(9);

    private final int code;

    RiskVerdict(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RiskVerdict ofCode(final int code) {
        for (final RiskVerdict v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown risk verdict code " + code);
    }
}
