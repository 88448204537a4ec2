package io.slicer.engine.order;

/** Where a child order stands with the venue. */
public enum ChildStatus {
    /** Sent, not yet acknowledged. */
    PENDING_NEW,
    /** Acknowledged and working. */
    WORKING,
    /** Cancel sent, not yet confirmed: fills may still arrive. */
    PENDING_CANCEL,
    /** Cancel confirmed; fills up to the venue's cumulative quantity may still arrive late. */
    CANCELLED,
    /** Rejected by the venue. */
    REJECTED,
    /** Completely filled. */
    FILLED
}
