package io.slicer.engine.order;

/**
 * Turns a strategy's wish into a child quantity the desk's rules allow. Pure arithmetic: allocation-free.
 *
 * <p>In order:
 * <ol>
 *   <li>The urgency multiplier scales the strategy's shares.</li>
 *   <li>"I would": when the far touch is at or better than the order's I-would price, ask for everything available.</li>
 *   <li>Participation cap (the stricter of the desk's and the strategy's): at most {@code cap} times the market
 *       volume of the last slice (the expected slice volume before the first). The last slice ignores the cap and
 *       asks for everything available, so the order finishes by its end time.</li>
 *   <li>Never more than available: {@code quantity - filled - inFlight}, so children in flight are counted.</li>
 *   <li>At most the maximum child size; rounded down to whole lots unless it is exactly the rest of the order
 *       (an odd lot may finish an order); nothing when below the minimum child size, unless it finishes the order.</li>
 * </ol>
 */
public final class SliceSizer {
    private final long lotSize;
    private final long minChild;
    private final long maxChild;
    private final double participationCap;

    /** {@code participationCap} NaN for none. */
    public SliceSizer(final long lotSize, final long minChild, final long maxChild, final double participationCap) {
        if (lotSize <= 0 || minChild < 0 || maxChild < lotSize || minChild > maxChild) {
            throw new IllegalArgumentException("slice sizing needs lot > 0, 0 <= min child <= max child and max child"
                    + " >= lot; got lot " + lotSize + ", min " + minChild + ", max " + maxChild);
        }
        if (!Double.isNaN(participationCap) && !(participationCap > 0 && participationCap <= 1)) {
            throw new IllegalArgumentException("participation cap must be in (0, 1] or NaN, got " + participationCap);
        }
        this.lotSize = lotSize;
        this.minChild = minChild;
        this.maxChild = maxChild;
        this.participationCap = participationCap;
    }

    /**
     * @param proposed          shares the strategy asked for
     * @param urgency           multiplier on {@code proposed} (1 = as decided)
     * @param available         quantity - filled - in flight
     * @param lastSlice         the order's final slice: sweep what is available
     * @param wouldTriggered    the market is at or through the I-would price
     * @param strategyCap       the strategy's own participation cap, NaN for none
     * @param volumeEstimate    market volume the cap applies to
     */
    public long size(final long proposed, final double urgency, final long available, final boolean lastSlice,
                     final boolean wouldTriggered, final double strategyCap, final double volumeEstimate) {
        return size(proposed, urgency, available, lastSlice, wouldTriggered, strategyCap, volumeEstimate, 0);
    }

    /**
     * As {@link #size(long, double, long, boolean, boolean, double, double)} for a second decision inside a slice
     * (an I-would touch between boundaries): the participation cap bounds the slice, so what the order already sent
     * in it ({@code sentThisSlice}) uses up the cap.
     */
    public long size(final long proposed, final double urgency, final long available, final boolean lastSlice,
                     final boolean wouldTriggered, final double strategyCap, final double volumeEstimate,
                     final long sentThisSlice) {
        if (available <= 0) {
            return 0;
        }
        long q;
        if (lastSlice || wouldTriggered) {
            q = available;
        } else {
            q = urgency == 1.0 ? proposed : (long) Math.floor(proposed * urgency);
        }
        if (!lastSlice) {
            final double cap = stricter(participationCap, strategyCap);
            if (!Double.isNaN(cap)) {
                q = Math.min(q, (long) Math.floor(cap * Math.max(0.0, volumeEstimate)) - sentThisSlice);
            }
        }
        q = Math.min(Math.max(q, 0), available);
        q = Math.min(q, maxChild);
        if (q < available) {
            q = q / lotSize * lotSize;
            if (q < minChild) {
                q = 0;
            }
        }
        return q;
    }

    private static double stricter(final double a, final double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.min(a, b);
    }

    public long lotSize() {
        return lotSize;
    }

    public long minChild() {
        return minChild;
    }

    public long maxChild() {
        return maxChild;
    }

    public double participationCap() {
        return participationCap;
    }
}
