package io.slicer.engine.order;

import io.slicer.engine.risk.HaltReason;

/**
 * A consistent snapshot of one parent order's progress, readable from any thread while the engine runs
 * (see {@code SlicerEngine#progress}). Mutable so a monitor can reuse one instance.
 */
public final class OrderProgress {
    private long orderId;
    private OrderStatus status;
    private boolean paused;
    private HaltReason haltReason;
    private boolean fallback;
    private long quantity;
    private long filled;
    private long inFlight;
    private int slice;
    private double shortfallBps;
    private double twapShortfallBps;
    private double participation;
    private double averagePrice;

    void set(final long orderId, final OrderStatus status, final boolean paused, final HaltReason haltReason,
             final boolean fallback, final long quantity, final long filled, final long inFlight, final int slice,
             final double shortfallBps, final double twapShortfallBps, final double participation,
             final double averagePrice) {
        this.orderId = orderId;
        this.status = status;
        this.paused = paused;
        this.haltReason = haltReason;
        this.fallback = fallback;
        this.quantity = quantity;
        this.filled = filled;
        this.inFlight = inFlight;
        this.slice = slice;
        this.shortfallBps = shortfallBps;
        this.twapShortfallBps = twapShortfallBps;
        this.participation = participation;
        this.averagePrice = averagePrice;
    }

    public long orderId() { return orderId; }
    public OrderStatus status() { return status; }
    public boolean paused() { return paused; }
    /** Null unless halted or fallen back to TWAP. */
    public HaltReason haltReason() { return haltReason; }
    public boolean fallback() { return fallback; }
    public long quantity() { return quantity; }
    /** Shares done. */
    public long filled() { return filled; }
    /** Shares on working children (or confirmed by the venue but not yet reported as fills). */
    public long inFlight() { return inFlight; }
    /** Shares neither done nor in flight. */
    public long remaining() { return quantity - filled - inFlight; }
    /** Last slice decided, -1 before the first. */
    public int slice() { return slice; }
    /** Implementation shortfall of the filled shares so far, bps of their arrival value. */
    public double shortfallBps() { return shortfallBps; }
    /** IS of the TWAP benchmark on the same market path so far, bps. */
    public double twapShortfallBps() { return twapShortfallBps; }
    /** Filled shares / market volume since the order's first slice. */
    public double participation() { return participation; }
    /** Average fill price, NaN before the first fill. */
    public double averagePrice() { return averagePrice; }

    @Override
    public String toString() {
        return String.format("order %d %s%s filled %d/%d inFlight %d remaining %d slice %d IS %.2f bps "
                        + "(TWAP %.2f bps) participation %.2f%%%s", orderId, status, paused ? " (paused)" : "",
                filled, quantity, inFlight, remaining(), slice, shortfallBps, twapShortfallBps,
                participation * 100, haltReason == null ? "" : " reason " + haltReason
                        + (fallback ? " (TWAP fallback)" : ""));
    }
}
