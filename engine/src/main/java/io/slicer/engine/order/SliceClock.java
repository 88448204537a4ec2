package io.slicer.engine.order;

/**
 * A parent order's slice clock: its horizon cut into equal slices, the last slice decided and when, and the market as
 * it stood at that slice's boundary (cumulative volume, the order's fills, mid and half-spread), which the next
 * boundary measures the slice from.
 *
 * <p>Order {@code o} with start S, end E and N slices is in slice {@code floor((t - S) * N / (E - S))} at time t:
 * negative before the start, N at or after the end.
 *
 * <p>Allocation-free. Engine thread.
 */
public final class SliceClock {
    private long startTime;
    private long endTime;
    private int slices;
    private int lastDecidedSlice;
    private long lastDecisionTime;
    private double volumeAtStart;
    private double volumeAtBoundary;
    private long filledAtBoundary;
    private double midAtBoundary;
    private double halfSpreadAtBoundary;

    /** A new order: nothing decided yet. */
    void start(final long start, final long end, final int n) {
        this.startTime = start;
        this.endTime = end;
        this.slices = n;
        this.lastDecidedSlice = -1;
        this.lastDecisionTime = Long.MIN_VALUE;
        this.volumeAtStart = Double.NaN;
        this.volumeAtBoundary = 0;
        this.filledAtBoundary = 0;
        this.midAtBoundary = Double.NaN;
        this.halfSpreadAtBoundary = Double.NaN;
    }

    /** The slice of event time {@code t} in a horizon {@code [start, end)} of {@code slices} slices. */
    public static int sliceAt(final long t, final long start, final long end, final int slices) {
        if (t < start) {
            return -1;
        }
        if (t >= end) {
            return slices;
        }
        return (int) ((t - start) * slices / (end - start));
    }

    /**
     * The event time {@code fraction} of the way through slice {@code slice} (0: its start), on the same grid as
     * {@link #sliceAt(long)}: a passive child's deadline ({@link ChildTactic#DEADLINE_FRACTION}).
     */
    public long timeInSlice(final int slice, final double fraction) {
        final long from = startTime + (endTime - startTime) * slice / slices;
        final long to = startTime + (endTime - startTime) * (slice + 1) / slices;
        return from + (long) ((to - from) * fraction);
    }

    /** The slice of event time {@code t}: negative before the start, {@link #slices()} at or after the end. */
    public int sliceAt(final long t) {
        return sliceAt(t, startTime, endTime, slices);
    }

    /** Slice {@code slice} was decided at a boundary: the market then is what the next boundary measures from. */
    public void boundary(final int slice, final long time, final double cumulativeVolume, final long filled,
                         final double mid, final double halfSpread) {
        this.lastDecidedSlice = slice;
        this.lastDecisionTime = time;
        this.volumeAtBoundary = cumulativeVolume;
        this.filledAtBoundary = filled;
        this.midAtBoundary = mid;
        this.halfSpreadAtBoundary = halfSpread;
    }

    /** A second decision inside the current slice (a sweep or an I-would touch) at {@code time}. */
    public void decidedAgain(final long time) {
        this.lastDecisionTime = time;
    }

    /** Cumulative market volume when the order's first slice was decided. */
    public void volumeAtStart(final double v) {
        this.volumeAtStart = v;
    }

    /** Last slice decided, -1 before the first. */
    public int lastDecidedSlice() { return lastDecidedSlice; }
    public long lastDecisionTime() { return lastDecisionTime; }
    /** NaN before the first decision. */
    public double volumeAtStart() { return volumeAtStart; }
    public double volumeAtBoundary() { return volumeAtBoundary; }
    public long filledAtBoundary() { return filledAtBoundary; }
    public double midAtBoundary() { return midAtBoundary; }
    public double halfSpreadAtBoundary() { return halfSpreadAtBoundary; }
}
