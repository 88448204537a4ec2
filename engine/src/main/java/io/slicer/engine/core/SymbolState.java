package io.slicer.engine.core;

import io.slicer.engine.market.Instrument;
import io.slicer.engine.order.TradeFlow;

/**
 * Market state of one symbol as the engine has seen it: its reference data ({@link Instrument}), top of book,
 * cumulative traded volume, its buyer- and seller-initiated volume over the tactic chooser's window
 * ({@link TradeFlow}) and last update time. Allocation-free; engine thread only.
 */
public final class SymbolState {
    private final Instrument instrument;
    private double bid = Double.NaN;
    private double ask = Double.NaN;
    private long bidSize;
    private long askSize;
    private double cumulativeVolume;
    private long lastUpdate = Long.MIN_VALUE;
    private final TradeFlow flow = new TradeFlow(TradeFlow.DEFAULT_CAPACITY);

    SymbolState(final Instrument instrument) {
        this.instrument = instrument;
    }

    void quote(final long t, final double bid, final double ask, final long bidSize, final long askSize) {
        this.bid = bid;
        this.ask = ask;
        this.bidSize = bidSize;
        this.askSize = askSize;
        this.lastUpdate = t;
    }

    void trade(final long t, final double price, final long size, final int aggressor) {
        this.cumulativeVolume += size;
        flow.record(t, aggressor, size);
        this.lastUpdate = Math.max(lastUpdate, t);
    }

    /** Mid of the last valid quote, NaN before one. */
    public double mid() {
        return (bid + ask) * 0.5;
    }

    public double spread() {
        return ask - bid;
    }

    /** Half the spread: what crossing it costs a marketable order, per unit. */
    public double halfSpread() {
        return spread() * 0.5;
    }

    /** (bid size - ask size) / (bid size + ask size), 0 without sizes. */
    public double orderFlowImbalance() {
        final long total = bidSize + askSize;
        return total > 0 ? (double) (bidSize - askSize) / total : 0.0;
    }

    public boolean hasReferencePrice() {
        final double m = mid();
        return m > 0 && !Double.isInfinite(m);
    }

    /**
     * The bid in whole ticks, rounded down: an off-tick quote (a simulated one) is rounded away from the mid, so a
     * price derived from it never lands through the touch. Where tactics price a resting child and the tactic
     * chooser reads the spread, both from here.
     */
    public long bidTicks() {
        return Math.round(instrument.roundDown(bid) / instrument.tickSize());
    }

    /** The ask in whole ticks, rounded up (away from the mid, as {@link #bidTicks}). */
    public long askTicks() {
        return Math.round(instrument.roundUp(ask) / instrument.tickSize());
    }

    public double bid() { return bid; }
    public long bidSize() { return bidSize; }
    public long askSize() { return askSize; }
    /** The symbol's trade flow; {@link TradeFlow#window} it to the decision's time before reading. */
    public TradeFlow flow() { return flow; }
    public double ask() { return ask; }
    public double cumulativeVolume() { return cumulativeVolume; }
    /** Event time of the last quote or trade, Long.MIN_VALUE before any. */
    public long lastUpdate() { return lastUpdate; }
    public Instrument instrument() { return instrument; }
}
