package io.slicer.engine.order;

/**
 * Buyer- and seller-initiated volume over the last {@link TacticFeatures#FLOW_WINDOW_NANOS} of a symbol's tape: the
 * {@code trade_flow} reading a {@link TacticChooser} sees. The live engine keeps one per symbol and the historical
 * simulator one per episode, both fed trade by trade through {@link #record}, so the two cannot disagree on the
 * window.
 *
 * <p>Aggressor: +1 buyer-initiated (it lifted the offer), -1 seller-initiated, 0 unknown. A print whose aggressor
 * the feed did not give is left out of both sides (it counts towards neither, as if it had not printed for this
 * reading); a quote-rule guess would make the reading depend on which quote arrived first, which a feed does not pin.
 *
 * <p>A fixed ring of {@code capacity} entries; prints of one side at one timestamp share an entry, and each print
 * first lets go of those 30 seconds older than itself. When a burst still fills the ring, the oldest entry is dropped
 * early ({@link #dropped} counts them): the window then covers less than its 30 seconds, never more. Times (of
 * prints and of {@link #window}) must not go backwards.
 *
 * <p>Allocation-free after construction. One thread.
 */
public final class TradeFlow {
    /**
     * Entries the engine and the simulator keep per symbol (16 KiB): distinct (time, side) prints in 30 seconds. The
     * busiest 30 seconds of the sample LOBSTER days hold 181 (AMZN) and 146 (GOOG) (TradeFlowCapacityTest).
     */
    public static final int DEFAULT_CAPACITY = 1 << 10;

    private final long[] times;
    /** Signed size: positive buyer-initiated, negative seller-initiated. */
    private final long[] sizes;
    private int head;
    private int count;
    private long buyVolume;
    private long sellVolume;
    private long dropped;

    public TradeFlow(final int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("trade flow capacity must be positive, got " + capacity);
        }
        this.times = new long[capacity];
        this.sizes = new long[capacity];
    }

    /** Forgets every print (a new episode). */
    public void clear() {
        head = 0;
        count = 0;
        buyVolume = 0;
        sellVolume = 0;
        dropped = 0;
    }

    /** A print of {@code size} at {@code time} by {@code aggressor} (+1, -1; 0 unknown: left out). */
    public void record(final long time, final int aggressor, final long size) {
        if (aggressor == 0 || size <= 0) {
            return;
        }
        // Prints 30 s older than this one can leave now: a full ring then drops only what is still in the window.
        window(time);
        final long signed = aggressor > 0 ? size : -size;
        if (aggressor > 0) {
            buyVolume += size;
        } else {
            sellVolume += size;
        }
        if (count > 0) {
            final int last = (head + count - 1) % times.length;
            if (times[last] == time && (sizes[last] > 0) == (signed > 0)) {
                sizes[last] += signed;
                return;
            }
        }
        if (count == times.length) {
            evictOldest();
            dropped++;
        }
        final int at = (head + count) % times.length;
        times[at] = time;
        sizes[at] = signed;
        count++;
    }

    /** Drops every print before {@code now - FLOW_WINDOW_NANOS}: what remains is the window ending at {@code now}. */
    public void window(final long now) {
        final long since = now - TacticFeatures.FLOW_WINDOW_NANOS;
        while (count > 0 && times[head] < since) {
            evictOldest();
        }
    }

    private void evictOldest() {
        final long signed = sizes[head];
        if (signed > 0) {
            buyVolume -= signed;
        } else {
            sellVolume += signed;
        }
        head = (head + 1) % times.length;
        count--;
    }

    /** Buyer-initiated volume in the window as of the last {@link #window}. */
    public long buyVolume() {
        return buyVolume;
    }

    /** Seller-initiated volume in the window as of the last {@link #window}. */
    public long sellVolume() {
        return sellVolume;
    }

    /** Entries dropped early because the ring was full. */
    public long dropped() {
        return dropped;
    }
}
