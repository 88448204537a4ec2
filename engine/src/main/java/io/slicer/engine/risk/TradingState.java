package io.slicer.engine.risk;

/**
 * Kill-switch state of a scope. ACTIVE sends children; PAUSED sends none but keeps working children and can resume;
 * HALTED has cancelled its working children and never sends again. The codes are stable (journal).
 */
public enum TradingState {
    ACTIVE(1),
    PAUSED(2),
    HALTED(3);

    private final int code;

    TradingState(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static TradingState ofCode(final int code) {
        for (final TradingState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown trading state code " + code + ", expected 1..3");
    }
}
