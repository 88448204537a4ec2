package io.slicer.engine.order;

/** Lifecycle of a parent order inside the engine. Only OPEN orders send children. */
public enum OrderStatus {
    /** Accepted; trading between its start and end time. */
    OPEN,
    /** Every share filled. */
    FILLED,
    /** Cancelled by the OMS. */
    CANCELLED,
    /** End time passed with shares unfilled. */
    EXPIRED,
    /** Stopped by the kill switch; see the order's halt reason. */
    HALTED,
    /** Refused at entry (invalid fields, duplicate id, no capacity). */
    REJECTED;

}
