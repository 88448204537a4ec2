package io.slicer.engine.risk;

/** Why a scope was halted. The code is stable (journal); append, never reuse. */
public enum HaltReason {
    /** An operator pressed the kill switch (the OMS's code or a trader at the console; the control input says who). */
    OPERATOR(1, false),
    /** The order's running IS exceeded k times the TWAP benchmark's on the same market path. */
    IS_EXCEEDS_TWAP_BENCHMARK(2, true),
    /** A feature (volatility ratio included) left the model's training domain by more than k sigma. */
    FEATURE_OUT_OF_DOMAIN(3, true),
    /** The policy returned NaN (shares or action value). */
    POLICY_NAN(4, true),
    /** The policy returned an action outside its action space, or negative shares. */
    POLICY_ACTION_OUT_OF_RANGE(5, true),
    /** The policy threw. */
    POLICY_THREW(6, true),
    /** No market data for the order's symbol within the staleness limit. */
    STALE_MARKET_DATA(7, false),
    /** No usable reference price (missing, zero or NaN) when the order arrived. */
    NO_REFERENCE_PRICE(8, false),
    /** The venue reported more shares than the child order had (an overfill): fail closed. */
    VENUE_OVERFILL(9, false),
    /** The order's symbol, or the whole engine, was halted. */
    PARENT_SCOPE_HALTED(10, false),
    /** The engine itself failed while processing an event (a sink, journal or strategy bug): everything halts. */
    ENGINE_FAULT(11, false),
    /**
     * A quote or trade of the order's symbol failed the market-data check (out of order, not a sound price or size,
     * crossed, or beyond the price band): the detail is the refused price, the index the anomaly's code.
     */
    BAD_MARKET_DATA(12, false),
    /**
     * The venue rejected the order's children {@code KillSwitch.MAX_CONSECUTIVE_REJECTS} times in a row, with no fill
     * or acknowledgement between: the order stops rather than keep sending into a venue that refuses it (the detail
     * is the count). A single reject is not a halt: the engine re-slices what the child held.
     */
    VENUE_REJECTS(13, false);

    private final int code;
    private final boolean policyFault;

    HaltReason(final int code, final boolean policyFault) {
        this.code = code;
        this.policyFault = policyFault;
    }

    public int code() {
        return code;
    }

    /**
     * True when the fault lies with the policy, not the market or the operator: only then may the optional TWAP
     * fallback finish the order instead of stopping it.
     */
    public boolean policyFault() {
        return policyFault;
    }

    public static HaltReason ofCode(final int code) {
        for (final HaltReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown halt reason code " + code);
    }
}
