package io.slicer.tools.marketdata.lobster;

/**
 * The best bid and ask after a message (level 1 of the orderbook row). A reused view owned by a
 * {@link LobsterReader}, valid until its next {@code next()}.
 *
 * <p>An empty side (LOBSTER's dummy price, size 0) reads as {@code hasBid() == false}; its price accessor returns NaN
 * so that nothing downstream mistakes the dummy 999999.9999 for a quote.
 */
public final class LobsterBook {
    long askTicks;
    long askSize;
    long bidTicks;
    long bidSize;

    public boolean hasAsk() {
        return askTicks != LobsterFormat.EMPTY_ASK;
    }

    public boolean hasBid() {
        return bidTicks != LobsterFormat.EMPTY_BID;
    }

    /** Both sides quoted: mid and spread are defined. */
    public boolean isTwoSided() {
        return hasAsk() && hasBid();
    }

    public long askTicks() {
        return askTicks;
    }

    public long bidTicks() {
        return bidTicks;
    }

    public long askSize() {
        return askSize;
    }

    public long bidSize() {
        return bidSize;
    }

    /** Best ask in dollars, NaN when the ask side is empty. */
    public double ask() {
        return hasAsk() ? LobsterFormat.toDollars(askTicks) : Double.NaN;
    }

    /** Best bid in dollars, NaN when the bid side is empty. */
    public double bid() {
        return hasBid() ? LobsterFormat.toDollars(bidTicks) : Double.NaN;
    }

    /** (bid + ask) / 2 in dollars, NaN unless two-sided. */
    public double mid() {
        return isTwoSided() ? (askTicks + bidTicks) / (2 * LobsterFormat.PRICE_SCALE) : Double.NaN;
    }

    /** ask - bid in dollars, NaN unless two-sided. */
    public double spread() {
        return isTwoSided() ? (askTicks - bidTicks) / LobsterFormat.PRICE_SCALE : Double.NaN;
    }

    boolean sameLevelOneAs(final long askT, final long askS, final long bidT, final long bidS) {
        return askTicks == askT && askSize == askS && bidTicks == bidT && bidSize == bidS;
    }
}
