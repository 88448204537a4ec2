package io.slicer.engine.risk;

/** What a pause or halt applies to: one parent order, every order on one symbol, or everything. */
public enum HaltScope {
    ORDER(1),
    SYMBOL(2),
    ALL(3);

    private final int code;

    HaltScope(final int code) {
        this.code = code;
    }

    /** Stable journal code. */
    public int code() {
        return code;
    }

    public static HaltScope ofCode(final int code) {
        for (final HaltScope s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown halt scope code " + code + ", expected 1..3");
    }
}
