package io.slicer.tools.marketdata.lobster;

/**
 * Receives a LOBSTER day as ticks, in file order, with primitive arguments only so a replay allocates nothing per
 * event. For an execution row the trade comes first, then the quote it left behind (if the top of book changed).
 * An empty book side arrives as price NaN and size 0.
 */
public interface TickListener {
    /** The best bid/ask changed. {@code tsNanos}: nanoseconds after midnight, exchange local time. */
    void onQuote(long tsNanos, double bid, long bidSize, double ask, long askSize);

    /**
     * A trade on the exchange (visible or hidden execution).
     *
     * @param aggressorSign +1 when a buyer lifted a resting sell, -1 when a seller hit a resting buy
     */
    void onTrade(long tsNanos, double price, long size, int aggressorSign);
}
