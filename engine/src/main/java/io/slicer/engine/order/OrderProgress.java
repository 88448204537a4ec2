package io.slicer.engine.order;

import io.slicer.engine.risk.HaltReason;

/**
 * A consistent snapshot of one parent order's progress, readable from any thread while the engine runs
 * (see {@code SlicerEngine#progress}). Mutable so a monitor can reuse one instance.
 *
 * <p>It holds the order's running sums as the engine keeps them (shortfall cost, filled notional, the TWAP
 * yardstick's units and cost, market volume since the first slice) and derives the ratios a reader wants when asked,
 * with the formulas the engine's own checks use ({@link ParentOrder#shortfallBps(double, long, double)}): the
 * divisions happen on the reader's thread, not on the engine's at every publish.
 */
public final class OrderProgress {
    private long orderId;
    private OrderStatus status;
    private boolean paused;
    private HaltReason haltReason;
    private boolean fallback;
    private long quantity;
    private long endTime;
    private int termsAmends;
    private AmendRefusal lastAmendRefusal;
    private long filled;
    private long inFlight;
    private int slice;
    private double arrivalPrice;
    private double shortfallCost;
    private double filledNotional;
    private long twapUnits;
    private double twapShortfallCost;
    private double marketVolume;

    /** Engine thread, inside the publisher's write: the order's current state. */
    void capture(final ParentOrder o, final double cumulativeMarketVolume) {
        orderId = o.orderId();
        status = o.status();
        paused = o.paused();
        haltReason = o.haltReason();
        fallback = o.fallback();
        quantity = o.quantity();
        endTime = o.endTime();
        termsAmends = o.termsAmends();
        lastAmendRefusal = o.lastAmendRefusal();
        filled = o.filled();
        inFlight = o.inFlight();
        slice = o.sliceClock().lastDecidedSlice();
        arrivalPrice = o.arrivalPrice();
        shortfallCost = o.shortfallCost();
        filledNotional = o.filledNotional();
        twapUnits = o.yardstick().shares();
        twapShortfallCost = o.yardstick().shortfallCost();
        final double volumeAtStart = o.sliceClock().volumeAtStart();
        marketVolume = Double.isNaN(volumeAtStart) ? 0 : cumulativeMarketVolume - volumeAtStart;
    }

    /** Any thread, inside the publisher's read: a field-by-field copy of {@code from}. */
    void copyFrom(final OrderProgress from) {
        orderId = from.orderId;
        status = from.status;
        paused = from.paused;
        haltReason = from.haltReason;
        fallback = from.fallback;
        quantity = from.quantity;
        endTime = from.endTime;
        termsAmends = from.termsAmends;
        lastAmendRefusal = from.lastAmendRefusal;
        filled = from.filled;
        inFlight = from.inFlight;
        slice = from.slice;
        arrivalPrice = from.arrivalPrice;
        shortfallCost = from.shortfallCost;
        filledNotional = from.filledNotional;
        twapUnits = from.twapUnits;
        twapShortfallCost = from.twapShortfallCost;
        marketVolume = from.marketVolume;
    }

    public long orderId() { return orderId; }
    public OrderStatus status() { return status; }
    public boolean paused() { return paused; }
    /** Null unless halted or fallen back to TWAP. */
    public HaltReason haltReason() { return haltReason; }
    public boolean fallback() { return fallback; }
    public long quantity() { return quantity; }
    /** The end of the order's horizon (event time), as last amended. */
    public long endTime() { return endTime; }
    /** Amends of quantity or horizon the engine has processed for this order, applied or refused. */
    public int termsAmends() { return termsAmends; }
    /** Why the latest amend of quantity or horizon was refused; null when it was applied or there was none. */
    public AmendRefusal lastAmendRefusal() { return lastAmendRefusal; }
    /** Shares done. */
    public long filled() { return filled; }
    /** Shares on working children (or confirmed by the venue but not yet reported as fills). */
    public long inFlight() { return inFlight; }
    /** Shares neither done nor in flight. */
    public long remaining() { return quantity - filled - inFlight; }
    /** Last slice decided, -1 before the first. */
    public int slice() { return slice; }

    /** Implementation shortfall of the filled shares so far, bps of their arrival value. */
    public double shortfallBps() {
        return ParentOrder.shortfallBps(shortfallCost, filled, arrivalPrice);
    }

    /** IS of the TWAP benchmark on the same market path so far, bps. */
    public double twapShortfallBps() {
        return ParentOrder.shortfallBps(twapShortfallCost, twapUnits, arrivalPrice);
    }

    /** Filled shares / market volume since the order's first slice. */
    public double participation() {
        return marketVolume > 0 ? filled / marketVolume : 0.0;
    }

    /** Average fill price, NaN before the first fill. */
    public double averagePrice() {
        return filled > 0 ? filledNotional / filled : Double.NaN;
    }

    @Override
    public String toString() {
        return String.format("order %d %s%s filled %d/%d inFlight %d remaining %d slice %d IS %.2f bps "
                        + "(TWAP %.2f bps) participation %.2f%%%s", orderId, status, paused ? " (paused)" : "",
                filled, quantity, inFlight, remaining(), slice, shortfallBps(), twapShortfallBps(),
                participation() * 100, haltReason == null ? "" : " reason " + haltReason
                        + (fallback ? " (TWAP fallback)" : ""));
    }
}
