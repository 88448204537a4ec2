package io.slicer.engine.event;

/**
 * The plausibility rules for one instrument's market data: one definition, used by the live engine for every quote
 * and trade (before any of it reaches market state or features) and by the historical scenarios for every LOBSTER
 * row and CME bar they build bars from. An event is refused as
 * <ul>
 *   <li>{@link InputAnomaly#BAD_MARKET_DATA}: a price that is NaN, infinite, zero or negative; a negative quote size
 *       or a non-positive trade size; a crossed quote (ask below bid; a locked quote, ask equal to bid, passes); a bar
 *       whose low is above its high;</li>
 *   <li>{@link InputAnomaly#OUT_OF_ORDER_MARKET_DATA}: stamped before the last accepted event (equal stamps pass:
 *       one order can hit several resting orders at once);</li>
 *   <li>{@link InputAnomaly#PRICE_JUMP}: its price (a quote's mid, a trade's price, a bar's low and high) lies more
 *       than the band (a fraction, e.g. 0.10 for 10%) from the last accepted price. The anchor only judges while it
 *       is at most {@code anchorNanos} old: after a longer silence the next sound price is accepted and becomes the
 *       anchor, so a genuine gap is refused for at most that long instead of for the rest of the day.</li>
 * </ul>
 * A refused event leaves the check as it was; {@link #refusedPrice()} says what price it carried, for the record.
 *
 * <p>Allocation-free. One instance per instrument; not thread-safe.
 */
public final class MarketDataCheck {
    /** Default band: a move of more than 10% from the last accepted price within the anchor window is refused. */
    public static final double DEFAULT_BAND = 0.10;

    private final double band;
    private final long anchorNanos;
    private long lastTime = Long.MIN_VALUE;
    private double anchor = Double.NaN;
    private long anchorTime;
    private double refusedPrice = Double.NaN;

    /**
     * @param band        largest accepted relative move from the anchor, > 0; {@code Double.POSITIVE_INFINITY} turns
     *                    the jump rule off
     * @param anchorNanos how long an accepted price stays the anchor, > 0
     */
    public MarketDataCheck(final double band, final long anchorNanos) {
        if (!(band > 0) || anchorNanos <= 0) {
            throw new IllegalArgumentException("market data check needs a price band > 0 (Infinity: off) and an anchor"
                    + " window > 0 ns; got " + band + " and " + anchorNanos + " ns");
        }
        this.band = band;
        this.anchorNanos = anchorNanos;
    }

    /** A top-of-book quote; null when accepted (it becomes the anchor at its mid), else why it was refused. */
    public InputAnomaly quote(final long t, final double bid, final double ask, final long bidSize,
                              final long askSize) {
        final double mid = (bid + ask) * 0.5;
        if (!(bid > 0) || !(ask >= bid) || Double.isInfinite(ask) || bidSize < 0 || askSize < 0) {
            return refuse(InputAnomaly.BAD_MARKET_DATA, mid);
        }
        return judge(t, mid, mid, mid);
    }

    /** A trade; null when accepted (its price becomes the anchor), else why it was refused. */
    public InputAnomaly trade(final long t, final double price, final long size) {
        if (!(price > 0) || Double.isInfinite(price) || size <= 0) {
            return refuse(InputAnomaly.BAD_MARKET_DATA, price);
        }
        return judge(t, price, price, price);
    }

    /**
     * A bar of trades ending at {@code t}: its low and high must both be sound and within the band; null when
     * accepted (its close becomes the anchor), else why it was refused.
     */
    public InputAnomaly bar(final long t, final double low, final double high, final double close, final long volume) {
        if (!(low > 0) || !(high >= low) || Double.isInfinite(high) || !(close >= low && close <= high)
                || volume < 0) {
            return refuse(InputAnomaly.BAD_MARKET_DATA, close);
        }
        return judge(t, low, high, close);
    }

    private InputAnomaly judge(final long t, final double low, final double high, final double price) {
        if (t < lastTime) {
            return refuse(InputAnomaly.OUT_OF_ORDER_MARKET_DATA, price);
        }
        if (anchor > 0 && t - anchorTime <= anchorNanos) {
            if (high > anchor * (1 + band)) {
                return refuse(InputAnomaly.PRICE_JUMP, high);
            }
            if (low < anchor * (1 - band)) {
                return refuse(InputAnomaly.PRICE_JUMP, low);
            }
        }
        lastTime = t;
        anchor = price;
        anchorTime = t;
        return null;
    }

    private InputAnomaly refuse(final InputAnomaly why, final double price) {
        refusedPrice = price;
        return why;
    }

    /** The price the last refused event carried (a quote's mid; for a jump, the price beyond the band). */
    public double refusedPrice() {
        return refusedPrice;
    }

    /** The last accepted price, NaN before any. */
    public double anchor() {
        return anchor;
    }
}
