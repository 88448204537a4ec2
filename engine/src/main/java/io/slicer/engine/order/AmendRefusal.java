package io.slicer.engine.order;

/**
 * Why the engine refused an OMS's amend of an order's quantity or horizon. A refused amend changes nothing, not even
 * the limit or urgency it also carried; the OMS reads the refusal from the order's progress
 * ({@link OrderProgress#lastAmendRefusal()}) and the journal holds it as an input anomaly.
 */
public enum AmendRefusal {
    /** The new quantity is above the order's: a quantity only goes down. */
    QUANTITY_UP("a quantity can only go down"),
    /**
     * The new quantity is below what is filled plus what is working at the venue. The engine does not cancel
     * working children to make room: a desk cutting an order wants what the venue may be filling right now counted,
     * not raced, so it asks again once those children are done.
     */
    QUANTITY_BELOW_DONE("the quantity cannot go below what is filled plus working"),
    /** The new end of the horizon is not after the engine's time and the order's start. */
    END_NOT_AHEAD("the end of the horizon must be after now and after the order's start");

    private final String reason;

    AmendRefusal(final String reason) {
        this.reason = reason;
    }

    /** One line for the OMS. */
    public String reason() {
        return reason;
    }
}
