package io.slicer.engine.event;

/**
 * What an {@link EngineEvent} carries. The {@link #code()} is stable and is what a journal writes; never reorder or
 * reuse a code, append new types with new codes.
 */
public enum EventType {
    /** Top of book changed: bid, ask, bid size, ask size. */
    QUOTE(1),
    /** A print on the tape: last price and size (market volume). */
    TRADE(2),
    /** OMS hands over a parent order. */
    NEW_ORDER(3),
    /** OMS cancels a parent order: working children are cancelled, no new ones. */
    CANCEL_ORDER(4),
    /**
     * OMS amends a parent order's limit price, urgency, volume expectations, a lower quantity or the end of its
     * horizon (NaN, or 0 for the quantity and end, leaves a field unchanged).
     */
    AMEND_ORDER(5),
    /** Stop sending children for a scope (order, symbol or everything); working children stay. */
    PAUSE(6),
    /** Undo a {@link #PAUSE}. A halt is never resumed. */
    RESUME(7),
    /** Kill switch: halt a scope, cancel its working children, send nothing more. */
    HALT(8),
    /** Venue accepted a child order. */
    CHILD_ACK(9),
    /** Venue executed (part of) a child order; identified by exec id, duplicates are ignored. */
    FILL(10),
    /** Venue rejected a new child order; its quantity returns to the parent. */
    CHILD_REJECT(11),
    /** Venue confirmed a child's cancel, with the child's cumulative filled quantity at the venue. */
    CHILD_CANCELLED(12),
    /** Clock tick: slice boundaries and staleness are evaluated at the event's timestamp. */
    TIMER(13);

    private static final EventType[] BY_CODE = new EventType[14];

    static {
        for (final EventType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    EventType(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with journal code {@code code}; throws for an unknown code (a corrupt or newer journal). */
    public static EventType ofCode(final int code) {
        if (code <= 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new IllegalArgumentException("unknown engine event type code " + code
                    + ", expected 1.." + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
