package io.slicer.tools.marketdata;

import io.slicer.engine.event.MarketDataCheck;

/**
 * The historical side of the engine's {@link MarketDataCheck}: the same rules (time order, sound prices and sizes,
 * no crossed book, no move beyond the price band from the last accepted price) applied to one instrument's rows or
 * bars while a {@link BarSeries} is built, so a scenario never learns from or is scored on a price the live engine
 * would have refused. A refused row or bar is left out (it moves no book and adds no volume) and counted; the
 * series carries the count and the reports print it.
 *
 * <p>Allocation-free. One per series; not thread-safe.
 */
public final class PlausibilityFilter {
    /**
     * How long an accepted price anchors the band: across consecutive LOBSTER rows and minute bars and over CME's
     * one-hour daily break, but not over a weekend, after which the first sound price becomes the new anchor.
     */
    public static final long ANCHOR_NANOS = 3_600L * 1_000_000_000L;

    private final MarketDataCheck check = new MarketDataCheck(MarketDataCheck.DEFAULT_BAND, ANCHOR_NANOS);
    private long rejected;

    /** True when the quote passes; a refused one is counted. */
    public boolean quote(final long t, final double bid, final double ask, final long bidSize, final long askSize) {
        return count(check.quote(t, bid, ask, bidSize, askSize) == null);
    }

    /** True when the trade passes; a refused one is counted. */
    public boolean trade(final long t, final double price, final long size) {
        return count(check.trade(t, price, size) == null);
    }

    /** True when the bar passes; a refused one is counted. */
    public boolean bar(final long t, final double low, final double high, final double close, final long volume) {
        return count(check.bar(t, low, high, close, volume) == null);
    }

    private boolean count(final boolean accepted) {
        if (!accepted) {
            rejected++;
        }
        return accepted;
    }

    /** Rows or bars refused so far. */
    public long rejected() {
        return rejected;
    }
}
