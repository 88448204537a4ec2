package io.slicer.engine.order;

/**
 * A parent order's slice clock: its horizon cut into equal slices, the last slice decided and when, and the market as
 * it stood at that slice's boundary (cumulative volume, the order's fills, mid and half-spread), which the next
 * boundary measures the slice from.
 *
 * <p>Order {@code o} with start S, end E and N slices is in slice {@code floor((t - S) * N / (E - S))} at time t:
 * negative before the start, N at or after the end. When the OMS moves the end to E' at time A, in slice k, the
 * slices not yet finished are re-cut from there ({@link #moveEnd}): slice {@code k + floor((t - A) * (N - k) / (E' - A))}
 * at time t &gt;= A, so the current slice stays current, nothing already decided is decided again, and the remaining
 * slices share the remaining horizon equally.
 *
 * <p>Allocation-free. Engine thread.
 */
public final class SliceClock {
    private long startTime;
    private long endTime;
    private int slices;
    /** The clock's current segment: slice {@link #segmentSlice} starts at {@link #segmentStart}. */
    private long segmentStart;
    private int segmentSlice;
    private int lastDecidedSlice;
    private long lastDecisionTime;
    private double volumeAtStart;
    private double volumeAtBoundary;
    private long filledAtBoundary;
    private double midAtBoundary;
    private double halfSpreadAtBoundary;
    /** The order's fills when a decision inside the current slice sized nothing; -1 for none since the boundary. */
    private long sizedNothingAtFilled = -1;

    /** A new order: nothing decided yet. */
    void start(final long start, final long end, final int n) {
        this.startTime = start;
        this.endTime = end;
        this.slices = n;
        this.segmentStart = start;
        this.segmentSlice = 0;
        this.lastDecidedSlice = -1;
        this.lastDecisionTime = Long.MIN_VALUE;
        this.volumeAtStart = Double.NaN;
        this.volumeAtBoundary = 0;
        this.filledAtBoundary = 0;
        this.sizedNothingAtFilled = -1;
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
        if (t < startTime) {
            return -1;
        }
        if (t >= endTime) {
            return slices;
        }
        if (t < segmentStart) {
            // Before a move of the end: the slice the clock then said (a time the engine has passed already).
            return segmentSlice;
        }
        return segmentSlice + (int) ((t - segmentStart) * (slices - segmentSlice) / (endTime - segmentStart));
    }

    /**
     * The OMS moved the end of the horizon to {@code end} at time {@code now} (after the start and before
     * {@code end}, checked by the caller): before the start the horizon is simply longer or shorter; once started,
     * the slice of {@code now} stays current and it and the slices after it share {@code [now, end)} equally.
     */
    void moveEnd(final long now, final long end) {
        final int current = sliceAt(now);
        if (current >= 0) {
            this.segmentSlice = current;
            this.segmentStart = now;
        }
        this.endTime = end;
    }

    /** The end of the horizon, as last amended. */
    public long endTime() { return endTime; }

    /** Slice {@code slice} was decided at a boundary: the market then is what the next boundary measures from. */
    public void boundary(final int slice, final long time, final double cumulativeVolume, final long filled,
                         final double mid, final double halfSpread) {
        this.lastDecidedSlice = slice;
        this.lastDecisionTime = time;
        this.volumeAtBoundary = cumulativeVolume;
        this.filledAtBoundary = filled;
        this.midAtBoundary = mid;
        this.halfSpreadAtBoundary = halfSpread;
        this.sizedNothingAtFilled = -1;
    }

    /** A second decision inside the current slice (a sweep or an I-would touch) at {@code time}. */
    public void decidedAgain(final long time) {
        this.lastDecisionTime = time;
    }

    /**
     * A decision inside the current slice sized nothing with the order at {@code filled} (the participation cap or the
     * minimum child leaves no room). Inside a slice the sizing sees the last slice's volume, what the order filled
     * since the boundary and its terms, so until a fill, an amend ({@link #termsChanged}) or the next boundary the
     * same decision would size nothing again: the timer does not decide it again (nor journal an empty decision).
     */
    public void sizedNothing(final long filled) {
        this.sizedNothingAtFilled = filled;
    }

    /** True while a decision inside this slice sized nothing at {@code filled} and nothing has changed since. */
    public boolean sizedNothingAt(final long filled) {
        return sizedNothingAtFilled == filled;
    }

    /** The order's terms changed (an amend): a decision inside the slice may size differently now. */
    void termsChanged() {
        this.sizedNothingAtFilled = -1;
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
