package io.slicer.engine.risk;

import java.util.Locale;

/**
 * Why an operator paused, resumed or halted: the reason the console asks for with every action, journaled with the
 * control input and shown by the audit. A short fixed list rather than free text, so the ring event stays primitive
 * and a replay compares it bit for bit. The code is stable; append, never reuse.
 */
public enum ControlReason {
    /** No reason given (the embedding application's own controls). */
    UNSPECIFIED(0),
    /** The client asked for it. */
    CLIENT_REQUEST(1),
    /** The market moved or dried up (news, a halt on the venue, a spread blow-out). */
    MARKET_CONDITIONS(2),
    /** A desk or firm risk limit. */
    RISK_LIMIT(3),
    /** The strategy or model is behaving unexpectedly. */
    STRATEGY_BEHAVIOUR(4),
    /** A technical problem (venue connectivity, market data, the OMS). */
    TECHNICAL_PROBLEM(5),
    /** The desk resumes after its concern was resolved. */
    RESOLVED(6);

    private final int code;

    ControlReason(final int code) {
        this.code = code;
    }

    /** Stable journal code. */
    public int code() {
        return code;
    }

    public static ControlReason ofCode(final int code) {
        for (final ControlReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown control reason code " + code + ", expected 0.."
                + (values().length - 1));
    }

    /** The reason named {@code name} (any case, '-' for '_'); names the valid ones when there is none. */
    public static ControlReason parse(final String name) {
        final String key = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (final ControlReason r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown control reason '" + name + "', expected one of "
                + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
