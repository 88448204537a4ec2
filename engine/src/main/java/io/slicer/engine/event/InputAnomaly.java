package io.slicer.engine.event;

/**
 * An input the core could not apply as given. Each is journaled with the event's sequence; none changes state
 * except as documented (a bad fill price still counts the shares, at the child's limit price). Codes are stable.
 */
public enum InputAnomaly {
    /** Market data older than the symbol's latest: dropped, the symbol's orders halted or paused. */
    OUT_OF_ORDER_MARKET_DATA(1),
    /**
     * NaN, infinite, zero or negative price, a bad size, or a crossed quote: dropped, the symbol's orders halted or
     * paused.
     */
    BAD_MARKET_DATA(2),
    /** Symbol outside 0..maxSymbols-1: dropped. */
    UNKNOWN_SYMBOL(3),
    /** Command or venue report for an order id the engine does not hold: dropped. */
    UNKNOWN_ORDER(4),
    /** Venue report for a child that is unknown or already fully accounted: dropped (a duplicate or stray). */
    UNKNOWN_CHILD(5),
    /** Fill whose exec id was already applied to the child: dropped. */
    DUPLICATE_FILL(6),
    /** Fill larger than the child's open quantity: the open part is counted, the order halts. */
    OVERFILL(7),
    /** Fill after a cancel confirm beyond the venue's own cumulative quantity: the order halts. */
    LATE_FILL_EXCEEDS_CUM_QUANTITY(8),
    /** Fill with a NaN, infinite or non-positive price: shares counted at the child's limit price. */
    BAD_FILL_PRICE(9),
    /** Fill with a non-positive quantity: dropped. */
    BAD_FILL_QUANTITY(10),
    /** New order with missing or inconsistent fields (quantity, times, slices, strategy, symbol): rejected. */
    INVALID_ORDER(11),
    /** New order reusing an order id: rejected. */
    DUPLICATE_ORDER_ID(12),
    /** No free order slot: rejected. */
    ORDER_CAPACITY(13),
    /** Cancel, amend, pause or resume for an order that is no longer open: ignored. */
    ORDER_NOT_OPEN(14),
    /** Cancel confirm reporting more filled shares than the child had: clamped to the child's quantity. */
    CUM_QUANTITY_EXCEEDS_CHILD(15),
    /** Event timestamp earlier than the engine clock (non-market events are still applied). */
    TIMESTAMP_BEFORE_CLOCK(16),
    /**
     * Market data priced beyond the configured band from the symbol's last accepted price ({@link MarketDataCheck}):
     * dropped, the symbol's orders halted or paused.
     */
    PRICE_JUMP(17),
    /** Amend raising the order's quantity: refused whole (a quantity can only go down), nothing changes. */
    AMEND_QUANTITY_UP(18),
    /**
     * Amend lowering the quantity below what is filled plus what is working at the venue: refused whole, nothing
     * changes (the OMS may ask again once the working children have filled or been cancelled).
     */
    AMEND_QUANTITY_BELOW_DONE(19),
    /** Amend moving the end of the horizon to or before the engine's time or the order's start: refused whole. */
    AMEND_END_NOT_AHEAD(20);

    private final int code;

    InputAnomaly(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** A refused quote or trade of a known symbol: the market-data faults that stop the symbol's orders. */
    public boolean badMarketData() {
        return this == OUT_OF_ORDER_MARKET_DATA || this == BAD_MARKET_DATA || this == PRICE_JUMP;
    }
}
