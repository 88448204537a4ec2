package io.slicer.engine.order;

/**
 * Why the engine asked the venue to cancel a working child: journaled with every cancel request (before it leaves),
 * so an auditor reads from the journal alone that, when and why the engine pulled a child. A cancel the kill switch
 * caused also carries the scope's {@code HaltReason}. Codes are stable (journal); append, never reuse.
 */
public enum CancelReason {
    /** A slice boundary: the last slice's child, with {@code cancelAtSliceEnd} or a passive tactic's resting child. */
    SLICE_END(1),
    /** A passive tactic's deadline within the slice: the resting child is pulled so what it left can be crossed. */
    TACTIC_DEADLINE(2),
    /** A peg's price moved: the resting child is pulled to rest again at the new price. */
    PEG_REPRICE(3),
    /** The order reached the end of its horizon. */
    ORDER_EXPIRED(4),
    /** The OMS cancelled the parent order. */
    OMS_CANCEL(5),
    /** The kill switch halted the order (the cancel's halt reason says why). */
    KILL_SWITCH_HALT(6),
    /** The kill switch paused the order on bad market data (the cancel's halt reason says so). */
    KILL_SWITCH_PAUSE(7),
    /** A policy fault handed the order to the TWAP fallback (the cancel's halt reason names the fault). */
    TWAP_FALLBACK(8);

    private final int code;

    CancelReason(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CancelReason ofCode(final int code) {
        for (final CancelReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown cancel reason code " + code);
    }
}
